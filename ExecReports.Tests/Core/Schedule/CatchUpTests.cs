using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Core.Schedule;

namespace ExecReports.Tests.Core.Schedule;

public class CatchUpTests
{
    private static readonly DateTimeOffset Installed = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset December1 = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AFireTimeMissedWhileTheAppWasDownRunsOnceAtTheNextStart()
    {
        await using var host = await ScheduleTestHost.StartAsync(Installed);
        host.SetNow(December1.AddHours(5));

        var first = await host.With<ScheduleRunner, ScheduleRun?>(r => r.CatchUpAsync());
        var second = await host.With<ScheduleRunner, ScheduleRun?>(r => r.CatchUpAsync());

        Assert.NotNull(first);
        Assert.Null(second);
        var run = Assert.Single(await host.RunsAsync());
        Assert.Equal("2026-11", run.Period);
        Assert.Equal(RunTrigger.Schedule, run.Trigger);
        Assert.Equal(December1, run.ScheduledFor);
        Assert.NotNull(run.FinishedAt);
        Assert.NotEqual(RunOutcome.Running, run.Outcome);
    }

    [Fact]
    public async Task OnlyTheLatestOfSeveralMissedFireTimesRuns()
    {
        await using var host = await ScheduleTestHost.StartAsync(Installed);
        host.SetNow(new DateTimeOffset(2027, 2, 15, 0, 0, 0, TimeSpan.Zero));

        await host.With<ScheduleRunner, ScheduleRun?>(r => r.CatchUpAsync());

        var run = Assert.Single(await host.RunsAsync());
        Assert.Equal("2027-01", run.Period);
        Assert.Equal(new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.Zero), run.ScheduledFor);
    }

    [Fact]
    public async Task AFireTimeBeforeTheScheduleExistedIsNotOwed()
    {
        await using var host = await ScheduleTestHost.StartAsync(December1.AddHours(5));

        Assert.Null(await host.With<ScheduleRunner, ScheduleRun?>(r => r.CatchUpAsync()));
        Assert.Empty(await host.RunsAsync());
    }

    [Fact]
    public async Task NothingIsCaughtUpWhileThePauseIsOn()
    {
        await using var host = await ScheduleTestHost.StartAsync(Installed);
        await host.With<ScheduleHistory, bool>(async h => { await h.SetPausedAsync(true, "editor@example.com"); return true; });
        host.SetNow(December1.AddHours(5));

        Assert.Null(await host.With<ScheduleRunner, ScheduleRun?>(r => r.CatchUpAsync()));
        Assert.Empty(await host.RunsAsync());
    }

    [Fact]
    public async Task APeriodThatWasAlreadySentIsNotRunASecondTime()
    {
        await using var host = await ScheduleTestHost.StartAsync(Installed);
        host.SetNow(December1.AddMinutes(-30));
        await host.With<ScheduleHistory, bool>(async h =>
        {
            var manual = await h.StartAsync(Period.Parse("2026-11"), RunTrigger.Manual, null, "editor@example.com");
            await h.FinishAsync(manual, RunOutcome.Sent, "sent 8 reports");
            return true;
        });
        host.SetNow(December1);

        var scheduled = await host.With<ScheduleRunner, ScheduleRun?>(r => r.RunScheduledAsync(December1));

        Assert.Equal(RunOutcome.Skipped, scheduled!.Outcome);
        Assert.Contains("2026-11 was already sent", scheduled.Detail, StringComparison.Ordinal);
    }
}
