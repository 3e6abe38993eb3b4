using System.Globalization;
using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;

namespace ExecReports.Core.Reports.Metrics;

// Shared by the three domain calculators and their reports: metric ids name units, jobs and clients by slug (Slugs).
public static class DomainMetrics
{
    public static MetricInput Kpi(string entityId, string field, Period period, string value) =>
        MetricInput.Kpi(entityId, field, period.ToString(), value);

    public static MetricInput Kpi(string entityId, string field, Period period, decimal value) =>
        Kpi(entityId, field, period, value.ToString(CultureInfo.InvariantCulture));

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // The entity's KPI months among the `count` months ending at the period, oldest first.
    public static IReadOnlyList<KpiMonth> Trailing(ReportInputs inputs, string entityId, Period period, int count) =>
        Enumerable.Range(0, count)
            .Select(back => Month(inputs, entityId, period.AddMonths(-back)))
            .OfType<KpiMonth>()
            .OrderBy(m => m.Period)
            .ToList();

    public static KpiMonth? Month(ReportInputs inputs, string entityId, Period period) =>
        inputs.Kpis.FirstOrDefault(k => k.Period == period && string.Equals(k.EntityId, entityId, StringComparison.OrdinalIgnoreCase));
}
