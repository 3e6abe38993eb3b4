using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ExecReports.Web.Identity;

namespace ExecReports.Web.Security;

// A circuit keeps the user it started with for hours; this checks the store every few seconds and, once the
// account is signed out, changed, disabled or deleted, makes the circuit anonymous, which sends the tab to sign-in.
public sealed class RevalidatingIdentityAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopes,
    IOptions<IdentityOptions> identity,
    IOptions<AuthOptions> auth)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(auth.Value.SessionRevalidationSeconds);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        return (await SessionCheck.RunAsync(users, identity.Value, authenticationState.User)).User is not null;
    }
}
