using ExecReports.Core.Primitives;
using ExecReports.Core.Validation;
using ExecReports.Core.Kpis;
using ExecReports.Core.Reports.Metrics;
using ExecReports.Core.Schedule;

namespace ExecReports.Core.Dashboard;

// A status always travels with the rule that produced it and the metric displays it compared.
public sealed record KpiStatus(string MetricId, string Label, string Display, VarianceStatus Status, string Reason, string Rule)
{
    public string StatusText => Status switch
    {
        VarianceStatus.OnTrack => "on track",
        VarianceStatus.AtRisk => "at risk",
        _ => "off track",
    };
}

public sealed record TrendPoint(string Period, decimal? Value);

public sealed record TrendSeries(string MetricId, string Name, MetricUnit Unit, IReadOnlyList<TrendPoint> Points);

public sealed record FreshnessWarning(string Subject, string Message);

public sealed record EntityTile
{
    public required string EntityId { get; init; }
    public required string Name { get; init; }
    public required string Kind { get; init; }
    public required IReadOnlyList<KpiStatus> Statuses { get; init; }
    public required IReadOnlyList<Metric> Figures { get; init; }
    public required IReadOnlyList<TrendSeries> Trends { get; init; }
    public required IReadOnlyList<FreshnessWarning> Freshness { get; init; }
}

public sealed record ReportChangeSummary(string RoleId, string Title, int SectionsAdded, int SectionsRemoved, int MetricsMoved, int LinesChanged);

public sealed record DashboardModel
{
    public required Period Period { get; init; }
    public required IReadOnlyList<EntityTile> Entities { get; init; }
    public required IReadOnlyList<KpiStatus> Portfolio { get; init; }
    public required IReadOnlyList<Metric> PortfolioFigures { get; init; }
    public required ValidationResult Validation { get; init; }
    // The latest run of the chain: scheduled, Run now, Send dialog, CLI or resend.
    public required LastRun? LastRun { get; init; }
    public required DateTimeOffset? NextRun { get; init; }
    public required bool SchedulePaused { get; init; }
    public required Alarm? Alarm { get; init; }
    public required IReadOnlyList<ReportChangeSummary> Changes { get; init; }

    // Handoff figures the KPI inputs contradict, as the reports' "Data conflicts" boxes list them.
    public IReadOnlyList<Reconciliation.DataConflict> Conflicts { get; init; } = [];
}
