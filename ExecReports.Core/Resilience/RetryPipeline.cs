using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace ExecReports.Core.Resilience;

// The one retry pipeline: exponential back-off with jitter from RetryOptions, only for the failures the caller calls
// transient, each retry logged. MaxAttempts counts the first try, so 1 means no retry at all.
public static class RetryPipeline
{
    public static ResiliencePipeline Build(
        RetryOptions retry,
        string operation,
        Func<Exception, bool> isTransient,
        Func<Exception, string> describe,
        double maxDelayFactor,
        TimeProvider time,
        ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (retry.MaxAttempts > 1)
        {
            var baseDelay = TimeSpan.FromSeconds(retry.BaseDelaySeconds);
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(isTransient),
                MaxRetryAttempts = retry.MaxAttempts - 1,
                Delay = baseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                MaxDelay = baseDelay * maxDelayFactor,
                OnRetry = args =>
                {
                    logger.AttemptFailed(operation, args.AttemptNumber + 1, args.Outcome.Exception is { } ex ? describe(ex) : "no result", args.RetryDelay.TotalSeconds);
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.Build();
    }
}
