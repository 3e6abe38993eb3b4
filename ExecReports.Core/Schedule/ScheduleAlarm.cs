using System.Globalization;
using ExecReports.Core.Alerts;
using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;

namespace ExecReports.Core.Schedule;

public enum AlarmKind { Missed, Unfinished, Failed }

public sealed record Alarm(AlarmKind Kind, DateTimeOffset ExpectedAt, Period Period, string Message)
{
    public string Key => $"{ExpectedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}/{Kind}";
}

// An expected run that did not happen, did not finish, or failed, once the grace period after its fire time is over.
public sealed class ScheduleAlarm(ScheduleCalculator calculator, ScheduleHistory history, AlertService alerts)
{
    public async Task<Alarm?> CheckAsync(CancellationToken cancellationToken = default)
    {
        var state = await history.StateAsync(cancellationToken);
        if (!calculator.Options.Enabled || state.Paused || calculator.LastFireTimeAtOrBefore(calculator.Now) is not { } expected || expected < state.Since)
        {
            return null;
        }

        var period = calculator.PeriodFor(expected);
        return Evaluate(calculator.Now, expected, period, TimeSpan.FromMinutes(calculator.Options.AlarmGraceMinutes),
            await history.ForPeriodAsync(period, cancellationToken));
    }

    // Mails each alarm once; the banner shows it for as long as it holds.
    public async Task<Alarm?> CheckAndNotifyAsync(CancellationToken cancellationToken = default)
    {
        var alarm = await CheckAsync(cancellationToken);
        if (alarm is not null && await history.TryMarkAlarmSentAsync(alarm.Key, alarm.Message, cancellationToken))
        {
            await alerts.RaiseAsync(new AlertNotice(AlertSource.Schedule, alarm.Period.ToString(), $"Alarm: {alarm.Period} run {alarm.Kind.ToString().ToLowerInvariant()}", alarm.Message), cancellationToken);
        }

        return alarm;
    }

    public static Alarm? Evaluate(DateTimeOffset now, DateTimeOffset expected, Period period, TimeSpan grace, IReadOnlyList<ScheduleRun> runsForPeriod)
    {
        var deadline = expected + grace;
        if (now < deadline)
        {
            return null;
        }

        var at = expected.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var runs = runsForPeriod.Where(r => r.StartedAt >= expected || r.ScheduledFor == expected).ToList();
        if (runsForPeriod.Any(r => r.Outcome is RunOutcome.Sent or RunOutcome.Unchanged or RunOutcome.Blocked or RunOutcome.Held))
        {
            return null;
        }

        if (runs.Count == 0)
        {
            return new Alarm(AlarmKind.Missed, expected, period,
                $"The {period} run expected at {at} did not happen (no run by {deadline.UtcDateTime.ToString("HH:mm 'UTC'", CultureInfo.InvariantCulture)}). Use \"Run now\" on the Schedule page.");
        }

        var latest = runs.OrderBy(r => r.StartedAt).ThenBy(r => r.Id).Last();
        if (latest.Outcome == RunOutcome.Running)
        {
            return now >= latest.StartedAt + grace
                ? new Alarm(AlarmKind.Unfinished, expected, period, $"The {period} run #{latest.Id} started at {latest.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)} has not finished.")
                : null;
        }

        return latest.Outcome == RunOutcome.Failed
            ? new Alarm(AlarmKind.Failed, expected, period, $"The {period} run #{latest.Id} expected at {at} failed: {latest.Detail}")
            : null;
    }
}
