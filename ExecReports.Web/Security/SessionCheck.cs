using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ExecReports.Web.Security;

public sealed record ActingUser(string Id, string Email, IReadOnlyList<string> Roles);

// The answer of the store, not of the claims a circuit cached when it started: the account must still exist,
// not be disabled, and carry the security stamp the session was issued with (sign-out, a role change, a password
// reset or disabling the account all change it).
public sealed record SessionCheck(ActingUser? User, string? Refused)
{
    public static async Task<SessionCheck> RunAsync(UserManager<IdentityUser> users, IdentityOptions identity, ClaimsPrincipal principal)
    {
        var id = principal.FindFirstValue(identity.ClaimsIdentity.UserIdClaimType);
        if (principal.Identity?.IsAuthenticated != true || string.IsNullOrEmpty(id))
        {
            return Refuse("you are signed out; sign in again");
        }

        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return Refuse("your account no longer exists");
        }

        if (AccountState.IsDisabled(user) || await users.IsLockedOutAsync(user))
        {
            return Refuse("your account is disabled or locked");
        }

        var stamp = principal.FindFirstValue(identity.ClaimsIdentity.SecurityStampClaimType);
        if (stamp is null || stamp != await users.GetSecurityStampAsync(user))
        {
            return Refuse("your session has ended (signed out, or your account was changed); sign in again");
        }

        return new SessionCheck(new ActingUser(user.Id, user.Email ?? user.UserName ?? id, [.. await users.GetRolesAsync(user)]), null);
    }

    private static SessionCheck Refuse(string why) => new(null, why);
}

// Called by every state-changing handler right before it acts. Scoped, so it sees the circuit's (or request's) user.
public sealed class ActionAuthorization(
    Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider authentication,
    IServiceScopeFactory scopes,
    IOptions<IdentityOptions> identity,
    ILogger<ActionAuthorization> logger)
{
    public async Task<SessionCheck> RequireAsync(IReadOnlyList<string> roles, string action)
    {
        var principal = (await authentication.GetAuthenticationStateAsync()).User;
        await using var scope = scopes.CreateAsyncScope();
        var check = await SessionCheck.RunAsync(scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>(), identity.Value, principal);
        if (check.User is { } user && !user.Roles.Any(roles.Contains))
        {
            check = new SessionCheck(null, $"your role ({(user.Roles.Count == 0 ? "none" : string.Join(", ", user.Roles))}) does not allow this");
        }

        if (check.Refused is { } why)
        {
            logger.ActionRefused(action, principal.Identity?.Name ?? "anonymous", why);
            return check with { Refused = $"Not allowed to {action}: {why}." };
        }

        return check;
    }
}
