using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;

namespace ExecReports.Core.Reports.Metrics;

// Deposits held at month end, per entity: the one read of customerDeposits and securityDeposits. The CFO totals and
// free cash, the owner's deposits held, the rental deposit liability and Accounting's deposit balance quote these, so
// the same balance can never be computed two ways. Filled by the CFO model, which runs before every calculator.
public static class EntityDeposits
{
    public static string Customer(string entityId) => $"entity.{entityId}.deposits.customer";
    public static string Security(string entityId) => $"entity.{entityId}.deposits.security";

    public static void Add(MetricBook book, Period period, IEnumerable<KpiMonth> kpis)
    {
        var p = period.ToString();
        foreach (var m in kpis.Where(k => k.Period == period).OrderBy(k => k.EntityId, StringComparer.Ordinal))
        {
            book.Add(new Metric
            {
                Id = Customer(m.EntityId), EntityId = m.EntityId, Label = $"{m.EntityId} customer deposits held at month end", Value = m.CustomerDeposits,
                Unit = MetricUnit.Usd, Period = p, Formula = "customerDeposits at month end; owed as future service (deferred revenue)",
                Inputs = [MetricInput.Kpi(m.EntityId, "customerDeposits", p, MetricFormat.Money(m.CustomerDeposits))],
            });
            book.Add(new Metric
            {
                Id = Security(m.EntityId), EntityId = m.EntityId, Label = $"{m.EntityId} tenant security deposits held at month end", Value = m.SecurityDeposits,
                Unit = MetricUnit.Usd, Period = p, Formula = "securityDeposits at month end; refundable, a liability, never revenue",
                Inputs = [MetricInput.Kpi(m.EntityId, "securityDeposits", p, MetricFormat.Money(m.SecurityDeposits))],
            });
        }
    }

    // A report-specific id for the same balance (or the sum of both): its value is taken from the entity metrics, never
    // from the KPI field again.
    public static Metric Quote(MetricBook book, string id, string entityId, string label, string formula, params string[] from)
    {
        var sources = from.Select(book.Get).ToList();
        return book.Add(new Metric
        {
            Id = id, EntityId = entityId, Label = label, Value = sources.Sum(s => s.Value ?? 0m), Unit = MetricUnit.Usd, Period = sources[0].Period,
            Formula = formula, Inputs = sources.Select(MetricInput.Of).ToList(),
        });
    }
}
