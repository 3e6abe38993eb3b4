using Bunit;
using ExecReports.Core.Data;
using ExecReports.Core.Dispatch;
using ExecReports.Core.Reports;
using ExecReports.Tests.Support;
using ExecReports.Web.Components.Pages.Reports;
using ExecReports.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace ExecReports.Tests.Web.Reports;

// The Send dialog ticks the unsent and the changed reports, says "unchanged, skip" for the rest, and sends only what is ticked.
public class SendDialogTests : MudTestBase
{
    [Fact]
    public async Task AfterAKpiEditOnlyTheChangedReportIsTickedAndOnlyItIsSent()
    {
        using var samples = new SampleReports();
        await UseServicesOfAsync(samples);
        var dispatch = samples.Services.GetRequiredService<DispatchService>();
        await dispatch.DispatchAsync(SampleReports.November, DispatchTrigger.Manual, "editor@example.com");
        await KpiEdits.RaiseBurnCeilingAsync(samples.Services, SampleReports.November, 500, "editor@example.com");
        var dialogs = Render<MudDialogProvider>();
        var button = Render<SendDialog>(p => p.Add(x => x.Period, "2026-11"));

        button.Find("#send-button").Click();

        dialogs.WaitForAssertion(() => Assert.Equal(8, dialogs.FindAll("#send-items tr[data-role]").Count));
        var ticked = dialogs.FindAll("#send-items tr[data-role]").Where(r => r.QuerySelector("input[type=checkbox]")!.HasAttribute("checked")).Select(r => r.GetAttribute("data-role")).ToList();
        Assert.Equal(["cfo"], ticked);
        Assert.Equal("send: changed since sent in batch 1", dialogs.Find("#send-items tr[data-role='cfo'] td:nth-child(5)").TextContent.Trim());
        Assert.Equal("unchanged, skip (sent in batch 1)", dialogs.Find("#send-items tr[data-role='ceo'] td:nth-child(5)").TextContent.Trim());
        Assert.Equal("Send 1", dialogs.Find("#send-confirm").TextContent.Trim());

        dialogs.Find("#send-confirm").Click();

        dialogs.WaitForAssertion(() => Assert.Equal("Batch 2: 1 sent.", dialogs.Find("#send-result").TextContent.Trim()), TimeSpan.FromSeconds(30));
        await using var scope = samples.Services.CreateAsyncScope();
        var second = await scope.ServiceProvider.GetRequiredService<AppDbContext>().DispatchItems.Where(i => i.BatchId == 2 && i.Status == ItemStatus.Sent).Select(i => i.Role).ToListAsync();
        Assert.Equal(["cfo"], second);
    }

    [Fact]
    public async Task UntickingEveryReportLeavesNothingToSend()
    {
        using var samples = new SampleReports();
        await UseServicesOfAsync(samples);
        var dialogs = Render<MudDialogProvider>();
        var button = Render<SendDialog>(p => p.Add(x => x.Period, "2026-11").Add(x => x.Role, "cfo"));

        button.Find("#send-button-cfo").Click();
        dialogs.WaitForElement("#send-items tr[data-role='cfo']", TimeSpan.FromSeconds(30));
        Assert.Equal("send: not sent yet", dialogs.Find("#send-items tr[data-role='cfo'] td:nth-child(5)").TextContent.Trim());
        dialogs.Find("#send-items tr[data-role='cfo'] input[type=checkbox]").Change(false);

        dialogs.WaitForAssertion(() => Assert.Equal("Nothing ticked", dialogs.Find("#send-confirm").TextContent.Trim()));
        Assert.True(dialogs.Find("#send-confirm").HasAttribute("disabled"));
    }

    private async Task UseServicesOfAsync(SampleReports samples)
    {
        Services.AddSingleton(samples.Services.GetRequiredService<ReportService>());
        Services.AddSingleton(samples.Services.GetRequiredService<TimeProvider>());
        Services.AddFallbackServiceProvider(samples.Services);
        await TestAccount.SignInAsync(this, Roles.Editor);
    }
}
