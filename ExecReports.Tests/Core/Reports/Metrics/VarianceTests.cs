using ExecReports.Core.Reports.Metrics;

namespace ExecReports.Tests.Core.Reports.Metrics;

public class VarianceTests
{
    // actual, comparison, favourable direction → status; thresholds ±10 % and ±$500.
    [Theory]
    [InlineData(11_000, 10_000, Favourable.Higher, VarianceStatus.OnTrack, true)]    // revenue up 10 %: good
    [InlineData(9_000, 10_000, Favourable.Higher, VarianceStatus.OffTrack, true)]    // revenue down $1,000 / 10 %: material
    [InlineData(9_600, 10_000, Favourable.Higher, VarianceStatus.AtRisk, false)]     // down $400 / 4 %: neither threshold
    [InlineData(2_700, 3_000, Favourable.Higher, VarianceStatus.AtRisk, false)]      // down 10 % but only $300
    [InlineData(98_000, 100_000, Favourable.Higher, VarianceStatus.AtRisk, false)]   // down $2,000 but only 2 %
    [InlineData(11_000, 10_000, Favourable.Lower, VarianceStatus.OffTrack, true)]    // an expense up 10 % / $1,000: bad
    [InlineData(9_000, 10_000, Favourable.Lower, VarianceStatus.OnTrack, true)]      // an expense down: good
    [InlineData(10_000, 10_000, Favourable.Lower, VarianceStatus.OnTrack, false)]    // flat is on track
    [InlineData(600, 0, Favourable.Lower, VarianceStatus.OffTrack, true)]            // from zero: dollars alone decide
    [InlineData(400, 0, Favourable.Lower, VarianceStatus.AtRisk, false)]
    public void ClassifiesFavourabilityAndMateriality(double actual, double comparison, Favourable favourable, VarianceStatus expected, bool material)
    {
        var result = Variance.Assess((decimal)actual, (decimal)comparison, favourable, 0.10m, 500m, "target");

        Assert.Equal(expected, result.Status);
        Assert.Equal(material, result.IsMaterial);
        Assert.Contains("vs target", result.Reason);
    }

    // For counts and rates the dollar threshold means nothing: only the proportion decides.
    [Theory]
    [InlineData(1_300, 1_820, MetricUnit.Count, VarianceStatus.OffTrack, true)]   // visits down 28.6 %
    [InlineData(1_800, 1_820, MetricUnit.Count, VarianceStatus.AtRisk, false)]    // down 1.1 %
    [InlineData(48, 0, MetricUnit.Count, VarianceStatus.OnTrack, true)]           // from zero, any move is material
    [InlineData(0.40, 0.50, MetricUnit.Percent, VarianceStatus.OffTrack, true)]   // a rate down a fifth
    public void JudgesCountsAndRatesByProportionAlone(double actual, double comparison, MetricUnit unit, VarianceStatus expected, bool material)
    {
        var result = Variance.Assess((decimal)actual, (decimal)comparison, Favourable.Higher, 0.10m, 500m, "last month", unit);

        Assert.Equal(expected, result.Status);
        Assert.Equal(material, result.IsMaterial);
        Assert.DoesNotContain("$", result.Reason);
    }

    [Fact]
    public void ExplainsTheRuleBehindTheColour()
    {
        var result = Variance.Assess(9_000, 10_000, Favourable.Higher, 0.10m, 500m, "target $10,000");

        Assert.Equal("-$1,000 (-10.0%) vs target $10,000: unfavourable and material (material at ±10.0% and ±$500)", result.Reason);
    }

    // A percent-valued figure moves in percentage points: margin of safety 6.8 % → −16.8 % is −23.6 pp, not "−346.9 %".
    [Fact]
    public void StatesChangesOfPercentValuedFiguresInPoints()
    {
        var result = Variance.Assess(-0.168m, 0.068m, Favourable.Higher, 0.10m, 500m, "2026-10 6.8%", MetricUnit.Percent);

        Assert.Null(result.DeltaPercent);
        Assert.Equal(-0.236m, result.Delta);
        Assert.True(result.IsMaterial);    // 23.6 pp ≥ 10 pp
        Assert.Equal("-23.6 pp vs 2026-10 6.8%: unfavourable and material (material at ±10.0 pp)", result.Reason);
    }

