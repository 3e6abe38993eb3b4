using Bunit;
using ExecReports.Core.Reports;
using ExecReports.Core.Reports.Finance;
using ExecReports.Core.Validation;
using ExecReports.Tests.Support;
using ExecReports.Web.Components.Pages.Reports;
using ExecReports.Web.Components.Shared;
using ExecReports.Web.Services;
using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Tests.Web.Reports;

public class ReportPreviewTests : MudTestBase, IClassFixture<SampleReports>
{
    private readonly SampleReports _samples;

    public ReportPreviewTests(SampleReports samples)
    {
        _samples = samples;
        var reports = _samples.Services.GetRequiredService<ReportService>();
        Services.AddSingleton(reports);
        Services.AddSingleton(new ReportValidation(reports, _samples.Services.GetRequiredService<ValidationGate>()));
        Services.AddSingleton(ActivatorUtilities.CreateInstance<ExecReports.Web.Services.FeedbackAccess>(_samples.Services));
        // The preview's Send button brings the dispatch service and the action check with it.
        Services.AddFallbackServiceProvider(_samples.Services);
    }

    [Fact]
    public async Task ShowsExactlyTheEmailBodyAndItsContents()
    {
        var report = (await _samples.Services.GetRequiredService<ReportService>().GetAsync(SampleReports.November)).For(ReportRole.Cfo)!;
        await TestAccount.SignInAsync(this, ExecReports.Web.Identity.Roles.Viewer);

        var page = Render<ReportPreview>(p => p.Add(x => x.PeriodText, "2026-11").Add(x => x.RoleId, "cfo"));

        page.WaitForElement("#report-html");
        Assert.Equal("CFO report — 2026-11", page.Find("#report-title").TextContent);
        Assert.Equal(Normalize(report.Rendered.Html), Normalize(page.Find("#report-html").InnerHtml));
        foreach (var heading in ReportSections.For(ReportRole.Cfo))
        {
            Assert.Contains(heading, page.Markup);
        }

        Assert.Contains("href=\"/download/reports/2026-11/cfo.md\"", page.Markup);
    }

    [Fact]
    public void SaysSoForAnUnknownReport()
    {
        var page = Render<ReportPreview>(p => p.Add(x => x.PeriodText, "2026-11").Add(x => x.RoleId, "cmo-typo"));

        page.WaitForAssertion(() => Assert.Contains("No report 'cmo-typo' for '2026-11'.", page.Markup));
    }

    [Fact]
    public async Task OpensAFigureToShowHowItWasComputedDownToItsInputs()
    {
        var set = await _samples.Services.GetRequiredService<ReportService>().GetAsync(SampleReports.November);
        var burn = set.Metrics.Get(CfoMetricIds.NetBurnAverage);
        Render<MudBlazor.MudPopoverProvider>();

        var list = Render<MetricList>(p => p.Add(x => x.Metrics, [burn]));
        list.Find("[data-metric='cfo.burn.net.avg3'] .metric-toggle").Click();

        var derivation = list.WaitForElement(".metric-derivation");
        Assert.Equal(burn.Formula, derivation.QuerySelector(".metric-formula")!.TextContent);
        var rows = derivation.QuerySelectorAll(".metric-inputs tbody tr");
        Assert.Equal(burn.Inputs.Count, rows.Length);
        Assert.Contains(rows, r => r.TextContent.Contains("kpi:jada", StringComparison.Ordinal) && r.TextContent.Contains("2026-11", StringComparison.Ordinal));
        Assert.Equal("true", list.Find(".metric-toggle").GetAttribute("aria-expanded"));

        list.Find(".metric-toggle").Click();
        Assert.Empty(list.FindAll(".metric-derivation"));
        Assert.Equal("false", list.Find(".metric-toggle").GetAttribute("aria-expanded"));
    }

    private static string Normalize(string html) => string.Concat(html.Where(c => !char.IsWhiteSpace(c)));
}
