using ExecReports.Core.Primitives;
using Microsoft.Extensions.Logging;

namespace ExecReports.Core.Schedule;

// Source-generated log messages: the schedule logs on every fire time and every run.
internal static partial class ScheduleLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "{Period} released by {Admin}: sent although not every entity is closed")]
    public static partial void Released(this ILogger logger, Period period, string admin);

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule is paused; fire time {FireTime:O} not run")]
    public static partial void PausedFireTime(this ILogger logger, DateTimeOffset fireTime);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fire time {FireTime:O} was missed while the app was down; running it once now")]
    public static partial void MissedFireTime(this ILogger logger, DateTimeOffset fireTime);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId} for {Period} failed")]
    public static partial void RunFailed(this ILogger logger, Exception exception, int runId, Period period);
}
