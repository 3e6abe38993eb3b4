using ExecReports.Core.Alerts;
using ExecReports.Core.Close;
using ExecReports.Core.Dispatch;
using ExecReports.Core.Primitives;
using ExecReports.Core.Validation;
using ExecReports.Core.Kpis;
using ExecReports.Core.Reports;
using Microsoft.Extensions.Logging;

namespace ExecReports.Core.Schedule;

public sealed record StepResult(bool Ok, string Detail, bool SentAny = false);

// The whole monthly chain as one recorded run: generate → validate → (errors: stop and alert) → archive → send.
public sealed class ScheduleRunner(
    ReportService reports,
    ValidationGate gate,
    DispatchService dispatcher,
    ScheduleHistory history,
    ScheduleCalculator calculator,
    AlertService alerts,
    MonthCloseService close,
    TimeProvider clock,
    ILogger<ScheduleRunner> logger)
{
    public const string ScheduleUser = "schedule";

    // A cron firing. Fires once per fire time; a period that was already sent or stopped by validation is not run again.
    public async Task<ScheduleRun?> RunScheduledAsync(DateTimeOffset fireTime, CancellationToken cancellationToken = default)
    {
        var state = await history.StateAsync(cancellationToken);
        if (state.Paused)
        {
            logger.PausedFireTime(fireTime);
            return null;
        }

        return await RunAsync(calculator.PeriodFor(fireTime), RunTrigger.Schedule, fireTime, ScheduleUser, cancellationToken);
    }

    // At start-up: the latest fire time that passed while the app was down runs once, older ones never
    // (the next one covers the next month). Fire times before the schedule existed are not owed.
    public async Task<ScheduleRun?> CatchUpAsync(CancellationToken cancellationToken = default)
    {
        var state = await history.StateAsync(cancellationToken);
        if (!calculator.Options.Enabled || state.Paused || calculator.LastFireTimeAtOrBefore(calculator.Now) is not { } missed || missed < state.Since)
        {
            return null;
        }

        var runs = await history.ForPeriodAsync(calculator.PeriodFor(missed), cancellationToken);
        if (runs.Any(r => r.Trigger == RunTrigger.Schedule && r.ScheduledFor == missed))
        {
            return null;
        }

        logger.MissedFireTime(missed);
        return await RunAsync(calculator.PeriodFor(missed), RunTrigger.Schedule, missed, ScheduleUser, cancellationToken);
    }

    public Task<ScheduleRun> RunNowAsync(Period period, string user, CancellationToken cancellationToken = default) =>
        RunAsync(period, RunTrigger.Manual, null, user, cancellationToken);

    // An Admin sends a held month although not every entity is closed; the release is recorded with its author.
    public async Task<ScheduleRun> ReleaseAsync(Period period, string admin, CancellationToken cancellationToken = default)
    {
        await close.ReleaseAsync(period, admin, cancellationToken);
        logger.Released(period, admin);
        return await RunAsync(period, RunTrigger.Manual, null, admin, cancellationToken);
    }

    // A held month is tried again once Schedule:ReadinessCheckMinutes have passed since its last check; called by the
    // web app's periodic job. Returns the runs it made.
    public async Task<IReadOnlyList<ScheduleRun>> RecheckHeldAsync(CancellationToken cancellationToken = default)
    {
        var state = await history.StateAsync(cancellationToken);
        if (state.Paused)
        {
            return [];
        }

        var every = TimeSpan.FromMinutes(calculator.Options.ReadinessCheckMinutes);
        var runs = new List<ScheduleRun>();
        foreach (var held in await history.HeldAsync(cancellationToken))
        {
            if (clock.GetUtcNow() >= (held.FinishedAt ?? held.StartedAt) + every)
            {
                runs.Add(await RunAsync(Period.Parse(held.Period), held.Trigger, held.ScheduledFor, held.StartedBy, cancellationToken));
            }
        }

        return runs;
    }

    private async Task<ScheduleRun> RunAsync(Period period, RunTrigger trigger, DateTimeOffset? fireTime, string user, CancellationToken cancellationToken)
    {
        var handled = await history.IsHandledAsync(period, cancellationToken);
        var runId = await history.StartAsync(period, trigger, fireTime, user, cancellationToken);
        if (handled)
        {
            return await history.FinishAsync(runId, RunOutcome.Skipped, $"{period} was already sent or stopped by validation; a period runs once (resend from Dispatches)", cancellationToken);
        }

        ScheduleRun run;
        try
        {
            var set = await reports.GetAsync(period, cancellationToken);
            // Before the gate: a month whose inputs are still being entered waits, it is not "stopped by validation".
            if (await dispatcher.HeldBecauseAsync(set, cancellationToken) is { } hold)
            {
                var heldBefore = (await history.ForPeriodAsync(period, cancellationToken)).Any(r => r.Id != runId && r.Outcome == RunOutcome.Held);
                run = await history.FinishAsync(runId, RunOutcome.Held,
                    $"held: {hold.Reason}; checked again every {calculator.Options.ReadinessCheckMinutes} min", cancellationToken);
                if (!heldBefore)
                {
                    await AlertAsync(period, hold.Summary, $"Run #{runId} for {period} is held and sent nothing.\n\n{hold.Reason}.\n\n"
                        + $"It is checked again every {calculator.Options.ReadinessCheckMinutes} minutes and sends once the month is ready.", cancellationToken);
                }

                return run;
            }

            var validated = gate.Check(set);
            if (validated.Result.HasErrors)
            {
                run = await history.FinishAsync(runId, RunOutcome.Blocked, validated.Result.Detail, cancellationToken);
                await AlertAsync(period, $"{period} reports not sent — validation errors", $"Run #{runId} for {period} was stopped before sending.\n\n{validated.Result.Detail}", cancellationToken);
                return run;
            }

            var dispatch = await DispatchAsync(validated, trigger, user, cancellationToken);
            run = await history.FinishAsync(runId, !dispatch.Ok ? RunOutcome.Failed : dispatch.SentAny ? RunOutcome.Sent : RunOutcome.Unchanged, dispatch.Detail, cancellationToken);
            if (!dispatch.Ok)
            {
                await AlertAsync(period, $"{period} dispatch failed", $"Run #{runId} for {period} did not finish sending.\n\n{dispatch.Detail}", cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.RunFailed(e, runId, period);
            run = await history.FinishAsync(runId, RunOutcome.Failed, e.Message, CancellationToken.None);
            await AlertAsync(period, $"{period} run failed", $"Run #{runId} for {period} failed: {e.Message}", CancellationToken.None);
        }

        return run;
    }

    private Task AlertAsync(Period period, string subject, string body, CancellationToken cancellationToken) =>
        alerts.RaiseAsync(new AlertNotice(AlertSource.Schedule, period.ToString(), subject, body), cancellationToken);

    // Archive and send through the outbox; its per-period idempotency is what makes a catch-up run safe.
    private async Task<StepResult> DispatchAsync(ValidatedSet validated, RunTrigger trigger, string user, CancellationToken cancellationToken)
    {
        var set = validated.Set;
        var result = await dispatcher.DispatchAsync(validated, trigger == RunTrigger.Schedule ? DispatchTrigger.Schedule : DispatchTrigger.Manual,
            user, cancellationToken: cancellationToken);
        if (result.RefusedBecause is { } refused)
        {
            return new StepResult(false, $"{set.Period}: not sent: {refused}");
        }

        return new StepResult(!result.AnyFailed, $"{set.Period}: batch {result.BatchId}: {result.Outcome}", result.Items.Any(i => i.Status == ItemStatus.Sent));
    }
}
