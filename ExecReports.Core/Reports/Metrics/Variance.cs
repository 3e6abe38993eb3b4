namespace ExecReports.Core.Reports.Metrics;

public enum Favourable { Higher, Lower }

public enum VarianceStatus { OnTrack, AtRisk, OffTrack }

public sealed record VarianceResult(
    decimal Actual,
    decimal Comparison,
    decimal Delta,
    decimal? DeltaPercent,
    bool IsFavourable,
    bool IsMaterial,
    VarianceStatus Status,
    string Reason);

// Variance against a target or the prior period. A status colour always travels with the rule that produced it.
public static class Variance
{
    public static VarianceResult Assess(decimal actual, decimal comparison, Favourable favourable, decimal materialityPercent,
        decimal materialityAmount, string against)
    {
        var delta = actual - comparison;
        decimal? percent = comparison == 0 ? null : delta / Math.Abs(comparison);
        var good = favourable == Favourable.Higher ? delta >= 0 : delta <= 0;
        // Material only when the move is large both in proportion and in dollars (or the base is zero).
        var material = Math.Abs(delta) >= materialityAmount && (percent is null || Math.Abs(percent.Value) >= materialityPercent);

        var status = good ? VarianceStatus.OnTrack : material ? VarianceStatus.OffTrack : VarianceStatus.AtRisk;
        var direction = favourable == Favourable.Higher ? "higher is better" : "lower is better";
        var size = percent is { } p
            ? $"{MetricFormat.Money(delta)} ({(p * 100m).ToString("+0.0;-0.0;0.0", System.Globalization.CultureInfo.InvariantCulture)}%)"
            : MetricFormat.Money(delta);
        // Thresholds print as the materiality metrics display them, so the reason's figures trace to the book too.
        var threshold = $"material at ±{MetricFormat.Format(materialityPercent, MetricUnit.Percent)} and ±{MetricFormat.Money(materialityAmount)}";
        var reason = status switch
        {
            VarianceStatus.OnTrack => $"{size} vs {against}: favourable ({direction})",
            VarianceStatus.AtRisk => $"{size} vs {against}: unfavourable but not material ({threshold})",
            _ => $"{size} vs {against}: unfavourable and material ({threshold})",
        };
        return new VarianceResult(actual, comparison, delta, percent, good, material, status, reason);
    }
}
