using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Core.Schedule;
using Quartz;

namespace ExecReports.Web.Schedule;

// One job for every way the chain starts: the cron trigger, the catch-up at start-up and "run now".
// The identities stay fixed so a persistent (clustered) job store later finds the same job and trigger.
[DisallowConcurrentExecution]
public sealed class MonthlyReportsJob(IServiceScopeFactory scopes) : IJob
{
    public static readonly JobKey Key = new("monthly-reports", "execreports");
    public static readonly TriggerKey CronTrigger = new("monthly-reports-cron", "execreports");
    public const string PeriodKey = "period";
    public const string UserKey = "user";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var run = scope.ServiceProvider.GetRequiredService<ScheduleRunner>();
        var data = context.MergedJobDataMap;
        if (data.TryGetString(PeriodKey, out var periodText) && Period.TryParse(periodText, out var period))
        {
            await run.RunNowAsync(period, data.TryGetString(UserKey, out var user) && user is not null ? user : "unknown", cancellationToken);
        }
        else if (context.Trigger.Key.Equals(CronTrigger))
        {
            await run.RunScheduledAsync(context.ScheduledFireTimeUtc ?? context.FireTimeUtc, cancellationToken);
        }
        else
        {
            await run.CatchUpAsync(cancellationToken);
        }
    }
}

[DisallowConcurrentExecution]
public sealed class ScheduleAlarmJob(IServiceScopeFactory scopes) : IJob
{
    public static readonly JobKey Key = new("schedule-alarm", "execreports");
    public static readonly TriggerKey Trigger = new("schedule-alarm-every-5-minutes", "execreports");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        // A held month checks again here; the runner itself keeps to Schedule:ReadinessCheckMinutes between checks.
        await scope.ServiceProvider.GetRequiredService<ScheduleRunner>().RecheckHeldAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<ScheduleAlarm>().CheckAndNotifyAsync(cancellationToken);
    }
}
