using Bunit;
using ExecReports.Core.Dispatch;
using ExecReports.Core.Reports;
using ExecReports.Core.Validation;
using ExecReports.Tests.Support;
using ExecReports.Web.Components.Pages.Reports;
using ExecReports.Web.Identity;
using ExecReports.Web.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Tests.Web.Reports;

// Report cards and the preview say whether each report was sent, to whom and when, or how it changed since.
public class SentStateTests : MudTestBase
{
    [Fact]
    public async Task EveryCardSaysNotSentBeforeTheFirstSend()
    {
        using var samples = new SampleReports();
        await UseServicesOfAsync(samples, Roles.Viewer);

        var page = Render<ReportsPage>(p => p.Add(x => x.PeriodText, "2026-11"));

        page.WaitForAssertion(() => Assert.Equal(8, page.FindAll(".report-card .sent-state").Count));
        Assert.All(page.FindAll(".report-card .sent-state"), chip =>
        {
            Assert.Equal("notsent", chip.GetAttribute("data-state"));
            Assert.Equal("Not sent", chip.TextContent.Trim());
        });
    }

    [Fact]
    public async Task AfterASendAndAnEditThatMovesCfoFiguresOnlyTheCfoCardSaysChangedSinceSent()
    {
        using var samples = new SampleReports();
        await UseServicesOfAsync(samples, Roles.Viewer);
        var dispatch = samples.Services.GetRequiredService<DispatchService>();
        await dispatch.DispatchAsync(SampleReports.November, DispatchTrigger.Manual, "editor@example.com");
        var ceoTo = (await dispatch.PlanAsync(SampleReports.November, roles: ["ceo"])).Items.Single().To;
        await KpiEdits.RaiseBurnCeilingAsync(samples.Services, SampleReports.November, 500, "editor@example.com");

        var page = Render<ReportsPage>(p => p.Add(x => x.PeriodText, "2026-11"));

        page.WaitForAssertion(() => Assert.Equal(8, page.FindAll(".report-card .sent-state").Count));
        var cfo = page.Find(".report-card[data-role='cfo'] .sent-state");
        Assert.Equal("changed", cfo.GetAttribute("data-state"));
        // jada's burn budget line, for the month and year to date: the budget and the variance against it, 2 × 2 figures.
        Assert.Equal("Changed since sent: 4 figures moved", cfo.TextContent.Trim());
        var ceo = page.Find(".report-card[data-role='ceo'] .sent-state");
        Assert.Equal("sent", ceo.GetAttribute("data-state"));
        // SampleReports' clock stands at 1 Dec 2026, 00:00 UTC.
        Assert.Equal($"Sent 1 Dec 00:00 to {string.Join(", ", ceoTo)}", ceo.TextContent.Trim());
        Assert.Equal(7, page.FindAll(".report-card .sent-state[data-state='sent']").Count);
    }

    [Fact]
    public async Task ThePreviewShowsItsReportsSentStateAndUpdatesItAfterASendFromItsDialog()
    {
        using var samples = new SampleReports();
        await UseServicesOfAsync(samples, Roles.Editor);
        var dialogs = Render<MudBlazor.MudDialogProvider>();

        var page = Render<ReportPreview>(p => p.Add(x => x.PeriodText, "2026-11").Add(x => x.RoleId, "cfo"));

        page.WaitForAssertion(() => Assert.Equal("Not sent", page.Find(".sent-state").TextContent.Trim()));
        page.Find("#send-button-cfo").Click();
        dialogs.WaitForAssertion(() => Assert.False(dialogs.Find("#send-confirm").HasAttribute("disabled")));
        Assert.Equal("Send 1", dialogs.Find("#send-confirm").TextContent.Trim());
        dialogs.Find("#send-confirm").Click();
        page.WaitForAssertion(() => Assert.Equal("sent", page.Find(".sent-state").GetAttribute("data-state")), TimeSpan.FromSeconds(30));
        Assert.StartsWith("Sent 1 Dec 00:00 to ", page.Find(".sent-state").TextContent.Trim());
        await using var scope = samples.Services.CreateAsyncScope();
        var sent = await scope.ServiceProvider.GetRequiredService<ExecReports.Core.Data.AppDbContext>().DispatchItems.Where(i => i.Status == ItemStatus.Sent).Select(i => i.Role).ToListAsync();
        Assert.Equal(["cfo"], sent);
    }

    private async Task UseServicesOfAsync(SampleReports samples, string role)
    {
        var reports = samples.Services.GetRequiredService<ReportService>();
        Services.AddSingleton(reports);
        Services.AddSingleton(samples.Services.GetRequiredService<TimeProvider>());
        Services.AddSingleton(new ReportValidation(reports, samples.Services.GetRequiredService<ValidationGate>()));
        // The preview's annotation panel (issue 18) asks for the feedback service the web app registers.
        Services.AddSingleton(ActivatorUtilities.CreateInstance<ExecReports.Web.Services.FeedbackAccess>(samples.Services));
        Services.AddFallbackServiceProvider(samples.Services);
        await TestAccount.SignInAsync(this, role);
    }
}
