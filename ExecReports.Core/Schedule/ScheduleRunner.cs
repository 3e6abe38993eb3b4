using ExecReports.Core.Alerts;
using ExecReports.Core.Dispatch;
using ExecReports.Core.Primitives;
using ExecReports.Core.Validation;
using ExecReports.Core.Kpis;
using ExecReports.Core.Reports;
using Microsoft.Extensions.Logging;

namespace ExecReports.Core.Schedule;

public sealed record StepResult(bool Ok, string Detail);

// The whole monthly chain as one recorded run: generate → validate → (errors: stop and alert) → archive → send.
public sealed class ScheduleRunner(
    ReportService reports,
    ValidationGate gate,
    DispatchService dispatcher,
    ScheduleHistory history,
    ScheduleCalculator calculator,
    AlertService alerts,
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
            var validated = gate.Check(await reports.GetAsync(period, cancellationToken));
            if (validated.Result.HasErrors)
            {
                run = await history.FinishAsync(runId, RunOutcome.Blocked, validated.Result.Detail, cancellationToken);
                await AlertAsync(period, $"{period} reports not sent — validation errors", $"Run #{runId} for {period} was stopped before sending.\n\n{validated.Result.Detail}", cancellationToken);
                return run;
            }

            var dispatch = await DispatchAsync(validated, trigger, user, cancellationToken);
            run = await history.FinishAsync(runId, dispatch.Ok ? RunOutcome.Sent : RunOutcome.Failed, dispatch.Detail, cancellationToken);
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

        var counts = string.Join(", ", result.Items.GroupBy(i => i.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"));
        return new StepResult(!result.AnyFailed, $"{set.Period}: batch {result.BatchId}: {counts}");
    }
}
