using System.Globalization;
using System.Text;
using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;

namespace ExecReports.Core.Reports.Metrics;

// Shared by the three domain calculators and their reports: metric ids name units, jobs and clients by slug.
public static class DomainMetrics
{
    // "Unit A" → "unit-a", "EYD-2610" → "eyd-2610".
    public static string Slug(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(c);
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        var slug = sb.ToString().TrimEnd('-');
        return slug.Length == 0 ? "unnamed" : slug;
    }

    // Two items with the same name would compute the same metric id twice and stop every report; the second
    // gets "-2" so both still appear.
    public static IReadOnlyList<(T Item, string Slug)> WithSlugs<T>(IEnumerable<T> items, Func<T, string> name)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<(T, string)>();
        foreach (var item in items)
        {
            var slug = Slug(name(item));
            var n = seen.TryGetValue(slug, out var count) ? count + 1 : 1;
            seen[slug] = n;
            result.Add((item, n == 1 ? slug : $"{slug}-{n.ToString(CultureInfo.InvariantCulture)}"));
        }

        return result;
    }

    public static MetricInput Kpi(string entityId, string field, Period period, string value) =>
        new($"kpi:{entityId}", field, period.ToString(), value);

    public static MetricInput Kpi(string entityId, string field, Period period, decimal value) =>
        Kpi(entityId, field, period, value.ToString(CultureInfo.InvariantCulture));

    public static MetricInput FromMetric(Metric metric) =>
        new($"metric:{metric.Id}", metric.Label, metric.Period, metric.Display);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static KpiMonth? Month(ReportInputs inputs, string entityId, Period period) =>
        inputs.Kpis.FirstOrDefault(k => k.Period == period && string.Equals(k.EntityId, entityId, StringComparison.OrdinalIgnoreCase));
}
