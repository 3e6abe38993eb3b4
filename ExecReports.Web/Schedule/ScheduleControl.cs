using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Core.Schedule;
using Quartz;

namespace ExecReports.Web.Schedule;

// What the schedule page does to the running scheduler; the pause flag is also stored so it survives a restart.
public sealed class ScheduleControl(ISchedulerFactory schedulers, IServiceScopeFactory scopes, ScheduleCalculator calculator, ILogger<ScheduleControl> logger)
{
    public async Task EnsureCronTriggerAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        if (!calculator.Options.Enabled)
        {
            logger.ScheduleDisabled();
            return;
        }

        var trigger = TriggerBuilder.Create()
            .WithIdentity(MonthlyReportsJob.CronTrigger)
            .ForJob(MonthlyReportsJob.Key)
            .WithDescription($"Schedule:Cron {calculator.Options.Cron} ({calculator.TimeZone.Id})")
            .WithCronSchedule(calculator.QuartzExpression, c => c
                .InTimeZone(calculator.TimeZone)
                .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
        // A clustered store keeps the trigger across restarts: replace it only when the configured schedule changed,
        // so a node starting does not move the next fire time of the others.
        var existing = await scheduler.GetTrigger(MonthlyReportsJob.CronTrigger, cancellationToken);
        if (existing is null)
        {
            try
            {
                await scheduler.ScheduleJob(trigger, default, cancellationToken);
            }
            catch (ObjectAlreadyExistsException)
            {
                // Another node of the cluster stored it first.
            }
        }
        else if (existing.Description != trigger.Description)
        {
            await scheduler.RescheduleJob(MonthlyReportsJob.CronTrigger, trigger, cancellationToken);
        }

        await using var scope = scopes.CreateAsyncScope();
        if ((await scope.ServiceProvider.GetRequiredService<ScheduleHistory>().StateAsync(cancellationToken)).Paused)
        {
            await scheduler.PauseTrigger(MonthlyReportsJob.CronTrigger, cancellationToken);
        }
    }

    public async Task SetPausedAsync(bool paused, string user, CancellationToken cancellationToken = default)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ScheduleHistory>().SetPausedAsync(paused, user, cancellationToken);
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        if (!await scheduler.Exists(MonthlyReportsJob.CronTrigger, cancellationToken))
        {
            return;
        }

        if (paused)
        {
            await scheduler.PauseTrigger(MonthlyReportsJob.CronTrigger, cancellationToken);
        }
        else
        {
            await scheduler.ResumeTrigger(MonthlyReportsJob.CronTrigger, cancellationToken);
        }

        logger.ScheduleToggled(paused ? "paused" : "resumed", user);
    }

    // Queued behind a running chain rather than beside it (the job disallows concurrent execution).
    public async Task RunNowAsync(Period period, string user, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.TriggerJob(MonthlyReportsJob.Key, new JobDataMap
        {
            [MonthlyReportsJob.PeriodKey] = period.ToString(),
            [MonthlyReportsJob.UserKey] = user,
        }, cancellationToken);
    }
}

internal sealed class ScheduleStartup(ScheduleControl control) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => control.EnsureCronTriggerAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
