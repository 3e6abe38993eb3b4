using ExecReports.Core.Feedback;
using Quartz;

namespace ExecReports.Web.Schedule;

// Polls the inbound source every Feedback:PollMinutes. On PostgreSQL the clustered job store fires each tick on one
// node only, and [DisallowConcurrentExecution] keeps a slow poll from overlapping the next; on SQLite there is one node.
[DisallowConcurrentExecution]
public sealed class FeedbackPollJob(IServiceScopeFactory scopes, ILogger<FeedbackPollJob> logger) : IJob
{
    public static readonly JobKey Key = new("feedback-poll", "execreports");
    public static readonly TriggerKey Trigger = new("feedback-poll-every-n-minutes", "execreports");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            var report = await scope.ServiceProvider.GetRequiredService<FeedbackPoller>().PollAsync(cancellationToken);
            foreach (var failure in report.Failures)
            {
                logger.MessageLeft(failure);
            }
        }
        catch (FeedbackSourceException e)
        {
            // The mailbox is down or misconfigured: logged each tick; the next tick tries again.
            logger.PollFailed(e.Message);
        }
    }
}

internal static partial class FeedbackPollLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Feedback poll: not processed, left for the next poll: {Failure}")]
    public static partial void MessageLeft(this ILogger logger, string failure);

    [LoggerMessage(Level = LogLevel.Error, Message = "Feedback poll failed: {Reason}")]
    public static partial void PollFailed(this ILogger logger, string reason);
}
