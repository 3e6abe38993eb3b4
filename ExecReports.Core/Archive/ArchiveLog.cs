using Microsoft.Extensions.Logging;

namespace ExecReports.Core.Archive;

// Source-generated log messages: archiving and indexing log per file.
internal static partial class ArchiveLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Archive key {Key} is not ROLE-report.ext under a date folder; not indexed")]
    public static partial void KeyNotIndexed(this ILogger logger, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Archive file {Key} is not valid JSON ({Error}); its files are indexed without period and batch")]
    public static partial void InvalidArchiveJson(this ILogger logger, string key, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Archive file {Key} could not be read from the {Store} archive: {Error}")]
    public static partial void ReadFailed(this ILogger logger, string key, string store, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Archive integrity: {Problem}")]
    public static partial void IntegrityFailed(this ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "The archive integrity alert for {Key} could not be recorded: {Error}")]
    public static partial void IntegrityAlertNotRecorded(this ILogger logger, string key, string error);
}
