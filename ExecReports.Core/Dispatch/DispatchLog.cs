using ExecReports.Core.Primitives;
using Microsoft.Extensions.Logging;

namespace ExecReports.Core.Dispatch;

// Source-generated log messages: dispatch logs once per batch and per item, so no boxing or template parsing per call.
internal static partial class DispatchLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Dispatch of {Period} refused: validation found {Errors} error(s)")]
    public static partial void DispatchRefused(this ILogger logger, Period period, int errors);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dispatch of {Period} held: {Reason}")]
    public static partial void DispatchHeld(this ILogger logger, Period period, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dispatch batch {BatchId} for {Period} by {User} ({Trigger}{Resend}): {Queued} queued, {Skipped} skipped")]
    public static partial void BatchQueued(this ILogger logger, long batchId, Period period, string user, DispatchTrigger trigger, string resend, int queued, int skipped);

    [LoggerMessage(Level = LogLevel.Information, Message = "Resend of batch {Source} as batch {BatchId} by {User}: {Count} item(s)")]
    public static partial void ResendQueued(this ILogger logger, long source, long batchId, string user, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Resumed {Count} unfinished dispatch item(s)")]
    public static partial void ItemsResumed(this ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dispatch item {ItemId} stopped unexpectedly; it will be resumed when its lease expires")]
    public static partial void ItemStopped(this ILogger logger, Exception exception, long itemId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Resuming unfinished dispatch items failed; trying again in {Interval}")]
    public static partial void ResumeFailed(this ILogger logger, Exception exception, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Item {ItemId} ({Role}) already has a delivered attempt for {MessageId}: treated as mailed, not sent again")]
    public static partial void AlreadyDelivered(this ILogger logger, long itemId, string role, string messageId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dispatch item {ItemId} ({Role} report {Period}, batch {BatchId}) failed ({Kind}): {Error}{Hint}")]
    public static partial void ItemFailed(this ILogger logger, long itemId, string role, string period, long batchId, FailureKind kind, string error, string hint);
}
