using Microsoft.Extensions.Logging;

namespace ExecReports.Web.Schedule;

// Source-generated log messages for the scheduler host.
internal static partial class ScheduleControlLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Schedule:Enabled is false; reports run only through \"Run now\"")]
    public static partial void ScheduleDisabled(this ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule {Action} by {User}")]
    public static partial void ScheduleToggled(this ILogger logger, string action, string user);
}
