using Bunit;
using ExecReports.Core.Close;
using ExecReports.Core.Reports;
using ExecReports.Tests.Support;
using ExecReports.Web.Components.Pages.Dashboard;
using ExecReports.Web.Identity;
using ExecReports.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ExecReports.Core.Dispatch;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace ExecReports.Tests.Web.Dashboard;

// The Dashboard's close checklist over the real services: sample months seeded closed, actions checked by role.
public class CloseChecklistTests : MudTestBase
{
    [Fact]
    public async Task ListsEveryEntityAndReopeningAndClosingOneIsRecordedWithWhoDidIt()
    {
        using var samples = new SampleReports();
        await UseServicesOfAsync(samples, Roles.Editor);

        var panel = Render<CloseChecklist>(p => p.Add(x => x.Period, SampleReports.November));
        panel.WaitForElement("#close-summary");
        Assert.Equal("November 2026: all 7 entities closed", panel.Find("#close-summary").TextContent.Trim());
        Assert.Equal(7, panel.FindAll(".close-entity[data-state='closed']").Count);
        Assert.All(panel.FindAll(".sent-status"), li => Assert.Equal("notsent", li.GetAttribute("data-state")));

        panel.Find("#reopen-jada").Click();
        panel.WaitForAssertion(() => Assert.Equal("November 2026: 1 of 7 entities not closed", panel.Find("#close-summary").TextContent.Trim()));
        Assert.Equal("open", panel.Find(".close-entity[data-entity='jada']").GetAttribute("data-state"));
        Assert.Empty(panel.FindAll("#release-button"));

        panel.Find("#close-jada").Click();
        panel.WaitForAssertion(() => Assert.Equal("closed", panel.Find(".close-entity[data-entity='jada']").GetAttribute("data-state")));
        var readiness = await samples.Services.GetRequiredService<MonthCloseService>().ReadinessAsync(SampleReports.November);
        Assert.Equal("editor@example.com", readiness.Entities.Single(e => e.EntityId == "jada").ClosedBy);
    }

    [Fact]
    public async Task AnAdminReleasesAMonthNotClosedOnlyAfterConfirmingAndItsReportsGoOut()
    {
        using var samples = new SampleReports();
        await UseServicesOfAsync(samples.Services, Roles.Admin);
        await samples.Services.GetRequiredService<MonthCloseService>().ReopenAsync("jada", SampleReports.November);
        var dialogs = Render<MudDialogProvider>();

        var panel = Render<CloseChecklist>(p => p.Add(x => x.Period, SampleReports.November));
        panel.WaitForElement("#release-button", TimeSpan.FromSeconds(30)).Click();

        dialogs.WaitForAssertion(() => Assert.Equal(
            "November 2026: 1 of 7 entities not closed (jada: open). Releasing sends the month's unsent and changed reports now, although not every entity is closed.",
            dialogs.Find("#confirm-text").TextContent.Trim()));
        Assert.Equal(0, await SentCountAsync(samples.Services));
        dialogs.Find("#confirm-button").Click();

        panel.WaitForAssertion(() => Assert.Equal("Released by admin@example.com: run #1 sent — 2026-11: batch 1: 8 sent", panel.Find("#close-message").TextContent.Trim()),
            TimeSpan.FromSeconds(30));
        Assert.Equal(8, await SentCountAsync(samples.Services));
        Assert.All(panel.FindAll(".sent-status"), li => Assert.Equal("sent", li.GetAttribute("data-state")));
        Assert.Empty(panel.FindAll("#release-button"));
    }

    [Fact]
    public async Task AnEditorSeesNoReleaseOrApproveButton()
    {
        await using var host = await CoreTestHost.StartAsync(SampleReports.Now, (b, _) => b.With("Dispatch:RequireApproval", "true"));
        await UseServicesOfAsync(host.Services, Roles.Editor);
        await host.Services.GetRequiredService<MonthCloseService>().ReopenAsync("jada", SampleReports.November);

        var panel = Render<CloseChecklist>(p => p.Add(x => x.Period, SampleReports.November));

        panel.WaitForElement("#approval-status", TimeSpan.FromSeconds(30));
        Assert.Equal("Not approved in its current content", panel.Find("#approval-status").TextContent.Trim());
        Assert.Empty(panel.FindAll("#release-button"));
        Assert.Empty(panel.FindAll("#approve-button"));
    }

    [Fact]
    public async Task WithFourEyesTheAdminWhoLastEditedIsRefusedAndApprovesOnceSomeoneElseEdited()
    {
        await using var host = await CoreTestHost.StartAsync(SampleReports.Now, (b, _) => b.With("Dispatch:RequireApproval", "true").With("Dispatch:FourEyes", "true"));
        await UseServicesOfAsync(host.Services, Roles.Admin);
        await KpiEdits.RaiseBurnCeilingAsync(host.Services, SampleReports.November, 100, "admin@example.com");
        var dialogs = Render<MudDialogProvider>();
        var panel = Render<CloseChecklist>(p => p.Add(x => x.Period, SampleReports.November));

        panel.WaitForElement("#approve-button", TimeSpan.FromSeconds(30)).Click();
        dialogs.WaitForElement("#confirm-button").Click();

        panel.WaitForAssertion(() => Assert.Contains("admin@example.com last edited the 2026-11 inputs", panel.Find("#close-message").TextContent));
        Assert.Contains("mud-alert-text-error", panel.Find("#close-message").ClassList);
        Assert.Equal("Not approved in its current content", panel.Find("#approval-status").TextContent.Trim());

        await KpiEdits.RaiseBurnCeilingAsync(host.Services, SampleReports.November, 100, "editor@example.com");
        panel.Find("#approve-button").Click();
        dialogs.WaitForElement("#confirm-button").Click();

        panel.WaitForAssertion(() => Assert.Equal("2026-11 approved.", panel.Find("#close-message").TextContent.Trim()));
        Assert.Equal("Approved by admin@example.com, Tue 1 Dec 2026, 00:00 UTC", panel.Find("#approval-status").TextContent.Trim());
        Assert.Empty(panel.FindAll("#approve-button"));
        var sent = await host.Services.GetRequiredService<DispatchService>()
            .DispatchAsync(SampleReports.November, DispatchTrigger.Manual, "editor@example.com");
        Assert.Equal("8 sent", sent.Outcome);
    }

    private static async Task<int> SentCountAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().DispatchItems.CountAsync(i => i.Status == ItemStatus.Sent);
    }

    private Task UseServicesOfAsync(SampleReports samples, string role) => UseServicesOfAsync(samples.Services, role);

    private async Task UseServicesOfAsync(IServiceProvider services, string role)
    {
        Services.AddSingleton(services.GetRequiredService<ReportService>());
        Services.AddSingleton(services.GetRequiredService<TimeProvider>());
        // MudBlazor's AddOptions gives the test container its own IOptions<>: the host's configured options must win.
        Services.AddSingleton(services.GetRequiredService<IOptions<DispatchOptions>>());
        // Release runs the schedule's chain in a scope of its own; scopes of the test container do not reach the
        // fallback provider, so the runner comes from a host scope the host disposes with itself.
        Services.AddScoped(_ => services.CreateScope().ServiceProvider.GetRequiredService<ExecReports.Core.Schedule.ScheduleRunner>());
        Services.AddFallbackServiceProvider(services);
        await TestAccount.SignInAsync(this, role);
    }
}
