using ExecReports.Core.Alerts;
using ExecReports.Core.Close;
using ExecReports.Core.Data;
using ExecReports.Core.Dispatch;
using ExecReports.Core.Primitives;
using ExecReports.Core.Schedule;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Tests.Core.Schedule;

// The scheduled run for a month whose inputs are not final waits, alerts once, re-checks, and sends when ready.
public sealed class HoldAndReleaseTests
{
    private static readonly DateTimeOffset Installed = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset December1 = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Period November = new(2026, 11);

    [Fact]
    public async Task AMonthNotClosedIsHeldAlertedOnceRecheckedHourlyAndSentOnceClosed()
    {
        await using var host = await ScheduleTestHost.StartAsync(Installed);
        var close = host.Services.GetRequiredService<MonthCloseService>();
        await close.ReopenAsync("jada", November);
        await close.ReopenAsync("quickdumpnow", November);
        host.SetNow(December1);

        var held = await host.With<ScheduleRunner, ScheduleRun?>(r => r.RunScheduledAsync(December1));
        var tooSoon = await host.With<ScheduleRunner, IReadOnlyList<ScheduleRun>>(r => r.RecheckHeldAsync());
        host.SetNow(December1.AddMinutes(60));
        var stillHeld = await host.With<ScheduleRunner, IReadOnlyList<ScheduleRun>>(r => r.RecheckHeldAsync());
        await close.CloseAsync("jada", November, "editor@example.com");
        await close.CloseAsync("quickdumpnow", November, "editor@example.com");
        host.SetNow(December1.AddMinutes(120));
        var sent = await host.With<ScheduleRunner, IReadOnlyList<ScheduleRun>>(r => r.RecheckHeldAsync());
        host.SetNow(December1.AddMinutes(180));
        var afterwards = await host.With<ScheduleRunner, IReadOnlyList<ScheduleRun>>(r => r.RecheckHeldAsync());

        Assert.Equal(RunOutcome.Held, held!.Outcome);
        Assert.Contains("November 2026: 2 of 7 entities not closed (jada: open, quickdumpnow: open)", held.Detail);
        Assert.Empty(tooSoon);
        Assert.Equal(RunOutcome.Held, Assert.Single(stillHeld).Outcome);
        var done = Assert.Single(sent);
        Assert.Equal((RunOutcome.Sent, RunTrigger.Schedule, December1), (done.Outcome, done.Trigger, done.ScheduledFor));
        Assert.Equal("2026-11: batch 1: 8 sent", done.Detail);
        Assert.Empty(afterwards);
        var alert = Assert.Single(await host.With<AlertService, IReadOnlyList<Alert>>(a => a.OpenAsync()));
        Assert.Equal("November 2026: 2 of 7 entities not closed", alert.Message);
        Assert.Equal(8, await host.With<AppDbContext, int>(db => db.DispatchItems.CountAsync(i => i.Status == ItemStatus.Sent)));
    }

    [Fact]
    public async Task AnAdminReleaseSendsAHeldMonthAndIsRecorded()
    {
        await using var host = await ScheduleTestHost.StartAsync(Installed);
        await host.Services.GetRequiredService<MonthCloseService>().ReopenAsync("jada", November);
        host.SetNow(December1);

        var held = await host.With<ScheduleRunner, ScheduleRun>(r => r.RunNowAsync(November, "editor@example.com"));
        var released = await host.With<ScheduleRunner, ScheduleRun>(r => r.ReleaseAsync(November, "admin@example.com"));

        Assert.Equal(RunOutcome.Held, held.Outcome);
        Assert.Equal((RunOutcome.Sent, "admin@example.com"), (released.Outcome, released.StartedBy));
        var release = Assert.Single(await host.With<AppDbContext, List<PeriodSignoff>>(db => db.PeriodSignoffs.ToListAsync()));
        Assert.Equal((SignoffKind.Released, "admin@example.com", "2026-11"), (release.Kind, release.By, release.Period));
        Assert.Equal(8, await host.With<AppDbContext, int>(db => db.DispatchItems.CountAsync(i => i.Status == ItemStatus.Sent)));
    }

    [Fact]
    public async Task ARunThatFindsEveryReportUnchangedSaysNothingWasSent()
    {
        await using var host = await ScheduleTestHost.StartAsync(Installed);
        host.SetNow(December1);
        await host.With<DispatchService, BatchResult>(d => d.DispatchAsync(November, DispatchTrigger.Cli, "ops"));

        var run = await host.With<ScheduleRunner, ScheduleRun>(r => r.RunNowAsync(November, "editor@example.com"));

        Assert.Equal(RunOutcome.Unchanged, run.Outcome);
        Assert.Equal("2026-11: batch 2: nothing sent: 8 unchanged", run.Detail);
    }
}
