using ExecReports.Core.Dashboard;
using ExecReports.Core.Reports;
using ExecReports.Core.Reports.Metrics;
using ExecReports.Core.Reports.Rendering;

namespace ExecReports.Tests.Core.Reports;

public class ReportDiffTests
{
    private static Metric Money(string id, decimal value, string period) => new()
    {
        Id = id, Label = id, Value = value, Unit = MetricUnit.Usd, Period = period, Formula = "test", Inputs = [],
    };

    private static Report Report(string period, string markdown, string[] sections, params Metric[] metrics) => new()
    {
        Role = ReportRole.Cfo,
        Period = period,
        Sections = sections.Select(s => new ReportSection { Id = s.ToLowerInvariant().Replace(' ', '-'), Heading = s, Markdown = "" }).ToList(),
        Metrics = metrics,
        Metadata = new ReportMetadata
        {
            Role = "cfo", Title = "CFO", Period = period, GeneratorCommit = "test", GeneratedAt = DateTimeOffset.UnixEpoch,
            OldestHandoff = null, NewestHandoff = null, KpisLastEdited = null, InputDigest = "", Sections = sections,
        },
        Rendered = new RenderedReport(markdown, "", ""),
        ContentDigest = markdown,
        Email = new RenderedReport(markdown, "", ""),
    };

    [Fact]
    public void NamesSectionsAddedAndRemovedAndFiguresThatMoved()
    {
        var october = Report("2026-10", "# CFO\nBurn $7,000\nRunway\n", ["Burn", "Runway"], Money("cfo.burn.net", 7000m, "2026-10"), Money("cfo.cash", 40000m, "2026-10"));
        var november = Report("2026-11", "# CFO\nBurn $8,200\nTargets\n", ["Burn", "Targets"], Money("cfo.burn.net", 8200m, "2026-11"), Money("cfo.cash", 40000m, "2026-11"));

        var diff = ReportDiff.Compare(october, november);

        Assert.Equal(["Targets"], diff.SectionsAdded.Select(s => s.Heading));
        Assert.Equal(["Runway"], diff.SectionsRemoved.Select(s => s.Heading));
        var moved = Assert.Single(diff.MetricsMoved);
        Assert.Equal(("cfo.burn.net", "$7,000", "$8,200"), (moved.Id, moved.Before, moved.After));
        Assert.Equal(4, diff.LinesChanged);
    }

    [Fact]
    public void LineDiffKeepsCommonLinesAndMarksTheRest()
    {
        var lines = ReportDiff.Lines("a\nb\nc\n", "a\nx\nc\nd\n");

        Assert.Equal(
            [new DiffLine(LineChange.Same, "a"), new DiffLine(LineChange.Removed, "b"), new DiffLine(LineChange.Added, "x"), new DiffLine(LineChange.Same, "c"), new DiffLine(LineChange.Added, "d")],
            lines);
    }

    [Fact]
    public void AReportWithNoPreviousMonthIsAllAdditions()
    {
        var diff = ReportDiff.Compare(null, Report("2026-11", "# CFO\nBurn\n", ["Burn"]));

        Assert.False(diff.HasPrevious);
        Assert.All(diff.Lines, l => Assert.Equal(LineChange.Added, l.Change));
        Assert.Equal(["Burn"], diff.SectionsAdded.Select(s => s.Heading));
    }
}
