using ExecReports.Core.Reports;
using ExecReports.Core.Reports.Metrics;
using ExecReports.Core.Validation;
using ExecReports.Tests.Support;

namespace ExecReports.Tests.Core.Validation;

// A shared figure changed in a report other than the CFO's must fail against the book, naming the book's figure.
public class SharedFigureCheckTests(SampleReports samples) : IClassFixture<SampleReports>
{
    public static TheoryData<string, string, string, string> Tampered => new()
    {
        { "ceo", "ceo.dangerouscentaur-portfolio.unbilled-value", "unbilled", "unbilled value" },
        { "portfolio-billing", "receivables.dangerouscentaur-portfolio.balance", "receivable", "receivables" },
        { "ceo", PipelineCalculator.PortfolioOpenValue, "pipeline", "pipeline" },
        { "rental", RentalCalculator.SecurityDepositsHeld, "deposit", "deposits" },
        { "accounting", EntityDeposits.Customer("queenofsandiego"), "deposit", "deposits" },
    };

    [Theory]
    [MemberData(nameof(Tampered))]
    public async Task ATamperedSharedFigureInANonCfoReportIsAMismatchWithTheBooksValueSuggested(string role, string metricId, string keyword, string family)
    {
        var previous = await samples.BookAsync(SampleReports.November.Previous());
        var metric = samples.Set.Metrics.Get(metricId);
        var report = ReportText.From(samples.Set.For(ReportRole.Find(role)!)!);
        var line = Enumerable.Range(1, report.Lines.Count).First(n => report.SectionAt(n) != ReportSections.Appendix
            && report.Lines[n - 1].Contains(metric.Display, StringComparison.Ordinal) && report.Lines[n - 1].Contains(keyword, StringComparison.OrdinalIgnoreCase)
            && !report.Lines[n - 1].Contains("the notes say", StringComparison.Ordinal));
        var wrong = FigureCheckTests.Bump(metric.Display);
        Assert.DoesNotContain(samples.Set.Metrics.All, m => m.Display == wrong);
        var lines = report.Lines.ToArray();
        lines[line - 1] = FigureCheckTests.ReplaceFirst(lines[line - 1], metric.Display, wrong);
        var tampered = new ReportText(report.Name, report.Role, report.Period, string.Join('\n', lines));

        Assert.Empty(FigureCheck.Check(report, samples.Set.Metrics, previous));
        var finding = Assert.Single(FigureCheck.Check(tampered, samples.Set.Metrics, previous));

        Assert.Equal(("figures/mismatch", Severity.Error, line), (finding.Rule, finding.Severity, finding.Line));
        Assert.Contains($"the {family} figure {wrong} is not the metric book's", finding.Message, StringComparison.Ordinal);
        // Accounts receivable is also account 1100 in the Accounting view: the same figure, whichever label names it.
        Assert.StartsWith("The metric book says ", finding.Suggestion, StringComparison.Ordinal);
        Assert.EndsWith($": {metric.Display}.", finding.Suggestion, StringComparison.Ordinal);
    }

    [Fact]
    public void AFigureTheNotesStateInADataConflictIsNotHeldAgainstTheBook()
    {
        var text = new ReportTextBuilder().Section("Executive Summary",
            "> - 3028 51st St Rental, 2026-11, security deposits held: the notes say $4,200 (rental.md:9); the KPI inputs say $6,300 (KPI securityDeposits, 2026-11).",
            "The security deposits held are $4,201.").Text();

        var finding = Assert.Single(FigureCheck.Check(text, samples.Set.Metrics));

        Assert.Contains("the deposits figure $4,201", finding.Message, StringComparison.Ordinal);
    }
}
