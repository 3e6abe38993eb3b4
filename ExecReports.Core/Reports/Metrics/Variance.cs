namespace ExecReports.Core.Reports.Metrics;

public enum Favourable { Higher, Lower }

public enum VarianceStatus { OnTrack, AtRisk, OffTrack }

// What a negative and a positive value mean in words, for a figure whose sign flips: net burn is "generated" below
// zero and "burned" above it.
public sealed record SignWords(string Negative, string Positive);

public sealed record VarianceResult(
    decimal Actual,
    decimal Comparison,
    decimal Delta,
    decimal? DeltaPercent,
    bool IsFavourable,
    bool IsMaterial,
    VarianceStatus Status,
    string Reason)
{
    // The dollars the move is worth: its size for a money figure, zero for a count, a rate or a duration.
    public decimal MoneyImpact { get; init; }
}

// Variance against a target or the prior period. A status colour always travels with the rule that produced it.
// A percent change is shown only where it means something: not for a percent-valued figure (points instead), not
// across a sign change, not from a base near zero (words or the amount alone instead).
public static class Variance
{
    // A count below this base (1 → 0 enquiries) moves by chance: no % is shown and only a change this large is material.
    public const decimal MinimumCountBase = 10m;

    public static VarianceResult Assess(decimal actual, decimal comparison, Favourable favourable, decimal materialityPercent,
        decimal materialityAmount, string against, MetricUnit unit = MetricUnit.Usd, SignWords? signWords = null)
    {
        var delta = actual - comparison;
        var isMoney = unit is MetricUnit.Usd or MetricUnit.UsdPerMonth;
        var signChanged = (actual < 0 && comparison > 0) || (actual > 0 && comparison < 0);
        var smallCount = unit == MetricUnit.Count && Math.Abs(comparison) < MinimumCountBase;
        var nearZero = comparison == 0 || (isMoney && Math.Abs(comparison) < materialityAmount) || smallCount;
        var points = unit == MetricUnit.Percent;
        decimal? percent = points || signChanged || nearZero ? null : delta / Math.Abs(comparison);
        var good = favourable == Favourable.Higher ? delta >= 0 : delta <= 0;

        // Material only when the move is large both in proportion and in dollars; the dollar threshold means nothing
        // for a count or a rate, so there only the proportion counts. A percent-valued figure is judged in points
        // (±10 % materiality = ±10 pp); a small count by its absolute change; a flip or a near-zero base by dollars.
        var material = points ? Math.Abs(delta) >= materialityPercent
            : smallCount ? Math.Abs(delta) >= MinimumCountBase
            : isMoney ? Math.Abs(delta) >= materialityAmount && (percent is null || Math.Abs(percent.Value) >= materialityPercent)
            : percent is null ? delta != 0 : Math.Abs(percent.Value) >= materialityPercent;

        var status = good ? VarianceStatus.OnTrack : material ? VarianceStatus.OffTrack : VarianceStatus.AtRisk;
        var direction = favourable == Favourable.Higher ? "higher is better" : "lower is better";
        var size = points ? MetricFormat.Format(delta, MetricUnit.PercentagePoints)
            : percent is { } p ? $"{MetricFormat.Format(delta, unit)} ({(p >= 0 ? "+" : "")}{MetricFormat.Format(p, MetricUnit.Percent)})"
            : MetricFormat.Format(delta, unit);
        // Thresholds print as the materiality metrics display them, so the reason's figures trace to the book too.
        var threshold = points ? $"material at ±{MetricFormat.Format(materialityPercent, MetricUnit.PercentagePoints)}"
            : smallCount ? $"a count below {MetricFormat.Format(MinimumCountBase, MetricUnit.Count)} is material only when it moves by {MetricFormat.Format(MinimumCountBase, MetricUnit.Count)} or more"
            : isMoney ? $"material at ±{MetricFormat.Format(materialityPercent, MetricUnit.Percent)} and ±{MetricFormat.Money(materialityAmount)}"
            : $"material at ±{MetricFormat.Format(materialityPercent, MetricUnit.Percent)}";
        var judgement = status switch
        {
            VarianceStatus.OnTrack => $"favourable ({direction})",
            VarianceStatus.AtRisk => $"unfavourable but not material ({threshold})",
            _ => $"unfavourable and material ({threshold})",
        };
        var words = signChanged && !points ? SignChange(actual, comparison, unit, signWords) + "; " : "";
        var reason = $"{size} vs {against}: {words}{judgement}";
        return new VarianceResult(actual, comparison, delta, percent, good, material, status, reason) { MoneyImpact = isMoney ? Math.Abs(delta) : 0m };
    }

    // "from $1,410/mo generated to $2,874/mo burned": the amounts without their signs, the sign said in words.
    private static string SignChange(decimal actual, decimal comparison, MetricUnit unit, SignWords? words)
    {
        if (words is null)
        {
            return $"the sign changed, from {MetricFormat.Format(comparison, unit)} to {MetricFormat.Format(actual, unit)}, so no % is shown";
        }

        string Said(decimal v) => $"{MetricFormat.Format(Math.Abs(v), unit)} {(v < 0 ? words.Negative : words.Positive)}";
        return $"from {Said(comparison)} to {Said(actual)}";
    }
}

// The figures a variance prints, as metrics of their own, so a report that shows a variance can quote them.
public static class VarianceMetrics
{
    public static (Metric Delta, Metric? Percent) For(Metric actual, Metric comparison, VarianceResult result)
    {
        var inputs = new[] { actual, comparison }.Select(MetricInput.Of).ToList();
        var points = actual.Unit == MetricUnit.Percent;
        var delta = new Metric
        {
            Id = $"{actual.Id}.change-vs.{comparison.Id}@{comparison.Period}",
            Label = $"{actual.Label}: change vs {comparison.Label} ({comparison.Period}){(points ? ", percentage points" : "")}",
            Value = result.Delta,
            Unit = points ? MetricUnit.PercentagePoints : actual.Unit,
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
