using Microsoft.Extensions.Logging;

namespace ExecReports.Core.Data;

// Source-generated log messages, like every other log in the app.
internal static partial class DataLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {SeedStep}")]
    public static partial void Seeded(this ILogger logger, string seedStep);
}
