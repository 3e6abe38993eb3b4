using Microsoft.AspNetCore.Identity;

namespace ExecReports.Web.Security;

// Disabling uses Identity's lockout with an end date no lockout policy produces, so no schema change is needed
// and sign-in refuses a disabled account through the same path as a locked one.
public static class AccountState
{
    public static readonly DateTimeOffset DisabledUntil = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public static bool IsDisabled(IdentityUser user) => user.LockoutEnd is { } end && end.Year >= 9000;
}
