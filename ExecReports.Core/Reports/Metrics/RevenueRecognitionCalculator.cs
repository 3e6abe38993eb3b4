using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;

namespace ExecReports.Core.Reports.Metrics;

// Revenue booked too early (service after the month) or too small (OTA payouts net of commission), and the deposits
// balance that should be holding the early bookings.
public sealed class RevenueRecognitionCalculator : MetricCalculator
{
    public const int TrailingMonths = 12;

    public override int Order => 20;

    public static string FutureService(string entityId) => $"entity.{entityId}.revrec.future-service";
    public static string FutureServiceTrailing(string entityId) => $"entity.{entityId}.revrec.future-service.t12";

    // One month of the trailing window, for figures tied to an earlier month (an email blast's attributed revenue).
    public static string FutureServiceIn(string entityId, Period month) => $"entity.{entityId}.revrec.future-service.{month}";
    public static string NetOfCommission(string entityId) => $"entity.{entityId}.revrec.net-of-commission";
    public static string OmittedCommission(string entityId) => $"entity.{entityId}.revrec.omitted-commission";
    public static string CustomerDeposits(string entityId) => $"entity.{entityId}.revrec.customer-deposits";

    public static bool IsFutureService(RevenueLine line, Period month) => line.ServiceDate is { } date && date > month.LastDay;

    public override void Compute(ReportCalculation calculation)
    {
        var period = calculation.Inputs.Period;
        var p = period.ToString();
        var book = calculation.Book;
        var from = period.AddMonths(-(TrailingMonths - 1));
        foreach (var m in calculation.Inputs.Kpis.Where(k => k.Period == period).OrderBy(k => k.EntityId, StringComparer.Ordinal))
        {
            var id = m.EntityId;
            MetricInput Line(KpiMonth month, RevenueLine line, string field, string value) =>
                MetricInput.Kpi(id, $"revenue[{line.Stream}{(line.Channel is null ? "" : " / " + line.Channel)}].{field}", month.Period.ToString(), value);

            var future = m.Revenue.Where(r => IsFutureService(r, period)).ToList();
            book.Add(new Metric
            {
                Id = FutureService(id), EntityId = id, Label = $"{id} revenue booked for services after {p}", Value = future.Sum(r => r.Amount), Unit = MetricUnit.Usd,
                Period = p, Formula = "Σ revenue[].amount where serviceDate is after the period end (should be a customer deposit)",
                Inputs = future.Select(r => Line(m, r, "amount", MetricFormat.Money(r.Amount))).ToList(), Better = Favourable.Lower,
            });

            var history = calculation.Inputs.Kpis
                .Where(k => string.Equals(k.EntityId, id, StringComparison.OrdinalIgnoreCase) && k.Period >= from && k.Period <= period)
                .OrderBy(k => k.Period).ToList();
            var early = history.SelectMany(h => h.Revenue.Where(r => IsFutureService(r, h.Period)).Select(r => (Month: h, Line: r))).ToList();
            foreach (var h in history.Where(h => h.Period != period))
            {
                var lines = early.Where(x => x.Month == h).ToList();
                book.Add(new Metric
                {
                    Id = FutureServiceIn(id, h.Period), EntityId = id, Label = $"{id} revenue booked in {h.Period} for services after {h.Period}", Value = lines.Sum(x => x.Line.Amount),
                    Unit = MetricUnit.Usd, Period = p, Formula = "Σ revenue[].amount of that month where serviceDate is after that month's end",
                    Inputs = lines.Select(x => Line(x.Month, x.Line, "amount", MetricFormat.Money(x.Line.Amount))).ToList(), Better = Favourable.Lower,
                });
            }

            book.Add(new Metric
            {
                Id = FutureServiceTrailing(id), EntityId = id, Label = $"{id} revenue booked before the service month, {from}–{p}",
                Value = early.Sum(x => x.Line.Amount), Unit = MetricUnit.Usd, Period = p,
                Formula = $"Σ over the last {TrailingMonths} months of revenue[].amount where serviceDate is after that month's end",
                Inputs = early.Select(x => Line(x.Month, x.Line, "amount", MetricFormat.Money(x.Line.Amount))).ToList(), Better = Favourable.Lower,
            });

            var net = m.Revenue.Where(r => r.BookedNetOfCommission).ToList();
            book.Add(new Metric
            {
                Id = NetOfCommission(id), EntityId = id, Label = $"{id} revenue booked net of OTA commission", Value = net.Sum(r => r.Amount), Unit = MetricUnit.Usd,
                Period = p, Formula = "Σ revenue[].amount where bookedNetOfCommission", Better = Favourable.Lower,
                Inputs = net.Select(r => Line(m, r, "amount", MetricFormat.Money(r.Amount))).ToList(),
            });
            var unknownCommission = net.Count(r => r.Commission is null);
            book.Add(new Metric
            {
                Id = OmittedCommission(id), EntityId = id, Label = $"{id} OTA commission missing from revenue and expenses", Value = net.Sum(r => r.Commission ?? 0m),
                Unit = MetricUnit.Usd, Period = p, Formula = "Σ revenue[].commission where bookedNetOfCommission (gross = amount + commission)",
                Inputs = net.Select(r => Line(m, r, "commission", r.Commission is { } c ? MetricFormat.Money(c) : "missing")).ToList(), Better = Favourable.Lower,
                Special = unknownCommission > 0 ? $"understated: commission not recorded on {unknownCommission} line(s)" : null,
            });
            book.Add(new Metric
            {
                Id = CustomerDeposits(id), EntityId = id, Label = $"{id} customer deposits held at month end", Value = m.CustomerDeposits, Unit = MetricUnit.Usd,
                Period = p, Formula = "customerDeposits balance", Inputs = [MetricInput.Kpi(id, "customerDeposits", p, MetricFormat.Money(m.CustomerDeposits))],
            });
        }
    }
}
