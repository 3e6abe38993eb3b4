using ExecReports.Core.Primitives;
using ExecReports.Core.Validation;
using System.Globalization;
using ExecReports.Core.Ingestion;
using ExecReports.Core.Kpis;
using ExecReports.Core.Reports;
using ExecReports.Core.Reports.Finance;
using ExecReports.Core.Reports.Metrics;
using ExecReports.Core.Schedule;
using Microsoft.Extensions.Options;

namespace ExecReports.Core.Dashboard;

// The home page: every figure and status is read from the period's metric book, the same one the reports quote.
public sealed class DashboardService(
    ReportService reports,
    ValidationGate gate,
    KpiService kpis,
    ScheduleHistory history,
    ScheduleAlarm alarm,
    ScheduleCalculator schedule,
    IOptions<FinanceOptions> finance,
    TimeProvider clock)
{
    public async Task<DashboardModel> BuildAsync(Period? period = null, CancellationToken cancellationToken = default)
    {
        var month = period ?? (await reports.PeriodsAsync(clock, cancellationToken))[0];
        var set = await reports.GetAsync(month, cancellationToken);
        var previousSet = await reports.GetAsync(month.Previous(), cancellationToken);
        var months = set.Months;
        var previous = set.Previous;

        var tiles = new List<EntityTile>();
        foreach (var entity in set.Inputs.Catalog.Entities.OrderBy(e => e.Id, StringComparer.Ordinal))
        {
            tiles.Add(new EntityTile
            {
                EntityId = entity.Id,
                Name = entity.Name,
                Kind = entity.Kind.ToString().ToLowerInvariant(),
                Statuses = EntityStatuses(entity.Id, set.Metrics, previous, month),
                Figures = new[] { PortfolioCalculator.Revenue(entity.Id), PortfolioCalculator.NetIncome(entity.Id), PortfolioCalculator.Cash(entity.Id) }
                    .Select(set.Metrics.Find).OfType<Metric>().ToList(),
                Trends = EntityTrends(entity.Id, months),
                Freshness = await FreshnessAsync(entity.Id, set, cancellationToken),
            });
        }

        var state = await history.StateAsync(cancellationToken);
        return new DashboardModel
        {
            Period = month,
            Entities = tiles,
            Portfolio = PortfolioStatuses(set.Metrics, previous, month),
            PortfolioFigures = new[] { PortfolioCalculator.PortfolioRevenue, CfoMetricIds.NetBurn, CfoMetricIds.Cash, CfoMetricIds.RunwayTrailing }
                .Select(set.Metrics.Find).OfType<Metric>().ToList(),
            Validation = gate.Validate(set),
            Conflicts = set.Conflicts,
            LastRun = await history.LastAsync(cancellationToken),
            NextRun = schedule.Options.Enabled && !state.Paused ? schedule.NextFireTimes(1).FirstOrDefault() : null,
            SchedulePaused = state.Paused,
            Alarm = await alarm.CheckAsync(cancellationToken),
            Changes = set.Reports.Select(r =>
            {
                var diff = ReportDiff.Compare(previousSet.For(r.Role), r);
                return new ReportChangeSummary(r.Role.Id, r.Role.Title, diff.SectionsAdded.Count, diff.SectionsRemoved.Count, diff.MetricsMoved.Count, diff.LinesChanged);
            }).ToList(),
        };
    }

    private List<KpiStatus> EntityStatuses(string entityId, MetricBook book, MetricBook previous, Period period)
    {
        var statuses = new List<KpiStatus>();
        if (book.Find(PortfolioCalculator.Revenue(entityId)) is { Value: { } revenue } revenueMetric
            && book.Find(PortfolioCalculator.RevenueTarget(entityId)) is { Value: { } target } targetMetric)
        {
            var attainment = book.Find(PortfolioCalculator.TargetAttainment(entityId));
            statuses.Add(Assess(revenueMetric, revenue, target, $"target {targetMetric.Display}",
                attainment is null ? revenueMetric.Display : $"{revenueMetric.Display} ({attainment.Display} of target)",
                "revenue booked vs the monthly revenue target"));
        }

        foreach (var id in new[] { PortfolioCalculator.NetIncome(entityId), PortfolioCalculator.Cash(entityId) })
        {
            if (VersusLastMonth(book.Find(id), previous.Find(id), period) is { } status)
            {
                statuses.Add(status);
            }
        }

        return statuses;
    }

    private List<KpiStatus> PortfolioStatuses(MetricBook book, MetricBook previous, Period period)
    {
        var statuses = new List<KpiStatus>();
        if (book.Find(PortfolioCalculator.PortfolioRevenue) is { Value: { } revenue } revenueMetric
            && book.Find(CfoMetricIds.TargetFor(period)) is { Value: { } target } targetMetric)
        {
            statuses.Add(Assess(revenueMetric, revenue, target, $"target {targetMetric.Display}", revenueMetric.Display,
                "portfolio revenue vs the CFO model's revenue target for the month"));
        }

        foreach (var id in new[] { CfoMetricIds.NetBurn, CfoMetricIds.Cash })
        {
            if (VersusLastMonth(book.Find(id), previous.Find(id), period) is { } status)
            {
                statuses.Add(status);
            }
        }

        return statuses;
    }

    private KpiStatus? VersusLastMonth(Metric? now, Metric? then, Period period)
    {
        if (now is not { Value: { } value, Better: { } better } || then is not { Value: { } before })
        {
            return null;
        }

        var previous = period.Previous().ToString();
        return Assess(now, value, before, $"{previous} {then.Display}", now.Display, $"{now.Label} vs {previous}", better);
    }

    private KpiStatus Assess(Metric metric, decimal actual, decimal comparison, string against, string display, string rule, Favourable better = Favourable.Higher)
    {
        var f = finance.Value;
        var result = Variance.Assess(actual, comparison, better, f.MaterialityPercent, f.MaterialityAmount, against);
        var direction = better == Favourable.Higher ? "higher is better" : "lower is better";
        var threshold = $"material at ±{(f.MaterialityPercent * 100m).ToString("0.#", CultureInfo.InvariantCulture)}% and ±{MetricFormat.Money(f.MaterialityAmount)}";
        return new KpiStatus(metric.Id, metric.Label, display, result.Status, result.Reason, $"{rule}; {direction}; {threshold}");
    }

    private static List<TrendSeries> EntityTrends(string entityId, IReadOnlyList<PeriodBook> months)
    {
        TrendSeries Series(string id, string name) => new(id, name, MetricUnit.Usd,
            months.Select(m => new TrendPoint(m.Period.ToString(), m.Book.Find(id)?.Value)).ToList());

        return
        [
            Series(PortfolioCalculator.Revenue(entityId), "Revenue"),
            Series(PortfolioCalculator.RevenueTarget(entityId), "Target"),
            Series(PortfolioCalculator.NetIncome(entityId), "Net income"),
        ];
    }

    private async Task<List<FreshnessWarning>> FreshnessAsync(string entityId, ReportSet set, CancellationToken cancellationToken)
    {
        var warnings = new List<FreshnessWarning>();
        var snapshot = set.Inputs.Handoffs;
        var documents = snapshot.ForEntity(entityId).Where(d => d.Status != HandoffStatus.Error).OrderBy(d => d.File, StringComparer.Ordinal).ToList();
        if (documents.Count == 0)
        {
            warnings.Add(new FreshnessWarning("handoffs", "no handoff notes for this entity"));
        }

        foreach (var document in documents.Where(snapshot.IsStale))
        {
            warnings.Add(new FreshnessWarning(document.File,
                $"handoff {document.File} last updated {document.Updated:yyyy-MM-dd} ({snapshot.AgeInDays(document)} days ago; stale after {snapshot.StaleAfterDays})"));
        }

        if (!set.Inputs.Kpis.Any(k => k.EntityId == entityId && k.Period == set.Period))
        {
            warnings.Add(new FreshnessWarning("kpis", $"no KPI inputs for {set.Period}"));
        }

        var now = clock.GetUtcNow();
        var monthStart = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var edited = await kpis.LastEditedAtAsync(entityId, cancellationToken: cancellationToken);
        if (edited is null || edited < monthStart)
        {
            warnings.Add(new FreshnessWarning("kpis", edited is null
                ? "KPI inputs have never been edited"
                : $"KPI inputs not updated this month (last edited {edited.Value.UtcDateTime:yyyy-MM-dd})"));
        }

        return warnings;
    }
}
