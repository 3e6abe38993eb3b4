namespace ExecReports.Core.Reports.Metrics;

// All metrics of one period, computed once; every report quotes from the same book.
public sealed class MetricBook(IReadOnlyDictionary<string, string>? entityNames = null)
{
    private readonly Dictionary<string, Metric> _metrics = new(StringComparer.Ordinal);

    public IReadOnlyCollection<Metric> All => _metrics.Values;

    public Metric Add(Metric metric)
    {
        metric = Named(metric);
        if (!_metrics.TryAdd(metric.Id, metric))
        {
            throw new InvalidOperationException($"Metric '{metric.Id}' is computed twice; every figure has one source.");
        }

        return metric;
    }

    // Calculators label per-entity figures by id ("jada revenue booked") and say which entity; a reader sees the
    // canonical name.
    private Metric Named(Metric metric) =>
        metric.EntityId is { } id && entityNames is not null && entityNames.TryGetValue(id, out var name)
            && metric.Label.StartsWith(id + " ", StringComparison.Ordinal)
            ? metric with { Label = name + metric.Label[id.Length..] }
            : metric;

    public Metric Get(string id) =>
        _metrics.TryGetValue(id, out var metric) ? metric : throw new KeyNotFoundException($"No metric '{id}' in this period's book.");

    public Metric? Find(string id) => _metrics.GetValueOrDefault(id);
}
