using ExecReports.Core.Dashboard;
using ExecReports.Core.Dispatch;
using ExecReports.Core.Primitives;
using ExecReports.Core.Schedule;
using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Tests.Core.Schedule;

// The Dashboard's "Last run": a send from the dialog, the CLI and Run now all count, and each says what happened.
public sealed class LastRunTests
{
    private static readonly DateTimeOffset Installed = new(2026, 12, 1, 20, 25, 0, TimeSpan.Zero);
    private static readonly Period November = new(2026, 11);

    [Fact]
    public async Task BeforeAnythingRanThereIsNoLastRun()
    {
        await using var host = await ScheduleTestHost.StartAsync(Installed);

        Assert.Null(await host.With<ScheduleHistory, LastRun?>(h => h.LastAsync()));
    }

    [Fact]
    public async Task ASendFromTheDialogThenTheCliThenRunNowEachBecomeTheLastRun()
    {
        await using var host = await ScheduleTestHost.StartAsync(Installed);
        var dispatch = host.Services.GetRequiredService<DispatchService>();

        await dispatch.DispatchAsync(November, DispatchTrigger.Manual, "editor@example.com");
        var afterDialog = await host.With<ScheduleHistory, LastRun?>(h => h.LastAsync());
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await dispatch.DispatchAsync(November, DispatchTrigger.Cli, "ops (cli)");
        var afterCli = await host.With<ScheduleHistory, LastRun?>(h => h.LastAsync());
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await host.With<ScheduleRunner, ScheduleRun>(r => r.RunNowAsync(November, "admin@example.com"));
        var afterRunNow = await host.With<ScheduleHistory, LastRun?>(h => h.LastAsync());
        var dashboard = await host.With<DashboardService, DashboardModel>(d => d.BuildAsync(November));

        Assert.Equal(new LastRun("2026-11", RunOutcome.Sent, Installed, "Send dialog by editor@example.com", "batch 1: 8 sent"), afterDialog);
        Assert.Equal("sent", afterDialog!.OutcomeText);
        Assert.Equal(new LastRun("2026-11", RunOutcome.Unchanged, Installed.AddMinutes(5), "CLI send by ops (cli)", "batch 2: nothing sent: 8 unchanged"), afterCli);
        Assert.Equal("nothing sent", afterCli!.OutcomeText);
        // Run now's own batch (3) is part of the run: the run is the last run, not its batch.
        Assert.Equal(new LastRun("2026-11", RunOutcome.Unchanged, Installed.AddMinutes(10), "run now by admin@example.com", "2026-11: batch 3: nothing sent: 8 unchanged"), afterRunNow);
        Assert.Equal(afterRunNow, dashboard.LastRun);
    }

    [Fact]
    public async Task AResendAfterAScheduledRunIsTheLastRun()
    {
        await using var host = await ScheduleTestHost.StartAsync(Installed);
        var run = await host.With<ScheduleRunner, ScheduleRun>(r => r.RunNowAsync(November, "admin@example.com"));
        host.Clock.Advance(TimeSpan.FromMinutes(1));

        var resend = await host.Services.GetRequiredService<DispatchService>().ResendAsync(1, null, DispatchTrigger.Manual, "editor@example.com");
        var last = await host.With<ScheduleHistory, LastRun?>(h => h.LastAsync());

        Assert.Equal("2026-11: batch 1: 8 sent", run.Detail);
        Assert.Equal(new LastRun("2026-11", RunOutcome.Sent, Installed.AddMinutes(1), "resend by editor@example.com", $"batch {resend.BatchId}: 8 sent"), last);
    }
}
