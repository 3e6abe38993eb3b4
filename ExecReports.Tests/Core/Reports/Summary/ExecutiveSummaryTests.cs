using System.Text.RegularExpressions;
using ExecReports.Core.Ingestion;
using ExecReports.Core.Reports;
using ExecReports.Core.Reports.Summary;
using ExecReports.Tests.Support;

namespace ExecReports.Tests.Core.Reports.Summary;

public class ExecutiveSummaryTests(SampleReports samples) : IClassFixture<SampleReports>
{
    [Fact]
    public void EveryReportOpensWithItsSummary()
    {
        Assert.All(samples.Set.Reports, report =>
        {
            Assert.Equal(ReportSections.ExecutiveSummary, report.Sections[0].Heading);
            Assert.Equal(ReportSections.ChangedSinceLastMonth, report.Sections[1].Heading);
            Assert.Contains($"# {report.Title}\n\n*Written for", report.Rendered.Markdown);
            Assert.True(report.Rendered.Markdown.IndexOf("## Executive Summary", StringComparison.Ordinal)
                < report.Rendered.Markdown.IndexOf("## Changed Since Last Month", StringComparison.Ordinal));
        });
    }

    [Fact]
    public void TheSummaryShowsFourToSixHeadlineFiguresEachWithAComparisonAndStatus()
    {
        Assert.All(samples.Set.Reports, report =>
        {
            var rows = report.Sections[0].Markdown.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)).Skip(2).ToList();
            Assert.InRange(rows.Count, ExecutiveSummary.MinHeadlines, ExecutiveSummary.MaxHeadlines);
            Assert.All(rows, row =>
            {
                var cells = row.Trim('|', ' ').Split(" | ");
                Assert.Equal(4, cells.Length);
                Assert.Matches("^(2026-10: .+|no figure for 2026-10)$", cells[2]);
                Assert.Contains(cells[3], new[] { "on track", "at risk", "off track", "no comparison" });
            });
        });
    }

    [Fact]
    public void TheCfoHeadlinesAreItsCashRunwayAndBurnFigures()
    {
        var cfo = samples.Set.For(ReportRole.Cfo)!;
        var summary = cfo.Sections[0];

        Assert.Equal(ExecutiveSummary.HeadlineIds(ReportRole.Cfo).Take(ExecutiveSummary.MaxHeadlines), summary.MetricIds.Take(6));
        var cash = samples.Set.Metrics.Get("cfo.cash");
        Assert.Contains($"| {cash.Label} | {ExecReports.Core.Reports.Rendering.MarkdownText.Escape(cash.Display)} |", summary.Markdown);
    }

    [Fact]
    public void TheCommentaryIsThreeToFiveSentencesWrittenByRule()
    {
        Assert.All(samples.Set.Reports, report =>
        {
            var paragraph = report.Sections[0].Markdown.Split("\n\n").Single(p => p.Contains("headline figure", StringComparison.Ordinal));
            var sentences = paragraph.Split('\n');
            Assert.InRange(sentences.Length, 3, 5);
            Assert.Matches(@"^(\d+ of \d+ headline figures compared with 2026-10 are on track|All \d+ headline figures compared with 2026-10 are off track|None of the headline figures)", sentences[0]);
            Assert.StartsWith("To do first:", sentences[^1].Replace("Nothing needs action first", "To do first:", StringComparison.Ordinal));
        });
    }

    [Fact]
    public void ItIsTheSameEveryTime()
    {
        var again = samples.Engine.Generate(samples.Set.Inputs);

        Assert.Equal(samples.Set.Reports.Select(r => r.Sections[0].Markdown), again.Reports.Select(r => r.Sections[0].Markdown));
    }

    [Fact]
    public async Task AStaleHandoffIsAWarningInTheReportsThatQuoteIt()
    {
        var folder = samples.TempPath("stale");
        SampleReports.CopyDirectory(Path.Combine(RepoPaths.Samples, "handoffs"), folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "rental-old.md"),
            "---\nentity: 3028 51st St Rental\nupdated: 2026-09-01\n---\n# Rental notes\n\n## Known issues\n\n- Gutter on unit B leaks.\n");
        using var store = IngestionServiceCollectionExtensions.ForFolder(samples.Services, folder);

        var set = await samples.GenerateAsync(handoffs: store.GetSnapshot());

        var rental = set.For(ReportRole.Rental)!.Sections[0].Markdown;
        Assert.Contains("**Warnings for this report:**", rental);
        Assert.Contains("> **Stale handoff notes quoted**", rental);
        Assert.Contains("rental-old.md: updated 2026-09-01", rental);
        Assert.DoesNotContain("rental-old.md", set.For(ReportRole.YachtDelivery)!.Sections[0].Markdown);
    }

    [Fact]
    public void ANoticeAddedBeforeTheSummaryIsListedInIt()
    {
        var builder = new ReportBuilder(ReportRole.Cfo, "2026-11");
        builder.Notice("Data conflict: the AWS bill is $412 in a note but $40 in the books.");
        builder.Notice("Data conflict: the AWS bill is $412 in a note but $40 in the books.");

        Assert.Single(builder.Notices);
    }
}

