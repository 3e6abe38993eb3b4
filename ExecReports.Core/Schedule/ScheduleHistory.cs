using ExecReports.Core.Data;
using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using Microsoft.EntityFrameworkCore;

namespace ExecReports.Core.Schedule;

// The run table and the schedule's state row.
public sealed class ScheduleHistory(AppDbContext db, TimeProvider clock)
{
    public async Task<ScheduleState> StateAsync(CancellationToken cancellationToken = default)
    {
        if (await db.ScheduleStates.FindAsync([ScheduleState.SingletonId], cancellationToken) is { } state)
        {
            return state;
        }

        state = new ScheduleState { Since = clock.GetUtcNow() };
        db.ScheduleStates.Add(state);
        await db.SaveChangesAsync(cancellationToken);
        return state;
    }

    public async Task SetPausedAsync(bool paused, string user, CancellationToken cancellationToken = default)
    {
        var state = await StateAsync(cancellationToken);
        state.Paused = paused;
        state.ChangedBy = user;
        state.ChangedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<ScheduleRun> StartAsync(Period period, RunTrigger trigger, DateTimeOffset? scheduledFor, string user,
        CancellationToken cancellationToken = default)
    {
        var run = new ScheduleRun
        {
            Period = period.ToString(), Trigger = trigger, ScheduledFor = scheduledFor, StartedAt = clock.GetUtcNow(),
            Outcome = RunOutcome.Running, StartedBy = user,
        };
        db.ScheduleRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return run;
    }

    public async Task FinishAsync(ScheduleRun run, RunOutcome outcome, string detail, CancellationToken cancellationToken = default)
    {
        run.Outcome = outcome;
        run.Detail = detail;
        run.FinishedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ScheduleRun>> RecentAsync(int count, CancellationToken cancellationToken = default) =>
        await db.ScheduleRuns.AsNoTracking().OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).Take(count).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ScheduleRun>> ForPeriodAsync(Period period, CancellationToken cancellationToken = default)
    {
        var text = period.ToString();
        return await db.ScheduleRuns.AsNoTracking().Where(r => r.Period == text).OrderBy(r => r.StartedAt).ThenBy(r => r.Id).ToListAsync(cancellationToken);
    }

    // A period counts as handled once a run sent it or validation stopped it; skipped and failed runs do not.
    public async Task<bool> IsHandledAsync(Period period, CancellationToken cancellationToken = default)
    {
        var text = period.ToString();
        return await db.ScheduleRuns.AnyAsync(r => r.Period == text && (r.Outcome == RunOutcome.Sent || r.Outcome == RunOutcome.Blocked), cancellationToken);
    }

    public async Task<bool> TryMarkAlarmSentAsync(string key, string message, CancellationToken cancellationToken = default)
    {
        if (await db.ScheduleAlarmsSent.AnyAsync(a => a.Key == key, cancellationToken))
        {
            return false;
        }

        db.ScheduleAlarmsSent.Add(new ScheduleAlarmSent { Key = key, SentAt = clock.GetUtcNow(), Message = message });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
