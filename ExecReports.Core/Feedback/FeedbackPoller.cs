using ExecReports.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ExecReports.Core.Feedback;

public sealed record PollReport(string Source, IReadOnlyList<PollResult> Messages, IReadOnlyList<string> Failures);

public sealed class FeedbackSourceException(string message, Exception? inner = null) : Exception(message, inner);

// One poll of the configured source: fetch what is not taken yet, process each message, mark it taken.
// A message that fails to process is reported and left for the next poll; the others go on.
public sealed class FeedbackPoller(IServiceProvider services, AppDbContext db, FeedbackService feedback, IOptions<FeedbackOptions> options, ILogger<FeedbackPoller> logger)
{
    public async Task<PollReport> PollAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.Source == "None")
        {
            throw new FeedbackSourceException("Feedback:Source is None: there is no inbound mailbox to poll (set it to Imap or S3).");
        }

        var source = settings.Source == "Imap"
            ? (IFeedbackSource)ActivatorUtilities.CreateInstance<ImapFeedbackSource>(services)
            : ActivatorUtilities.CreateInstance<S3FeedbackSource>(services);
        try
        {
            IReadOnlyList<InboundMessage> inbound;
            try
            {
                inbound = await source.FetchAsync(settings.MaxMessagesPerPoll,
                    key => db.Set<FeedbackMessage>().AnyAsync(m => m.SourceKey == key, cancellationToken), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException and not FeedbackSourceException)
            {
                throw new FeedbackSourceException($"Feedback:Source {source.Name}: could not read the mailbox: {e.GetType().Name}: {e.Message}", e);
            }

            var results = new List<PollResult>();
            var failures = new List<string>();
            foreach (var message in inbound)
            {
                try
                {
                    if (await feedback.ProcessAsync(message, cancellationToken) is { } result)
                    {
                        results.Add(result);
                        logger.Processed(message.SourceKey, result.Outcome, result.Detail);
                    }

                    await source.MarkTakenAsync(message, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    db.ChangeTracker.Clear();
                    logger.NotProcessed(e, message.SourceKey);
                    failures.Add($"{message.SourceKey}: {e.GetType().Name}: {e.Message}");
                }
            }

            return new PollReport(source.Name, results, failures);
        }
        finally
        {
            switch (source)
            {
                case IAsyncDisposable async:
                    await async.DisposeAsync();
                    break;
                case IDisposable sync:
                    sync.Dispose();
                    break;
            }
        }
    }
}

internal static partial class FeedbackLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Feedback message {SourceKey}: {Outcome} {Detail}")]
    public static partial void Processed(this ILogger logger, string sourceKey, MessageOutcome outcome, string? detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "Feedback message {SourceKey} could not be processed; it is left for the next poll")]
    public static partial void NotProcessed(this ILogger logger, Exception exception, string sourceKey);
}

public static class FeedbackServiceCollectionExtensions
{
    // Reads "Feedback" (see FeedbackOptions). The Quartz job that polls is registered by the web app only.
    public static IServiceCollection AddFeedback(this IServiceCollection services)
    {
        services.AddStrictOptions<FeedbackOptions>(FeedbackOptions.SectionName);
        services.AddSingleton<IValidateOptions<FeedbackOptions>, FeedbackOptionsValidator>();
        services.AddSingleton<FeedbackText>();
        services.AddSingleton<FeedbackPermissions>();
        services.AddScoped<ActionItems>();
        services.AddScoped<Annotations>();
        services.AddScoped<FeedbackService>();
        services.AddScoped<FeedbackPoller>();
        return services;
    }
}
