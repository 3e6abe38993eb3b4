using ExecReports.Core.Data;
using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using Microsoft.EntityFrameworkCore;

namespace ExecReports.Core.Schedule;

// The run table and the schedule's state row.
// Each call opens its own short-lived context: a run spans minutes of generating and sending, and a page's circuit
// lives longer still; callers pass ids and values back, never an entity tracked by an earlier call.
public sealed class ScheduleHistory(IDbContextFactory<AppDbContext> dbs, TimeProvider clock)
{
    public async Task<ScheduleState> StateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return await StateIn(db, cancellationToken);
    }

    public async Task SetPausedAsync(bool paused, string user, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var state = await StateIn(db, cancellationToken);
        state.Paused = paused;
        state.ChangedBy = user;
        state.ChangedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<ScheduleState> StateIn(AppDbContext db, CancellationToken cancellationToken)
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

    // Returns the new run's id; FinishAsync takes it back.
    public async Task<int> StartAsync(Period period, RunTrigger trigger, DateTimeOffset? scheduledFor, string user,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var run = new ScheduleRun
        {
            Period = period.ToString(), Trigger = trigger, ScheduledFor = scheduledFor, StartedAt = clock.GetUtcNow(),
            Outcome = RunOutcome.Running, StartedBy = user,
        };
        db.ScheduleRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return run.Id;
    }

    public async Task<ScheduleRun> FinishAsync(int runId, RunOutcome outcome, string detail, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var run = await db.ScheduleRuns.FindAsync([runId], cancellationToken)
            ?? throw new InvalidOperationException($"Schedule run #{runId} does not exist; it cannot be finished.");
        run.Outcome = outcome;
        run.Detail = detail;
        run.FinishedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return run;
    }

    public async Task<IReadOnlyList<ScheduleRun>> RecentAsync(int count, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return await db.ScheduleRuns.AsNoTracking().OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).Take(count).ToListAsync(cancellationToken);
    }

    // A batch created after the latest run finished was sent outside any run (Send dialog, CLI, resend) and is the
    // later event; a batch created while a run was going belongs to that run, which already tells its outcome.
    public async Task<LastRun?> LastAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var run = await db.ScheduleRuns.AsNoTracking().OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        var batch = await db.DispatchBatches.AsNoTracking().Include(b => b.Items).OrderByDescending(b => b.Id).FirstOrDefaultAsync(cancellationToken);
        return batch is not null && (run is null || (run.FinishedAt is { } finished && batch.CreatedAt > finished)) ? LastRun.Of(batch)
            : run is null ? null
            : LastRun.Of(run);
    }

    public async Task<IReadOnlyList<ScheduleRun>> ForPeriodAsync(Period period, CancellationToken cancellationToken = default)
    {
        var text = period.ToString();
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return await db.ScheduleRuns.AsNoTracking().Where(r => r.Period == text).OrderBy(r => r.StartedAt).ThenBy(r => r.Id).ToListAsync(cancellationToken);
    }

    // A period counts as handled once a run sent it or validation stopped it; skipped and failed runs do not.
    public async Task<bool> IsHandledAsync(Period period, CancellationToken cancellationToken = default)
    {
        var text = period.ToString();
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return await db.ScheduleRuns.AnyAsync(r => r.Period == text && (r.Outcome == RunOutcome.Sent || r.Outcome == RunOutcome.Unchanged || r.Outcome == RunOutcome.Blocked), cancellationToken);
    }

    // The latest run of each period whose latest run is held (and that no run sent or stopped since).
    public async Task<IReadOnlyList<ScheduleRun>> HeldAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var runs = await db.ScheduleRuns.AsNoTracking().Where(r => r.Outcome == RunOutcome.Held || r.Outcome == RunOutcome.Sent
            || r.Outcome == RunOutcome.Unchanged || r.Outcome == RunOutcome.Blocked || r.Outcome == RunOutcome.Running).ToListAsync(cancellationToken);
        return runs.GroupBy(r => r.Period)
            .Select(g => g.OrderBy(r => r.StartedAt).ThenBy(r => r.Id).Last())
            .Where(r => r.Outcome == RunOutcome.Held)
            .OrderBy(r => r.Period, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<bool> TryMarkAlarmSentAsync(string key, string message, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        if (await db.ScheduleAlarmsSent.AnyAsync(a => a.Key == key, cancellationToken))
        {
            return false;
        }

        db.ScheduleAlarmsSent.Add(new ScheduleAlarmSent { Key = key, SentAt = clock.GetUtcNow(), Message = message });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
