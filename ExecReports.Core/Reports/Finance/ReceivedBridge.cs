using ExecReports.Core.Primitives;
using ExecReports.Core.Reports.Metrics;

namespace ExecReports.Core.Reports.Finance;

// Booked (accrual) revenue to cash received from customers, portfolio-wide: what was invoiced but not paid sits in
// receivables (from the billing data), and deposits taken are cash that is not yet revenue. Revenue lines and billing
// are separate inputs, so a non-zero unexplained line means one of them is wrong.
public static class ReceivedBridge
{
    public const string Booked = "cfo.received-bridge.booked";
    public const string ReceivablesChange = "cfo.received-bridge.receivables-change";
    public const string DepositsChange = "cfo.received-bridge.deposits-change";
    public const string Received = "cfo.received-bridge.received";
    public const string Unexplained = "cfo.received-bridge.unexplained";

    public static void AddTo(Period period, IReadOnlyList<PortfolioMonth> series, MetricBook book)
    {
        var p = period.ToString();
        var current = series.FirstOrDefault(m => m.Period == period);
        var previous = series.FirstOrDefault(m => m.Period == period.Previous());
        Metric Add(string id, string label, decimal? value, string formula, IEnumerable<MetricInput> inputs, string? special = null) =>
            book.Add(new Metric { Id = id, Label = label, Value = value, Unit = MetricUnit.Usd, Period = p, Formula = formula, Inputs = inputs.ToList(), Special = special });

        var none = current is null ? $"no KPI inputs recorded for {p}" : previous is null ? $"no KPI inputs for {period.Previous()}, so the change in receivables and deposits is unknown" : null;
        decimal Receivables(PortfolioMonth m) => m.Entities.Sum(ReceivablesCalculator.BalanceOf);
        var booked = Add(Booked, "Revenue booked (accrual)", current?.RevenueBooked, "Σ revenue[].amount", current?.Inputs("revenue[].amount", e => e.RevenueBooked) ?? [],
            current is null ? none : null);
        var ar = Add(ReceivablesChange, "Increase in receivables (invoiced, not yet paid)", none is null ? Receivables(current!) - Receivables(previous!) : null,
            $"Σ (portfolio.clients[].invoiced − paid) at the end of {p} − at the end of {period.Previous()}",
            none is null ? current!.Inputs("portfolio.clients[].invoiced − paid", ReceivablesCalculator.BalanceOf).Concat(previous!.Inputs("portfolio.clients[].invoiced − paid", ReceivablesCalculator.BalanceOf)) : [],
            none);
        var deposits = Add(DepositsChange, "Customer deposits taken − released", none is null ? current!.CustomerDeposits - previous!.CustomerDeposits : null,
            $"customerDeposits at the end of {p} − at the end of {period.Previous()}",
            none is null ? current!.Inputs("customerDeposits", e => e.CustomerDeposits).Concat(previous!.Inputs("customerDeposits", e => e.CustomerDeposits)) : [],
            none);
        var received = Add(Received, "Cash received from customers", current is null ? null : current.CashIn + (deposits.Value ?? 0m),
            "Σ revenue[].received + customer deposits taken − released",
            (current?.Inputs("revenue[].received", e => e.CashReceived) ?? []).Append(MetricInput.Of(deposits)), none);
        Add(Unexplained, "Unexplained (booked − receivables increase + deposits − received)",
            none is null ? booked.Value - ar.Value + deposits.Value - received.Value : null,
            "revenue booked − increase in receivables + deposits taken − released − cash received from customers; 0 when the bridge ties",
            [MetricInput.Of(booked), MetricInput.Of(ar), MetricInput.Of(deposits), MetricInput.Of(received)], none);
    }

    // The one-line bridge both the Accounting and the CFO report print.
    public static string Line(MetricBook book, Func<Metric, string> quote) =>
        $"Booked → received: revenue booked (accrual) {quote(book.Get(Booked))} − increase in receivables {quote(book.Get(ReceivablesChange))} "
        + $"+ customer deposits taken − released {quote(book.Get(DepositsChange))} = cash received from customers {quote(book.Get(Received))} "
        + $"(unexplained {quote(book.Get(Unexplained))}).";
}