public class RoleIssuesTests
{
    private static FactRef Issue(string text, params string[] tags) => new(
        new HandoffDocument { File = "x.md", EntityId = "jada", Status = HandoffStatus.Ok, Title = "x", Updated = new DateOnly(2026, 11, 20) },
        new HandoffFact(SectionKind.KnownIssues, text, tags, [], 3));

    [Theory]
    [InlineData("Hard-coded Stripe secret key committed to the repo", 100)]
    [InlineData("The enquiry endpoint is unauthenticated", 90)]
    [InlineData("The AWS bill is $412 this month", 61)] // 45 + round(6 × log10(413)) = 45 + round(15.70)
    [InlineData("Unbilled work of $1,000 sits in the tracker", 63)] // 45 + round(6 × log10(1001)) = 45 + round(18.00)
    [InlineData("Invoices go out late", 40)]
    [InlineData("The crew roster page is slow", 20)]
    public void MaterialityRanksSecretsThenEndpointsThenDollarsThenTheRest(string text, int expected)
    {
        Assert.Equal(expected, RoleIssues.Materiality(text, Issue(text)));
    }

    [Fact]
    public void EachRoleGetsTheIssuesThatMatterToIt()
    {
        var finance = Issue("Deposits for future trips are booked as revenue on receipt");
        var engineering = Issue("The invoice PDF job times out for large clients");
        var marketing = Issue("The newsletter has no booking tracking");

        Assert.True(RoleIssues.Matters(ReportRole.Cfo, finance));
        Assert.False(RoleIssues.Matters(ReportRole.Cto, finance));
        Assert.True(RoleIssues.Matters(ReportRole.Cto, engineering));
        Assert.True(RoleIssues.Matters(ReportRole.Cmo, marketing));
        Assert.False(RoleIssues.Matters(ReportRole.Cmo, finance with { Fact = finance.Fact with { Text = "Bank feed is broken" } }));
        Assert.True(RoleIssues.Matters(ReportRole.Ceo, marketing));
        Assert.True(RoleIssues.Matters(ReportRole.Cto, Issue("Something odd", "security")));
    }

    [Fact]
    public void TheCountOfWhatALimitedListLeavesOutNamesItsEntities()
    {
        var rest = new[] { Issue("a"), Issue("b"), Issue("c") with { Document = Issue("c").Document with { EntityId = "qdn" } } }
            .Select(f => new RoleIssues.Ranked(f, 20)).ToList();

        Assert.Equal("and 3 more issues across 2 entities, ranked lower (all of them on the Handoffs page)", RoleIssues.More(rest));
    }
}