    // Points, not proportion, decide: 2.0 % → 1.5 % is a quarter down but only 0.5 pp.
    [Theory]
    [InlineData(0.015, 0.020, false)]
    [InlineData(0.35, 0.50, true)]
    public void JudgesPercentValuedFiguresByPoints(double actual, double comparison, bool material) =>
        Assert.Equal(material, Variance.Assess((decimal)actual, (decimal)comparison, Favourable.Higher, 0.10m, 500m, "last month", MetricUnit.Percent).IsMaterial);

    // Net burn −$1,410 → $2,874: a "+303.8 %" means nothing across zero, so the move is said in words.
    [Fact]
    public void SaysASignChangeInWordsWithoutAPercent()
    {
        var result = Variance.Assess(2_874m, -1_410m, Favourable.Lower, 0.10m, 500m, "2026-10 -$1,410/mo", MetricUnit.UsdPerMonth,
            new SignWords("generated", "burned"));

        Assert.Null(result.DeltaPercent);
        Assert.Equal(4_284m, result.Delta);
        Assert.Equal(VarianceStatus.OffTrack, result.Status);
        Assert.Equal("$4,284/mo vs 2026-10 -$1,410/mo: from $1,410/mo generated to $2,874/mo burned; unfavourable and material (material at ±10.0% and ±$500)",
            result.Reason);
        Assert.DoesNotContain("%)", result.Reason);
    }

    [Fact]
    public void SaysASignChangeWithoutWordsAsNoPercent()
    {
        var result = Variance.Assess(-300m, 2_000m, Favourable.Higher, 0.10m, 500m, "last month");

        Assert.Null(result.DeltaPercent);
        Assert.Contains("the sign changed, from $2,000 to -$300, so no % is shown", result.Reason);
    }

    // A money base under the materiality amount is "near zero": $200 → $900 is not "+350 %"; the dollars decide.
    [Theory]
    [InlineData(900, 200, true)]     // +$700 ≥ $500
    [InlineData(650, 200, false)]    // +$450
    public void ShowsNoPercentFromANearZeroMoneyBase(double actual, double comparison, bool material)
    {
        var result = Variance.Assess((decimal)actual, (decimal)comparison, Favourable.Lower, 0.10m, 500m, "last month");

        Assert.Null(result.DeltaPercent);
        Assert.Equal(material, result.IsMaterial);
        Assert.DoesNotContain("%)", result.Reason);
    }

    // Counts below a base of 10 move by chance: 1 → 0 is not "−100 %, material"; only a move of 10 or more is.
    [Theory]
    [InlineData(0, 1, false, null)]
    [InlineData(14, 5, false, null)]       // +9 on a base of 5
    [InlineData(20, 8, true, null)]        // +12
    [InlineData(10, 12, true, -0.1667)]    // base ≥ 10: the proportion decides, −16.7 %
    [InlineData(11, 12, false, -0.0833)]
    public void NeedsAMinimumBaseBeforeACountChangeIsMaterial(int actual, int comparison, bool material, double? percent)
    {
        var result = Variance.Assess(actual, comparison, Favourable.Higher, 0.10m, 500m, "last month", MetricUnit.Count);

        Assert.Equal(material, result.IsMaterial);
        Assert.Equal(percent, result.DeltaPercent is { } p ? (double)Math.Round(p, 4) : null);
    }

    // Ranking weight: a money move carries its dollars, a count or a rate none.
    [Theory]
    [InlineData(2_874, -1_410, MetricUnit.UsdPerMonth, 4_284)]
    [InlineData(30_000, 32_000, MetricUnit.Usd, 2_000)]
    [InlineData(48, 0, MetricUnit.Count, 0)]
    public void WeighsAMoveByItsMoneyImpact(double actual, double comparison, MetricUnit unit, double impact) =>
        Assert.Equal((decimal)impact, Variance.Assess((decimal)actual, (decimal)comparison, Favourable.Lower, 0.10m, 500m, "last month", unit).MoneyImpact);
}
