using ExecReports.Core.Primitives;

namespace ExecReports.Tests.Core.Primitives;

public class SlugsTests
{
    [Theory]
    [InlineData("Sailo", "sailo")]
    [InlineData("direct web (mobile)", "direct-web-mobile")]
    [InlineData("  Unit A  ", "unit-a")]
    [InlineData("EYD-2610", "eyd-2610")]
    [InlineData("30/60/90-Day Milestones", "30-60-90-day-milestones")]
    [InlineData("Café Crème", "caf-cr-me")]
    [InlineData("—", "unnamed")]
    [InlineData("", "unnamed")]
    public void TurnsAFreeTextNameIntoAnAsciiSlug(string name, string expected)
    {
        Assert.Equal(expected, Slugs.Of(name));
        Assert.True(Slugs.IsSlug(Slugs.Of(name)));
    }

    [Fact]
    public void NumbersRepeatedNamesSoEveryIdStaysUnique()
    {
        Assert.Equal(["unit-a", "unit-b", "unit-a-2", "unit-a-3"], Slugs.Distinct(["Unit A", "Unit B", "unit a", "UNIT-A"]));
    }

    [Theory]
    [InlineData("rental-3028-51st", true)]
    [InlineData("Rental", false)]
    [InlineData("double--dash", false)]
    [InlineData("-leading", false)]
    [InlineData("", false)]
    public void RecognisesWhatIsAlreadyASlug(string text, bool expected) => Assert.Equal(expected, Slugs.IsSlug(text));
}
