using System.Text;
using System.Text.RegularExpressions;
using ExecReports.Core.Configuration;
using ExecReports.Core.Reports;
using ExecReports.Core.Reports.Finance;
using ExecReports.Core.Reports.Rendering;
using ExecReports.Core.Secrets;
using ExecReports.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ExecReports.Tests.Core.Email;

public partial class ReportEmailTests(SampleReports samples) : IClassFixture<SampleReports>
{
    [Fact]
    public void EverySampleEmailStaysWithinTheSizeLimits()
    {
        Assert.All(samples.Set.Reports, report =>
        {
            Assert.True(Encoding.UTF8.GetByteCount(report.Email.Html) <= 100 * 1024, $"{report.Role.Id}: HTML {Encoding.UTF8.GetByteCount(report.Email.Html)} bytes");
            Assert.True(Encoding.UTF8.GetByteCount(report.Email.Text) <= 60 * 1024, $"{report.Role.Id}: text {Encoding.UTF8.GetByteCount(report.Email.Text)} bytes");
        });
    }

    [Fact]
    public void TheEmailLeavesTheMetricsAppendixToThePreviewAndTheArchive()
    {
        Assert.All(samples.Set.Reports, report =>
        {
            Assert.DoesNotContain(ReportSections.Appendix, report.Email.Html);
            Assert.DoesNotContain(ReportSections.Appendix, report.Email.Text);
            Assert.Contains(ReportSections.Appendix, report.Rendered.Markdown);
            Assert.NotEmpty(report.Metrics);
        });
    }

    [Fact]
    public void TheEmailShowsNoMarkdownEscapesMetricIdsOrFileLineReferences()
    {
        Assert.All(samples.Set.Reports, report =>
        {
            foreach (var part in new[] { report.Email.Text, report.Email.Html })
            {
                Assert.DoesNotMatch(MarkdownEscape(), part);
                Assert.DoesNotMatch(FileLine(), part);
                Assert.DoesNotContain("kpi:", part, StringComparison.Ordinal);
                var ids = report.Metrics.Select(m => m.Id).Where(id => part.Contains(id, StringComparison.Ordinal)).ToList();
                Assert.True(ids.Count == 0, $"{report.Role.Id}: metric ids in the email: {string.Join(", ", ids.Take(5))}");
            }
        });
    }

    [Fact]
    public void SourcesBecomeShortFootnotesNamingTheEntityAndDate()
    {
        var cto = samples.Set.For(ReportRole.Cto)!;

        Assert.Contains("shipcaptaincrew.md:23", cto.Rendered.Markdown);
        Assert.Matches(@"source: JADA handoff, \d{1,2} [A-Z][a-z]{2}", cto.Email.Text);
    }

    [Fact]
    public void TheEmailOpensWithTheSummaryAndIsAtMostSixHundredPixelsWide()
    {
        Assert.All(samples.Set.Reports, report =>
        {
            var firstHeading = Regex.Match(report.Email.Html, "<h2[^>]*>(?<text>[^<]*)</h2>").Groups["text"].Value;
            Assert.Equal(ReportSections.ExecutiveSummary, firstHeading);
            Assert.Contains("max-width:600px", report.Email.Html);
            Assert.Contains("<meta name=\"color-scheme\" content=\"light dark\">", report.Email.Html);
            Assert.StartsWith($"{report.Title}\n", report.Email.Text);
        });
    }

    [Fact]
    public void StatusIsAColouredChipWithItsWordKept()
    {
        var html = string.Concat(samples.Set.Reports.Select(r => r.Email.Html));

        Assert.Contains(">off track</span>", html);
        Assert.Contains("background:#b3261e;color:#ffffff;", html);
        Assert.Contains("background:#1e7b34;color:#ffffff;", html);
    }

    [Fact]
    public void WithoutABaseUrlTheEmailHasNoLinkToThePreview()
    {
        Assert.All(samples.Set.Reports, report => Assert.DoesNotContain("Open this report in ExecReports", report.Email.Html));
    }

    [Fact]
    public async Task WithABaseUrlTheEmailLinksToItsReportsPreview()
    {
        var services = samples.Services;
        var engine = new ReportEngine(
            services.GetServices<ReportGenerator>(),
            services.GetServices<MetricCalculator>(),
            services.GetRequiredService<IOptions<FinanceOptions>>(),
            services.GetRequiredService<IOptions<ExecReports.Core.Reconciliation.ReconciliationOptions>>(),
            services.GetRequiredService<SecretScanner>(),
            app: Options.Create(new AppOptions { BaseUrl = "https://reports.example.com/" }));

        var set = engine.Generate(await samples.InputsAsync(), [ReportRole.Cfo, ReportRole.Rental]);

        Assert.Contains("href=\"https://reports.example.com/reports/2026-11/cfo\"", set.For(ReportRole.Cfo)!.Email.Html);
        var text = set.For(ReportRole.Rental)!.Email.Text;
        Assert.Contains("Open this report in ExecReports", text);
        Assert.Contains("(https://reports.example.com/reports/2026-11/rental)", text);
    }

    [Theory]
    [InlineData("ftp://reports.example.com")]
    [InlineData("reports.example.com")]
    [InlineData("https://reports.example.com/?x=1")]
    public void ABaseUrlThatIsNotAnHttpAddressIsRefused(string url)
    {
        var results = new AppOptions { BaseUrl = url }.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(new object())).ToList();

        Assert.Contains(results, r => r.ErrorMessage!.Contains("App:BaseUrl", StringComparison.Ordinal));
    }

    [Fact]
    public void ALongListIsCutToItsFirstItemsAndCountsTheRest()
    {
        var section = new ReportSection
        {
            Id = "x", Heading = "Security Audit",
            Markdown = string.Join('\n', Enumerable.Range(1, 12).Select(i => $"- item {i}")) + "\n\n| A | B |\n| --- | --- |\n"
                + string.Join('\n', Enumerable.Range(1, 20).Select(i => $"| row {i} | x |")) + "\n\n### Quiet\n\n*no findings recorded*\n",
        };

        var email = EmailComposer.Compose(new EmailDraft("T", "*intro*", [section], "---\n\nfooter\n", null, new Dictionary<string, string>()));

        Assert.Contains("item 5", email.Text);
        Assert.DoesNotContain("item 6", email.Text);
        Assert.Contains("and 7 more in the report preview", email.Text);
        Assert.Contains("row 8", email.Text);
        Assert.DoesNotContain("row 9 ", email.Text);
        Assert.Contains("12 more rows in the report preview.", email.Text);
        Assert.Contains("Nothing to report for: Quiet.", email.Text);
        Assert.DoesNotContain("### Quiet", email.Markdown);
    }

    [GeneratedRegex(@"\\[\[\]_*`<>|~&]")]
    private static partial Regex MarkdownEscape();

    [GeneratedRegex(@"[\w-]+\.md:\d+")]
    private static partial Regex FileLine();
}
