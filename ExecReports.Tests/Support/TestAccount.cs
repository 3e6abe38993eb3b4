using System.Security.Claims;
using Bunit;
using ExecReports.Web.Identity;
using ExecReports.Web.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ExecReports.Tests.Support;

// A real account in a real Identity store (SQLite) for bUnit page tests, so the pages' server-side action check
// (ActionAuthorization) runs for real: the test's principal carries that account's id and security stamp.
public sealed class TestAccount : IAsyncDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly ServiceProvider _identity;

    private TestAccount()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddDbContext<AuthDbContext>(o => o.UseSqlite($"Data Source={_temp.Combine("auth.db")}", s => s.MigrationsHistoryTable(AuthDbContext.HistoryTable)));
        services.AddIdentityCore<IdentityUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<AuthDbContext>();
        _identity = services.BuildServiceProvider();
    }

    public static async Task<TestAccount> SignInAsync(BunitContext context, string role)
    {
        var account = new TestAccount();
        await using var scope = account._identity.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AuthDbContext>().Database.MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>().CreateAsync(new IdentityRole(role));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var email = role.ToLowerInvariant() + "@example.com";
        var user = new IdentityUser { UserName = email, Email = email };
        await users.CreateAsync(user);
        await users.AddToRoleAsync(user, role);
        var identity = account._identity.GetRequiredService<IOptions<IdentityOptions>>();

        context.AddAuthorization().SetAuthorized(email).SetRoles(role).SetClaims(
            new Claim(identity.Value.ClaimsIdentity.UserIdClaimType, user.Id),
            new Claim(identity.Value.ClaimsIdentity.SecurityStampClaimType, (await users.GetSecurityStampAsync(user))!));
        // Resolved through a factory, so the test context's container disposes the account with the context.
        context.Services.AddSingleton(_ => account);
        context.Services.AddScoped(sp => new ActionAuthorization(
            sp.GetRequiredService<AuthenticationStateProvider>(),
            sp.GetRequiredService<TestAccount>()._identity.GetRequiredService<IServiceScopeFactory>(),
            identity,
            NullLogger<ActionAuthorization>.Instance));
        return account;
    }

    public async ValueTask DisposeAsync()
    {
        await _identity.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }
}
