using ExecReports.Core.Reports;

namespace ExecReports.Tests.Core.Reports;

// A bounded list or table writes the first FullListLimit items and counts the rest; over a list, the rows it leaves out
// are never projected (each projection quotes, redacts and escapes a handoff sentence).
public sealed class SectionBuilderTests
{
    private const int Items = SectionBuilder.FullListLimit + 12;

    [Fact]
    public void ATableOverAListProjectsOnlyTheRowsItShowsAndCountsTheRest()
    {
        var section = new SectionBuilder("s", "S", required: false);
        var projected = 0;

        section.Table(["N"], Enumerable.Range(1, Items).ToList().Select(i =>
        {
            projected++;
            return (IReadOnlyList<string>)[i.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        }));

        Assert.Equal(SectionBuilder.FullListLimit, projected);
        Assert.Contains($"| {SectionBuilder.FullListLimit} |", section.Text);
        Assert.DoesNotContain($"| {SectionBuilder.FullListLimit + 1} |", section.Text);
        Assert.Contains("and 12 more, ranked lower", section.Text);
    }

    [Fact]
    public void BulletsOverASequenceWithoutACountStillCountTheRest()
    {
        var section = new SectionBuilder("s", "S", required: false);

        section.Bullets(Enumerable.Range(1, Items).Where(_ => true).Select(i => $"item {i}"));

        Assert.Contains($"- item {SectionBuilder.FullListLimit}\n", section.Text.ReplaceLineEndings("\n"));
        Assert.DoesNotContain($"item {SectionBuilder.FullListLimit + 1}", section.Text);
        Assert.Contains("and 12 more, ranked lower", section.Text);
    }

    [Fact]
    public void NumberedItemsAreNumberedFromOne()
    {
        var section = new SectionBuilder("s", "S", required: false);

        section.Numbered(["first", "second"]);

        Assert.Equal("1. first\n2. second\n\n", section.Text.ReplaceLineEndings("\n"));
    }
}
