using ExecReports.Core.Kpis;

namespace ExecReports.Core.Reports.Metrics;

// Per-entity revenue, cash, costs and targets: the figures the CEO, Accounting and every
// "Changed Since Last Month" quote for each entity.
public sealed class PortfolioCalculator : MetricCalculator
{
    public override int Order => 10;

    public static string Revenue(string entityId) => $"entity.{entityId}.revenue";
    public static string CashIn(string entityId) => $"entity.{entityId}.cash-in";
    public static string Expenses(string entityId) => $"entity.{entityId}.expenses";
    public static string NetIncome(string entityId) => $"entity.{entityId}.net-income";
    public static string Cash(string entityId) => $"entity.{entityId}.cash";
    public static string RevenueTarget(string entityId) => $"entity.{entityId}.revenue-target";
    public static string TargetAttainment(string entityId) => $"entity.{entityId}.target-attainment";
    public static string RevenueShare(string entityId) => $"entity.{entityId}.revenue-share";
    public const string PortfolioRevenue = "portfolio.revenue";
    public const string LargestShare = "portfolio.revenue.largest-share";

    public override void Compute(ReportCalculation calculation)
    {
        var period = calculation.Inputs.Period;
        var p = period.ToString();
        var book = calculation.Book;
        var months = calculation.Inputs.Kpis.Where(k => k.Period == period).OrderBy(k => k.EntityId, StringComparer.Ordinal).ToList();

        MetricInput Input(KpiMonth m, string field, decimal value) => MetricInput.Kpi(m.EntityId, field, p, MetricFormat.Money(value));

        var total = months.Sum(m => m.RevenueBooked);
        book.Add(new Metric
        {
            Id = PortfolioRevenue, Label = "Portfolio revenue booked", Value = total, Unit = MetricUnit.Usd, Period = p,
            Formula = "sum of revenue[].amount over all entities", Inputs = months.Select(m => Input(m, "revenue[].amount", m.RevenueBooked)).ToList(),
            Better = Favourable.Higher,
        });

        foreach (var m in months)
        {
            var id = m.EntityId;
            book.Add(new Metric
            {
                Id = Revenue(id), EntityId = id, Label = $"{id} revenue booked", Value = m.RevenueBooked, Unit = MetricUnit.Usd, Period = p,
                Formula = "sum of revenue[].amount", Inputs = [Input(m, "revenue[].amount", m.RevenueBooked)], Better = Favourable.Higher,
            });
            book.Add(new Metric
            {
                Id = CashIn(id), EntityId = id, Label = $"{id} cash received", Value = m.CashReceived, Unit = MetricUnit.Usd, Period = p,
                Formula = "sum of revenue[].received", Inputs = [Input(m, "revenue[].received", m.CashReceived)], Better = Favourable.Higher,
            });
            book.Add(new Metric
            {
                Id = Expenses(id), EntityId = id, Label = $"{id} expenses", Value = m.ExpenseTotal, Unit = MetricUnit.Usd, Period = p,
                Formula = "sum of expenses[].amount", Inputs = [Input(m, "expenses[].amount", m.ExpenseTotal)], Better = Favourable.Lower,
            });
            book.Add(new Metric
            {
                Id = NetIncome(id), EntityId = id, Label = $"{id} net income (cash basis)", Value = m.OperatingCashFlow, Unit = MetricUnit.Usd, Period = p,
                Formula = "revenue[].received − expenses[].amount",
                Inputs = [Input(m, "revenue[].received", m.CashReceived), Input(m, "expenses[].amount", m.ExpenseTotal)], Better = Favourable.Higher,
            });
            book.Add(new Metric
            {
                Id = Cash(id), EntityId = id, Label = $"{id} cash on hand", Value = m.CashOnHand, Unit = MetricUnit.Usd, Period = p,
                Formula = "cashOnHand at month end", Inputs = [Input(m, "cashOnHand", m.CashOnHand)], Better = Favourable.Higher,
            });
            book.Add(new Metric
            {
                Id = RevenueShare(id), EntityId = id, Label = $"{id} share of portfolio revenue", Value = total > 0 ? m.RevenueBooked / total : null,
                Unit = MetricUnit.Percent, Period = p, Formula = "entity revenue booked ÷ portfolio revenue booked",
                Inputs = [Input(m, "revenue[].amount", m.RevenueBooked), MetricInput.OfMetric(PortfolioRevenue, "Portfolio revenue booked", p, MetricFormat.Money(total))],
                Special = total > 0 ? null : "no portfolio revenue",
            });

            if (m.Targets?.MonthlyRevenueTarget is { } target)
            {
                book.Add(new Metric
                {
                    Id = RevenueTarget(id), EntityId = id, Label = $"{id} monthly revenue target", Value = target, Unit = MetricUnit.Usd, Period = p,
                    Formula = "targets.monthlyRevenueTarget", Inputs = [Input(m, "targets.monthlyRevenueTarget", target)],
                });
                book.Add(new Metric
                {
                    Id = TargetAttainment(id), EntityId = id, Label = $"{id} revenue as a share of target", Value = target > 0 ? m.RevenueBooked / target : null,
                    Unit = MetricUnit.Percent, Period = p, Formula = "revenue booked ÷ monthly revenue target",
                    Inputs = [Input(m, "revenue[].amount", m.RevenueBooked), Input(m, "targets.monthlyRevenueTarget", target)],
                    Better = Favourable.Higher, Special = target > 0 ? null : "target is zero",
                });
            }
        }

        var largest = months.OrderByDescending(m => m.RevenueBooked).ThenBy(m => m.EntityId, StringComparer.Ordinal).FirstOrDefault();
        book.Add(new Metric
        {
            Id = LargestShare, Label = largest is null ? "Largest share of revenue" : $"Largest share of revenue ({largest.EntityId})",
            Value = largest is not null && total > 0 ? largest.RevenueBooked / total : null, Unit = MetricUnit.Percent, Period = p,
            Formula = "largest entity revenue booked ÷ portfolio revenue booked",
            Inputs = largest is null ? [] : [Input(largest, "revenue[].amount", largest.RevenueBooked)],
            Special = largest is not null && total > 0 ? null : "no portfolio revenue", Better = Favourable.Lower,
        });
    }
}
