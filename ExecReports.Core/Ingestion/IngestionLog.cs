using Microsoft.Extensions.Logging;

namespace ExecReports.Core.Ingestion;

// Source-generated log messages: ingestion logs per scan and per reload of the catalog.
internal static partial class IngestionLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded entity catalog {File} with {Count} entities")]
    public static partial void CatalogLoaded(this ILogger logger, string file, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Entity catalog changed but is invalid; keeping the previous version. {Message}")]
    public static partial void CatalogInvalid(this ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Problem}")]
    public static partial void HandoffFolderProblem(this ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot watch handoffs folder {Folder} ({Message}); every read will re-scan it")]
    public static partial void CannotWatch(this ILogger logger, string folder, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handoffs folder watcher failed ({Message}); re-scanning on every read until it is re-created")]
    public static partial void WatcherFailed(this ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scanning handoffs folder {Folder} failed")]
    public static partial void ScanFailed(this ILogger logger, Exception exception, string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handoff {File} took longer than the {Budget} ms parse budget")]
    public static partial void ParseTimedOut(this ILogger logger, string file, int budget);
}
