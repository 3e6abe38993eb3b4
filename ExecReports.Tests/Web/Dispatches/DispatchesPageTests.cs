using Bunit;
using ExecReports.Core.Data;
using ExecReports.Core.Dispatch;
using ExecReports.Core.Reports;
using ExecReports.Tests.Support;
using ExecReports.Web.Components.Pages.Dispatches;
using ExecReports.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace ExecReports.Tests.Web.Dispatches;

// Resend mails a stored report again: it asks first, says to whom, and Cancel sends nothing.
public class DispatchesPageTests : MudTestBase
{
    [Fact]
    public async Task ResendAsksFirstCancelSendsNothingAndConfirmSendsThatReportAgain()
    {
        using var samples = new SampleReports();
        Services.AddSingleton(samples.Services.GetRequiredService<ReportService>());
        Services.AddSingleton(samples.Services.GetRequiredService<TimeProvider>());
        Services.AddFallbackServiceProvider(samples.Services);
        await TestAccount.SignInAsync(this, Roles.Editor);
        var first = await samples.Services.GetRequiredService<DispatchService>().DispatchAsync(SampleReports.November, DispatchTrigger.Manual, "editor@example.com", roles: ["cfo"]);
        var item = Assert.Single(first.Items);
        var dialogs = Render<MudDialogProvider>();
        var page = Render<DispatchesPage>();

        page.WaitForElement($"#resend-item-{item.ItemId}").Click();
        var text = dialogs.WaitForElement("#resend-text").TextContent.Trim();
        Assert.StartsWith("\u201cCFO report — 2026-11\u201d go out again exactly as stored on Tue 1 Dec 2026, 00:00 UTC, to 2 recipients: ", text);
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("#resend-confirm")));
        Assert.Equal(1, await SentAsync(samples));

        page.Find($"#resend-item-{item.ItemId}").Click();
        dialogs.WaitForElement("#resend-confirm").Click();

        page.WaitForAssertion(() => Assert.Contains("Resend batch 2: 1 sent.", page.Markup), TimeSpan.FromSeconds(30));
        Assert.Equal(2, await SentAsync(samples));
    }

    private static async Task<int> SentAsync(SampleReports samples)
    {
        await using var scope = samples.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().DispatchItems.CountAsync(i => i.Status == ItemStatus.Sent);
    }
}
