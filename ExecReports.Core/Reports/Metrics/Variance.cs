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
        decimal materialityAmount, string against, MetricUnit unit = MetricUnit.Usd)
    {
        var delta = actual - comparison;
        decimal? percent = comparison == 0 ? null : delta / Math.Abs(comparison);
        var good = favourable == Favourable.Higher ? delta >= 0 : delta <= 0;
        // Material only when the move is large both in proportion and in dollars (or the base is zero); the dollar
        // threshold means nothing for a count or a rate, so there only the proportion counts.
        var isMoney = unit is MetricUnit.Usd or MetricUnit.UsdPerMonth;
        var material = (!isMoney || Math.Abs(delta) >= materialityAmount) && (percent is null ? isMoney || delta != 0 : Math.Abs(percent.Value) >= materialityPercent);

        var status = good ? VarianceStatus.OnTrack : material ? VarianceStatus.OffTrack : VarianceStatus.AtRisk;
        var direction = favourable == Favourable.Higher ? "higher is better" : "lower is better";
        var size = percent is { } p
            ? $"{MetricFormat.Format(delta, unit)} ({(p >= 0 ? "+" : "")}{MetricFormat.Format(p, MetricUnit.Percent)})"
            : MetricFormat.Format(delta, unit);
        // Thresholds print as the materiality metrics display them, so the reason's figures trace to the book too.
        var threshold = isMoney
            ? $"material at ±{MetricFormat.Format(materialityPercent, MetricUnit.Percent)} and ±{MetricFormat.Money(materialityAmount)}"
            : $"material at ±{MetricFormat.Format(materialityPercent, MetricUnit.Percent)}";
        var reason = status switch
        {
            VarianceStatus.OnTrack => $"{size} vs {against}: favourable ({direction})",
            VarianceStatus.AtRisk => $"{size} vs {against}: unfavourable but not material ({threshold})",
            _ => $"{size} vs {against}: unfavourable and material ({threshold})",
        };
        return new VarianceResult(actual, comparison, delta, percent, good, material, status, reason);
    }
}

// The figures a variance prints, as metrics of their own, so a report that shows a variance can quote them.
public static class VarianceMetrics
{
    public static (Metric Delta, Metric? Percent) For(Metric actual, Metric comparison, VarianceResult result)
    {
        var inputs = new[] { actual, comparison }.Select(MetricInput.Of).ToList();
        var delta = new Metric
        {
            Id = $"{actual.Id}.change-vs.{comparison.Id}@{comparison.Period}",
            Label = $"{actual.Label}: change vs {comparison.Label} ({comparison.Period})",
            Value = result.Delta,
            Unit = actual.Unit,
            Period = actual.Period,
            Formula = $"{actual.Label} − {comparison.Label}",
            Inputs = inputs,
            Kind = actual.Kind,
            Better = actual.Better,
        };
        var percent = result.DeltaPercent is { } p
            ? delta with
            {
                Id = delta.Id + ".percent",
                Label = delta.Label + ", %",
                Value = p,
                Unit = MetricUnit.Percent,
                Formula = $"({actual.Label} − {comparison.Label}) ÷ |{comparison.Label}|",
            }
            : null;
        return (delta, percent);
    }
}
