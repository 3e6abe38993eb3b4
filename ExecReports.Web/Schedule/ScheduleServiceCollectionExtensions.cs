using ExecReports.Core.Data;
using Quartz;

namespace ExecReports.Web.Schedule;

public static class ScheduleServiceCollectionExtensions
{
    // Quartz in the web app only (the CLI prints fire times but never fires).
    // SQLite: one node, RAMJobStore; a missed fire time is caught up by the start-up run of the job (ScheduleRunner.CatchUpAsync).
    // Postgres: the clustered ADO job store on the same database (qrtz_ tables), so with
    // several nodes each fire time is taken by exactly one of them and a node that dies mid-job is recovered by another.
    public static IServiceCollection AddExecReportsSchedule(this IServiceCollection services, IConfiguration configuration)
    {
        var database = DatabaseProvider.From(configuration);
        services.AddQuartz(q =>
        {
            if (database.IsPostgres)
            {
                q.UsePersistentStore(s =>
                {
                    s.UsePostgres(database.ConnectionString(paths: null));
                    // Clustering also generates this node's instance id (the AUTO of the flat configuration).
                    s.UseClustering();
                    s.UseSystemTextJsonSerializer();
                    // Quartz 4.7 ships its own PostgreSQL DDL (fifteen qrtz_ tables) and applies it here: it only ever
                    // creates what is missing, then validates, so the schema always matches the library's version.
                    s.ProvisionSchema();
                });
            }
            else
            {
                q.UseInMemoryStore();
            }

            q.AddJob<MonthlyReportsJob>(j => j.WithIdentity(MonthlyReportsJob.Key).StoreDurably().WithDescription("generate → validate → archive → send"));
            q.RunAtStartup(MonthlyReportsJob.Key);
            q.AddJob<ScheduleAlarmJob>(j => j.WithIdentity(ScheduleAlarmJob.Key).StoreDurably());
            q.AddTrigger(t => t
                .WithIdentity(ScheduleAlarmJob.Trigger)
                .ForJob(ScheduleAlarmJob.Key)
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(5)).RepeatForever()));
            // Replies to report emails (Feedback:Source Imap or S3), every Feedback:PollMinutes.
            if (configuration.GetValue("Feedback:Source", "None") is "Imap" or "S3")
            {
                q.AddJob<FeedbackPollJob>(j => j.WithIdentity(FeedbackPollJob.Key).StoreDurably());
                q.AddTrigger(t => t
                    .WithIdentity(FeedbackPollJob.Trigger)
                    .ForJob(FeedbackPollJob.Key)
                    .StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(configuration.GetValue("Feedback:PollMinutes", 5))).RepeatForever()));
            }
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddSingleton<ScheduleControl>();
        services.AddHostedService<ScheduleStartup>();
        return services;
    }
}
