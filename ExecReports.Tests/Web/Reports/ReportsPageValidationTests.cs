using Bunit;
using ExecReports.Core.Reports;
using ExecReports.Core.Validation;
using ExecReports.Tests.Support;
using ExecReports.Web.Components.Pages.Reports;
using ExecReports.Web.Identity;
using ExecReports.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Tests.Web.Reports;

// The real pipeline (sample handoffs, KPIs, catalog → reports → validation gate) behind the pages.
public class ReportsPageValidationTests : MudTestBase
{
    [Fact]
    public async Task DisablesSendAndSaysWhyWhileTheSetHasAnError()
    {
        using var samples = new SampleReports();
        PlantedNameError.Write(samples.HandoffsFolder);
        await UseServicesOfAsync(samples, Roles.Admin);

        var page = Render<ReportsPage>(p => p.Add(x => x.PeriodText, "2026-11"));

        page.WaitForElement(".validation-panel");
        Assert.True(page.Find("#send-button").HasAttribute("disabled"));
        Assert.Equal("2 validation errors: fix them before sending", page.Find("#send-blocked-reason").TextContent.Trim());
        Assert.Equal("2 validation errors: fix them before sending", page.Find("#send-button").GetAttribute("title"));
        Assert.Equal(PlantedNameError.Errors.ToString(System.Globalization.CultureInfo.InvariantCulture), page.Find(".validation-panel").GetAttribute("data-errors"));
        var errors = page.FindAll(".validation-finding[data-severity='error']");
        Assert.Equal(["ceo-report.md", "cto-report.md"], errors.Select(e => e.Closest(".validation-group")!.GetAttribute("data-report")!));
        Assert.All(errors, e => Assert.Contains(PlantedNameError.Domain, e.TextContent));
        Assert.All(errors, e => Assert.Matches(@"^/reports/2026-11/(ceo|cto)\?line=\d+$", e.QuerySelector(".finding-line")!.GetAttribute("href")));
        Assert.Equal("1", page.Find(".report-card[data-role='cto'] .report-card-validation").GetAttribute("data-errors"));
        Assert.Equal("0", page.Find(".report-card[data-role='cfo'] .report-card-validation").GetAttribute("data-errors"));
    }

    [Fact]
    public async Task EnablesSendForTheShippedSamples()
    {
        using var samples = new SampleReports();
        await UseServicesOfAsync(samples, Roles.Editor);

        var page = Render<ReportsPage>(p => p.Add(x => x.PeriodText, "2026-11"));

        page.WaitForElement(".validation-panel");
        Assert.Equal("0", page.Find(".validation-panel").GetAttribute("data-errors"));
        Assert.False(page.Find("#send-button").HasAttribute("disabled"));
        Assert.Empty(page.FindAll("#send-blocked-reason"));
    }

    [Fact]
    public async Task APreviewListsOnlyItsReportsFindingsAndALineLinkShowsThatLineInTheMarkdown()
    {
        using var samples = new SampleReports();
        PlantedNameError.Write(samples.HandoffsFolder);
        await UseServicesOfAsync(samples, Roles.Viewer);
        var cto = (await samples.Services.GetRequiredService<ReportService>().GetAsync(SampleReports.November)).For(ReportRole.Cto)!;

        var page = Render<ReportPreview>(p => p.Add(x => x.PeriodText, "2026-11").Add(x => x.RoleId, "cto"));

        var finding = page.WaitForElement(".validation-finding[data-severity='error']");
        Assert.Equal(["cto-report.md"], page.FindAll(".validation-group").Select(g => g.GetAttribute("data-report")!));
        var link = finding.QuerySelector(".finding-line")!;
        var line = int.Parse(link.GetAttribute("data-line")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"#line-{line}", link.GetAttribute("href"));
        Assert.Empty(page.FindAll(".line-highlight"));

        link.Click();

        var shown = page.WaitForElement(".line-highlight");
        Assert.Equal($"line-{line}", shown.Id);
        Assert.Contains("line-error", shown.ClassList);
        Assert.Contains(PlantedNameError.Domain, shown.TextContent);
        Assert.Equal(cto.Rendered.Markdown.Split('\n')[line - 1], shown.QuerySelector(".line-text")!.TextContent);
        Assert.Equal("Markdown", page.Find(".mud-tab.mud-tab-active").TextContent.Trim());
    }

    [Fact]
    public async Task APreviewOpenedAtALineShowsTheMarkdownTabWithThatLineHighlighted()
    {
        using var samples = new SampleReports();
        await UseServicesOfAsync(samples, Roles.Viewer);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/reports/2026-11/cfo?line=3");

        var page = Render<ReportPreview>(p => p.Add(x => x.PeriodText, "2026-11").Add(x => x.RoleId, "cfo"));

        Assert.Equal("line-3", page.WaitForElement(".line-highlight").Id);
        Assert.Equal("Markdown", page.Find(".mud-tab.mud-tab-active").TextContent.Trim());
    }

    [Fact]
    public async Task MissingInputChipsNameWhatIsMissing()
    {
        using var samples = new SampleReports();
        await UseServicesOfAsync(samples, Roles.Viewer);
        // The samples hold no December KPIs, so December's CFO report is missing inputs.
        var december = new ExecReports.Core.Primitives.Period(2026, 12);
        var cfo = (await samples.GenerateAsync(december)).For(ReportRole.Cfo)!;
        var missing = cfo.Sections.SelectMany(s => s.MissingInputs).Distinct().ToList();
        Assert.NotEmpty(missing);

        var page = Render<ReportsPage>(p => p.Add(x => x.PeriodText, "2026-12"));

        page.WaitForElement(".report-card[data-role='cfo']");
        var chips = page.FindAll(".report-card[data-role='cfo'] .missing-input").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(missing.Take(3).Select(m => $"Missing: {m}"), chips);
        Assert.Equal(missing.Count > 3, page.FindAll(".report-card[data-role='cfo'] .missing-more").Count == 1);
    }

    [Fact]
    public async Task AContentsEntryScrollsTheEmailBodyToItsHeading()
    {
        using var samples = new SampleReports();
        await UseServicesOfAsync(samples, Roles.Viewer);
        var cfo = (await samples.Services.GetRequiredService<ReportService>().GetAsync(SampleReports.November)).For(ReportRole.Cfo)!;
        var second = cfo.Sections[1];

        var page = Render<ReportPreview>(p => p.Add(x => x.PeriodText, "2026-11").Add(x => x.RoleId, "cfo"));
        page.WaitForElement("#report-contents");
        Assert.Equal(cfo.Sections.Count, page.FindAll("#report-contents [data-section]").Count);

        page.Find($"#report-contents [data-section='{second.Id}']").Click();

        var call = Assert.Single(JSInterop.Invocations, i => i.Identifier == "execReports.scrollToHeading");
        Assert.Equal(["report-html", second.Heading], call.Arguments.Select(a => a?.ToString()));
    }

    private async Task UseServicesOfAsync(SampleReports samples, string role)
    {
        var reports = samples.Services.GetRequiredService<ReportService>();
        Services.AddSingleton(reports);
        Services.AddSingleton(samples.Services.GetRequiredService<TimeProvider>());
        Services.AddSingleton(new ReportValidation(reports, samples.Services.GetRequiredService<ValidationGate>()));
        Services.AddSingleton(ActivatorUtilities.CreateInstance<ExecReports.Web.Services.FeedbackAccess>(samples.Services));
        Services.AddFallbackServiceProvider(samples.Services);
        await TestAccount.SignInAsync(this, role);
    }
}
