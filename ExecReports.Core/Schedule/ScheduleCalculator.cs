using System.Diagnostics.CodeAnalysis;
using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using Microsoft.Extensions.Options;
using Quartz;

namespace ExecReports.Core.Schedule;

// Fire times of the configured schedule for a given clock; the CLI, the schedule page, the Quartz trigger and the alarm
// all read them from here so they cannot disagree.
public sealed class ScheduleCalculator
{
    private readonly CronExpression _cron;
    private readonly TimeProvider _clock;

    public ScheduleCalculator(IOptions<ScheduleOptions> options, TimeProvider clock)
    {
        var o = options.Value;
        QuartzExpression = EventBridgeCron.ToQuartz(o.Cron);
        TimeZone = TryFindTimeZone(o.TimeZone, out var zone)
            ? zone
            : throw new CronFormatException($"Schedule:TimeZone '{o.TimeZone}' is not a known time zone id");
        _cron = new CronExpression(QuartzExpression, TimeZone);
        _clock = clock;
        Options = o;
    }

    public ScheduleOptions Options { get; }

    public string QuartzExpression { get; }

    public TimeZoneInfo TimeZone { get; }

    public DateTimeOffset Now => _clock.GetUtcNow();

    public IReadOnlyList<DateTimeOffset> NextFireTimes(int count, DateTimeOffset? after = null)
    {
        var times = new List<DateTimeOffset>(count);
        var cursor = after ?? Now;
        while (times.Count < count && _cron.GetNextValidTimeAfter(cursor) is { } next)
        {
            times.Add(next);
            cursor = next;
        }

        return times;
    }

    // Quartz has no "time before"; widen the window backwards until a fire time falls inside it.
    public DateTimeOffset? LastFireTimeAtOrBefore(DateTimeOffset instant)
    {
        for (var window = TimeSpan.FromHours(1); window <= TimeSpan.FromDays(366 * 8); window *= 4)
        {
            DateTimeOffset? last = null;
            var cursor = instant - window - TimeSpan.FromSeconds(1);
            while (_cron.GetNextValidTimeAfter(cursor) is { } next && next <= instant)
            {
                last = next;
                cursor = next;
            }

            if (last is not null)
            {
                return last;
            }
        }

        return null;
    }

    // The month a run at this fire time reports on, read on the schedule's own wall clock:
    // 1 December 00:00 in San Diego reports November even though it is already 08:00 UTC.
    public Period PeriodFor(DateTimeOffset fireTime)
    {
        var local = Period.Of(TimeZoneInfo.ConvertTime(fireTime, TimeZone));
        return Options.PeriodRule == PeriodRule.CurrentMonth ? local : local.Previous();
    }

    public static bool TryFindTimeZone(string? id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        zone = null;
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out zone);
    }
}
