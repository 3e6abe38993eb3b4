using Microsoft.Extensions.Logging;

namespace ExecReports.Core.Resilience;

// Source-generated log messages: one line per retry.
internal static partial class ResilienceLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "{Operation} attempt {Attempt} failed ({Detail}); retrying in {Delay:0.0} s")]
    public static partial void AttemptFailed(this ILogger logger, string operation, int attempt, string detail, double delay);
}
