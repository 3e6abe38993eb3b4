using Quartz;

namespace ExecReports.Web.Schedule;

public static class ScheduleServiceCollectionExtensions
{
    // Quartz in the web app only (the CLI prints fire times but never fires). RAMJobStore while the database is SQLite:
    // a missed fire time is therefore caught up by the start-up run of the job, not by the store (see ScheduledRun.CatchUpAsync).
    public static IServiceCollection AddExecReportsSchedule(this IServiceCollection services)
    {
        services.AddQuartz(q =>
        {
            q.UseInMemoryStore();
            q.AddJob<MonthlyReportsJob>(j => j.WithIdentity(MonthlyReportsJob.Key).StoreDurably().WithDescription("generate → validate → archive → send"));
            q.RunAtStartup(MonthlyReportsJob.Key);
            q.AddJob<ScheduleAlarmJob>(j => j.WithIdentity(ScheduleAlarmJob.Key).StoreDurably());
            q.AddTrigger(t => t
                .WithIdentity(ScheduleAlarmJob.Trigger)
                .ForJob(ScheduleAlarmJob.Key)
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(5)).RepeatForever()));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddSingleton<ScheduleControl>();
        services.AddHostedService<ScheduleStartup>();
        return services;
    }
}
