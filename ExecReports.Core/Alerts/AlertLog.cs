using Microsoft.Extensions.Logging;

namespace ExecReports.Core.Alerts;

// Source-generated log messages: every alert is logged, and so is a mail of one that could not go out.
internal static partial class AlertLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Alert ({Source}, {Period}): {Message}")]
    public static partial void Raised(this ILogger logger, AlertSource source, string period, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert {AlertId} could not be mailed to the audit address: {Error}")]
    public static partial void NotMailed(this ILogger logger, long alertId, string error);
}
