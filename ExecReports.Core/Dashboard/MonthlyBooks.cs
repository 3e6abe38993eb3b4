using System.Runtime.CompilerServices;
using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reports;
using ExecReports.Core.Reports.Metrics;

namespace ExecReports.Core.Dashboard;

public sealed record PeriodBook(Period Period, MetricBook Book);

// The metric books of the months before a set's period, computed by the same engine from the same inputs
// (the set already carries two years of KPI months). Kept as long as the set itself is cached.
public sealed class MonthlyBooks(ReportEngine engine)
{
    public const int TrendMonths = 12;

    private readonly ConditionalWeakTable<ReportSet, IReadOnlyList<PeriodBook>> _books = new();

    public IReadOnlyList<PeriodBook> For(ReportSet set) => _books.GetValue(set, Compute);

    private IReadOnlyList<PeriodBook> Compute(ReportSet set)
    {
        var from = set.Period.AddMonths(-(TrendMonths - 1));
        return Period.Range(from, set.Period)
            .Select(p => new PeriodBook(p, p == set.Period
                ? set.Metrics
                : engine.Metrics(set.Inputs with { Period = p, Kpis = set.Inputs.Kpis.Where(k => k.Period <= p).ToList() })))
            .ToList();
    }
}
