namespace ExecReports.Core.Reports.Metrics;

// PercentagePoints is the change between two Percent figures: 6.8% → -16.8% is -23.6 pp, never "-346.9%".
public enum MetricUnit { Usd, UsdPerMonth, Percent, Months, Count, Ratio, Hours, Days, PercentagePoints }

public enum MetricKind { Actual, Forecast, Assumption }

// Where a number came from: a KPI field of one month, another metric, a handoff line, or a configured assumption.
// The source strings ("kpi:jada", "metric:cfo.burn.net") are built here and nowhere else.
public sealed record MetricInput(string Source, string Field, string? Period, string Value)
{
    public static string KpiSource(string entityId) => $"kpi:{entityId}";

    public static string MetricSource(string metricId) => $"metric:{metricId}";

    // A field of one entity's KPI month: Kpi("jada", "revenue[0].amount", "2026-11", "$1,200.00").
    public static MetricInput Kpi(string entityId, string field, string? period, string value) => new(KpiSource(entityId), field, period, value);

    // Another metric of the book, quoted as it is displayed.
    public static MetricInput Of(Metric metric) => new(MetricSource(metric.Id), metric.Label, metric.Period, metric.Display);

    // Another metric by id, for one computed alongside (its Metric is not built yet).
    public static MetricInput OfMetric(string metricId, string label, string? period, string value) => new(MetricSource(metricId), label, period, value);
}

// Every figure a report, the dashboard or the validator shows is one of these; nothing computes a figure on the side.
public sealed record Metric
{
    public required string Id { get; init; }
    public required string Label { get; init; }
    public required decimal? Value { get; init; }
    public required MetricUnit Unit { get; init; }
    public required string Period { get; init; }
    public required string Formula { get; init; }
    public required IReadOnlyList<MetricInput> Inputs { get; init; }
    public MetricKind Kind { get; init; } = MetricKind.Actual;

    // The catalog entity a per-entity figure belongs to; the book shows that entity's name where the label names its id.
    public string? EntityId { get; init; }

    // Which way is good, for variance colouring; null when direction has no meaning (a count of units, a date).
    public Favourable? Better { get; init; }

    // Shown instead of a number: "∞" for a cash-positive runway, "insufficient data: 2 months of history".
    public string? Special { get; init; }

    public string Display => Special ?? MetricFormat.Format(Value, Unit);
}
