namespace ExecReports.Web.Security;

internal static partial class SecurityLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Action} for {User}: {Reason}")]
    public static partial void ActionRefused(this ILogger logger, string action, string user, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Email} changed their password")]
    public static partial void PasswordChanged(this ILogger logger, string? email);
}
