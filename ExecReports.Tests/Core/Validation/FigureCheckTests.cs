using ExecReports.Core.Reports.Finance;
using ExecReports.Core.Validation;
using ExecReports.Tests.Support;

namespace ExecReports.Tests.Core.Validation;

// The generated CFO report with one figure changed must fail against the CFO model, naming the model's figure.
public class FigureCheckTests(SampleReports samples) : IClassFixture<SampleReports>
{
    [Theory]
    [InlineData(CfoMetricIds.NetBurnAverage, "Burn Rate", "burn rate")]
    [InlineData(CfoMetricIds.RunwayTrailing, "Runway", "runway")]
    [InlineData(CfoMetricIds.BreakEvenRevenue, "Break-Even Analysis", "break-even")]
    [InlineData(CfoMetricIds.RevenueTarget, "Monthly Revenue Targets", "revenue target")]
    public async Task ATamperedFigureIsAMismatchWithTheCfoValueSuggested(string metricId, string section, string family)
    {
        var previous = await samples.BookAsync(SampleReports.November.Previous());
        var metric = samples.Set.Metrics.Get(metricId);
        var report = samples.Cfo;
        var line = Enumerable.Range(1, report.Lines.Count).First(n => report.SectionAt(n) == section && report.Lines[n - 1].Contains(metric.Display, StringComparison.Ordinal));
        var wrong = Bump(metric.Display);
        Assert.DoesNotContain(samples.Set.Metrics.All, m => m.Display == wrong);
        var lines = report.Lines.ToArray();
        lines[line - 1] = ReplaceFirst(lines[line - 1], metric.Display, wrong);
        var tampered = new ReportText(report.Name, report.Role, report.Period, string.Join('\n', lines));

        var finding = Assert.Single(FigureCheck.Check(tampered, samples.Set.Metrics, previous));

        Assert.Equal(("figures/mismatch", Severity.Error, line, section), (finding.Rule, finding.Severity, finding.Line, finding.Section));
        Assert.Contains($"the {family} figure {wrong}", finding.Message);
        Assert.Equal($"The CFO model says {metric.Label}: {metric.Display}.", finding.Suggestion);
    }

    [Fact]
    public async Task TheUntamperedCfoReportHasNoFigureFindingsInAnyFormat()
    {
        var report = samples.Set.For(ExecReports.Core.Reports.ReportRole.Cfo)!;
        var previous = await samples.BookAsync(SampleReports.November.Previous());
        var texts = new[]
        {
            ReportText.From(report),
            ReportText.FromFile("cfo-report.md", report.Rendered.Markdown),
            ReportText.FromFile("cfo-report.txt", report.Rendered.Text),
            ReportText.FromFile("cfo-report.html", report.Rendered.Html),
        };

        Assert.All(texts, t => Assert.Empty(FigureCheck.Check(t, samples.Set.Metrics, previous)));
    }

    [Fact]
    public void LastMonthsFiguresInChangedSinceLastMonthNeedLastMonthsBook()
    {
        var withoutPrevious = FigureCheck.Check(samples.Cfo, samples.Set.Metrics).ToList();

        Assert.NotEmpty(withoutPrevious);
        Assert.All(withoutPrevious, f => Assert.Contains(f.Section, new[] { "Executive Summary", "Changed Since Last Month", "Appendix: Metrics Quoted" }));
    }

    // "$2,874/mo" → "$2,875/mo", "18.8 months" → "18.9 months": the last digit moves by one.
    internal static string Bump(string display)
    {
        var at = display.AsSpan().LastIndexOfAnyInRange('0', '9');
        var digit = display[at] == '9' ? '8' : (char)(display[at] + 1);
        return display[..at] + digit + display[(at + 1)..];
    }

    internal static string ReplaceFirst(string text, string find, string replacement)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        return text[..at] + replacement + text[(at + find.Length)..];
    }
}
