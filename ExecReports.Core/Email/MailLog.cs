using Microsoft.Extensions.Logging;

namespace ExecReports.Core.Email;

// Source-generated log messages: mail is logged per message and per retry.
internal static partial class MailLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {MessageId} via {Transport} not delivered after {Attempts} attempt(s): {Detail} ({Kind})")]
    public static partial void NotDelivered(this ILogger logger, string? messageId, string transport, int attempts, string detail, SendFailureKind kind);
}
