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
}
