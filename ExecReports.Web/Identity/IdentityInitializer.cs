using System.Security.Cryptography;
using ExecReports.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ExecReports.Web.Identity;

public sealed class IdentityInitializer(IServiceScopeFactory scopes, IOptions<AuthOptions> options, ILogger<IdentityInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AuthDbContext>();
        await StartupLock.RunExclusiveAsync(db, () => MigrateAndSeedAsync(scope.ServiceProvider, db, cancellationToken), cancellationToken);
    }

    private async Task MigrateAndSeedAsync(IServiceProvider services, AuthDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.MigrateAsync(cancellationToken);

        var roleManager = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                Check(await roleManager.CreateAsync(new IdentityRole(role)), $"create role {role}");
            }
        }

        var users = services.GetRequiredService<UserManager<IdentityUser>>();
        if (await users.Users.AnyAsync(cancellationToken))
        {
            return;
        }

        var bootstrap = options.Value.BootstrapAdmin;
        var password = string.IsNullOrEmpty(bootstrap.Password) ? GeneratePassword() : bootstrap.Password;
        var admin = new IdentityUser { UserName = bootstrap.Email, Email = bootstrap.Email, EmailConfirmed = true };
        Check(await users.CreateAsync(admin, password), "create the bootstrap admin");
        Check(await users.AddToRoleAsync(admin, Roles.Admin), "make the bootstrap admin an Admin");

        logger.BootstrapAdminCreated(bootstrap.Email);
        if (string.IsNullOrEmpty(bootstrap.Password))
        {
            // Straight to the console, never through the logger, so the password is in no log file.
            Console.WriteLine($"Bootstrap admin: {bootstrap.Email}  password: {password}  (shown once; change it or set Auth:BootstrapAdmin:Password)");
        }
    }

    internal static string GeneratePassword()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        var chars = RandomNumberGenerator.GetItems<char>(alphabet, 20);
        // Identity's default policy wants a digit, a lower, an upper and a symbol.
        return new string(chars) + "-7aA";
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
