using ExecReports.Core.Kpis;

namespace ExecReports.Core.Reports.Metrics;

// The owner's own financial exposure per entity, over the last 12 months: what was drawn against what was earned, the
// debt being serviced and the deposits held in operating cash; plus the business assets the KPI inputs reveal.
public sealed class OwnerRiskCalculator : MetricCalculator
{
    public const int WindowMonths = 12;

    public override int Order => 20;

    public static string Draws(string entityId) => $"owner.{entityId}.draws-12m";
    public static string Earnings(string entityId) => $"owner.{entityId}.earnings-12m";
    public static string DrawsShare(string entityId) => $"owner.{entityId}.draws-share-of-earnings";
    public static string DebtService12(string entityId) => $"owner.{entityId}.debt-service-12m";
    public static string DebtServiceMonth(string entityId) => $"owner.{entityId}.debt-service";
    public static string DepositsHeld(string entityId) => $"owner.{entityId}.deposits-held";
    public static string EmailList(string entityId) => $"owner.{entityId}.email-list";

    public override void Compute(ReportCalculation calculation)
    {
        var period = calculation.Inputs.Period;
        var p = period.ToString();
        var book = calculation.Book;
        foreach (var now in calculation.Inputs.Kpis.Where(k => k.Period == period).OrderBy(k => k.EntityId, StringComparer.Ordinal))
        {
            var id = now.EntityId;
            var months = DomainMetrics.Trailing(calculation.Inputs, id, period, WindowMonths);
            var span = $"{months.Count} month(s) {months[0].Period}..{p}";
            MetricInput Kpi(KpiMonth m, string field, decimal value) => MetricInput.Kpi(id, field, m.Period.ToString(), MetricFormat.Money(value));

            var draws = months.Sum(m => m.OwnerDraws);
            var earnings = months.Sum(m => m.RevenueBooked - m.ExpenseTotal);
            book.Add(new Metric
            {
                Id = Draws(id), EntityId = id, Label = $"{id} owner draws, {span}", Value = draws, Unit = MetricUnit.Usd, Period = p,
                Formula = $"Σ ownerDraws over {span}", Inputs = months.Where(m => m.OwnerDraws != 0).Select(m => Kpi(m, "ownerDraws", m.OwnerDraws)).ToList(),
                Better = Favourable.Lower,
            });
            book.Add(new Metric
            {
                Id = Earnings(id), EntityId = id, Label = $"{id} earnings before draws, {span}", Value = earnings, Unit = MetricUnit.Usd, Period = p,
                Formula = $"Σ (revenue booked − expenses) over {span}",
                Inputs = months.SelectMany(m => new[] { Kpi(m, "revenue[].amount", m.RevenueBooked), Kpi(m, "expenses[].amount", m.ExpenseTotal) }).ToList(),
                Better = Favourable.Higher,
            });
            var shareInputs = new[]
            {
                MetricInput.OfMetric(Draws(id), "Owner draws", p, MetricFormat.Money(draws)),
                MetricInput.OfMetric(Earnings(id), "Earnings before draws", p, MetricFormat.Money(earnings)),
            };
            book.Add(new Metric
            {
                Id = DrawsShare(id), EntityId = id, Label = $"{id} owner draws as a share of earnings", Value = earnings > 0 ? draws / earnings : null,
                Unit = MetricUnit.Percent, Period = p, Formula = "owner draws ÷ earnings before draws, same 12 months", Inputs = shareInputs, Better = Favourable.Lower,
                Special = earnings > 0 ? null : draws > 0 ? "draws with no earnings" : "n/a: no draws, no earnings",
            });

            var debtLines = months.SelectMany(m => m.Expenses.Where(DebtService.Is).Select(e => (Month: m, Line: e))).ToList();
            book.Add(new Metric
            {
                Id = DebtService12(id), EntityId = id, Label = $"{id} debt service (mortgage and loan payments), {span}", Value = debtLines.Sum(d => d.Line.Amount),
                Unit = MetricUnit.Usd, Period = p, Formula = $"Σ expenses in 6070 Mortgage / 6120 Loan payments over {span}",
                Inputs = debtLines.Select(d => Kpi(d.Month, $"expenses[{d.Line.Description}].amount", d.Line.Amount)).ToList(), Better = Favourable.Lower,
            });
            var debtNow = now.Expenses.Where(DebtService.Is).ToList();
            book.Add(new Metric
            {
                Id = DebtServiceMonth(id), EntityId = id, Label = $"{id} debt service this month", Value = debtNow.Sum(e => e.Amount), Unit = MetricUnit.UsdPerMonth,
                Period = p, Formula = "Σ expenses in 6070 Mortgage / 6120 Loan payments this month",
                Inputs = debtNow.Select(e => Kpi(now, $"expenses[{e.Description}].amount", e.Amount)).ToList(), Better = Favourable.Lower,
            });
            EntityDeposits.Quote(book, DepositsHeld(id), id, $"{id} deposits held in operating cash (customer + security)",
                "customer deposits held + security deposits held at month end", EntityDeposits.Customer(id), EntityDeposits.Security(id));

            var blasts = months.SelectMany(m => m.EmailBlasts.Select(b => (Month: m, Blast: b))).ToList();
            if (blasts.Count > 0)
            {
                var largest = blasts.OrderByDescending(b => b.Blast.Audience).First();
                book.Add(new Metric
                {
                    Id = EmailList(id), EntityId = id, Label = $"{id} email list (largest audience sent to)", Value = largest.Blast.Audience, Unit = MetricUnit.Count,
                    Period = p, Formula = $"max emailBlasts[].audience over {span}",
                    Inputs = [MetricInput.Kpi(id, $"emailBlasts[{largest.Blast.Name}].audience", largest.Month.Period.ToString(), largest.Blast.Audience.ToString(System.Globalization.CultureInfo.InvariantCulture))],
                });
            }
        }
    }
}
