using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ExecReports.Web.Identity;

public sealed record UserRow(string Id, string Email, string Role);

// A scope per call: a Blazor circuit lives for hours and must not hold one DbContext that long.
public sealed class UserAdministration(IServiceScopeFactory scopes)
{
    public async Task<IReadOnlyList<UserRow>> ListAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var rows = new List<UserRow>();
        foreach (var user in await users.Users.OrderBy(u => u.Email).ToListAsync())
        {
            var roles = await users.GetRolesAsync(user);
            rows.Add(new UserRow(user.Id, user.Email ?? user.UserName ?? "", roles.FirstOrDefault() ?? Roles.Viewer));
        }

        return rows;
    }

    public async Task<IReadOnlyList<string>> CreateAsync(string email, string password, string role)
    {
        if (!Roles.All.Contains(role))
        {
            return [$"Unknown role '{role}'."];
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return created.Errors.Select(e => e.Description).ToList();
        }

        var added = await users.AddToRoleAsync(user, role);
        return added.Errors.Select(e => e.Description).ToList();
    }

    public async Task<IReadOnlyList<string>> SetRoleAsync(string userId, string role)
    {
        if (!Roles.All.Contains(role))
        {
            return [$"Unknown role '{role}'."];
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return ["That user no longer exists."];
        }

        var current = await users.GetRolesAsync(user);
        if (current.Contains(Roles.Admin) && role != Roles.Admin && (await users.GetUsersInRoleAsync(Roles.Admin)).Count == 1)
        {
            return ["The last Admin cannot be demoted."];
        }

        var removed = await users.RemoveFromRolesAsync(user, current);
        if (!removed.Succeeded)
        {
            return removed.Errors.Select(e => e.Description).ToList();
        }

        return (await users.AddToRoleAsync(user, role)).Errors.Select(e => e.Description).ToList();
    }
}
