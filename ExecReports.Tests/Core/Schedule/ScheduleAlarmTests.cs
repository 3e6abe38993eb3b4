using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Core.Schedule;

namespace ExecReports.Tests.Core.Schedule;

public class ScheduleAlarmTests
{
    private static readonly DateTimeOffset Installed = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset December1 = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Period November = Period.Parse("2026-11");
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(60);

    private static ScheduleRun Run(RunOutcome outcome, DateTimeOffset started) => new()
    {
        Id = 7, Period = "2026-11", Trigger = RunTrigger.Schedule, ScheduledFor = December1, StartedAt = started,
        Outcome = outcome, StartedBy = ScheduleRunner.ScheduleUser, FinishedAt = outcome == RunOutcome.Running ? null : started.AddMinutes(2),
    };

    [Fact]
    public void StaysQuietDuringTheGracePeriod() =>
        Assert.Null(ScheduleAlarm.Evaluate(December1.AddMinutes(59), December1, November, Grace, []));

    [Fact]
    public void AnExpectedRunThatDidNotHappenIsMissed()
    {
        var alarm = ScheduleAlarm.Evaluate(December1.AddMinutes(60), December1, November, Grace, []);

        Assert.Equal(AlarmKind.Missed, alarm!.Kind);
        Assert.Contains("The 2026-11 run expected at 2026-12-01 00:00 UTC did not happen", alarm.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARunStillGoingAfterTheGracePeriodIsUnfinished()
    {
        var running = Run(RunOutcome.Running, December1);

        Assert.Null(ScheduleAlarm.Evaluate(December1.AddMinutes(59), December1, November, Grace, [running]));
        Assert.Equal(AlarmKind.Unfinished, ScheduleAlarm.Evaluate(December1.AddMinutes(61), December1, November, Grace, [running])!.Kind);
    }

    [Fact]
    public void AFailedRunAlarmsAndASentOneDoesNot()
    {
        Assert.Equal(AlarmKind.Failed, ScheduleAlarm.Evaluate(December1.AddHours(2), December1, November, Grace, [Run(RunOutcome.Failed, December1)])!.Kind);
        Assert.Null(ScheduleAlarm.Evaluate(December1.AddHours(2), December1, November, Grace, [Run(RunOutcome.Sent, December1)]));
        Assert.Null(ScheduleAlarm.Evaluate(December1.AddHours(2), December1, November, Grace, [Run(RunOutcome.Failed, December1), Run(RunOutcome.Sent, December1.AddHours(1))]));
    }

    [Fact]
    public async Task AMissedRunIsMailedOnceAndStaysOnTheBanner()
    {
        await using var host = await ScheduleTestHost.StartAsync(Installed);
        host.SetNow(December1.AddMinutes(30));
        Assert.Null(await host.With<ScheduleAlarm, Alarm?>(a => a.CheckAndNotifyAsync()));

        host.SetNow(December1.AddMinutes(61));
        var first = await host.With<ScheduleAlarm, Alarm?>(a => a.CheckAndNotifyAsync());
        var second = await host.With<ScheduleAlarm, Alarm?>(a => a.CheckAndNotifyAsync());

        Assert.Equal(AlarmKind.Missed, first!.Kind);
        Assert.Equal(first, second);
        Assert.Equal(1, host.OutboxCount);
    }

    [Fact]
    public async Task NoAlarmForAFireTimeBeforeTheScheduleExisted()
    {
        await using var host = await ScheduleTestHost.StartAsync(December1.AddHours(3));

        Assert.Null(await host.With<ScheduleAlarm, Alarm?>(a => a.CheckAsync()));
    }
}
