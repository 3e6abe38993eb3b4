using Microsoft.Extensions.Logging;

namespace ExecReports.Web.Identity;

// Source-generated log messages for identity bootstrap.
internal static partial class IdentityLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Created bootstrap admin {Email}")]
    public static partial void BootstrapAdminCreated(this ILogger logger, string email);
}
