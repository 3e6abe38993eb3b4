using ExecReports.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ExecReports.Web.Identity;

public sealed record UserRow(string Id, string Email, string Role, bool Disabled);

// A scope per call: a Blazor circuit lives for hours and must not hold one DbContext that long.
// Every change to an account renews its security stamp, so the account's open sessions end at once.
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
            rows.Add(new UserRow(user.Id, user.Email ?? user.UserName ?? "", roles.FirstOrDefault() ?? Roles.Viewer, AccountState.IsDisabled(user)));
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
            return Errors(created);
        }

        return Errors(await users.AddToRoleAsync(user, role));
    }

    public Task<IReadOnlyList<string>> SetRoleAsync(string userId, string role) =>
        WithUserAsync(userId, async (users, user) =>
        {
            if (!Roles.All.Contains(role))
            {
                return [$"Unknown role '{role}'."];
            }

            var current = await users.GetRolesAsync(user);
            if (role != Roles.Admin && await IsLastActiveAdminAsync(users, user))
            {
                return ["The last Admin cannot be demoted."];
            }

            var removed = await users.RemoveFromRolesAsync(user, current);
            if (!removed.Succeeded)
            {
                return Errors(removed);
            }

            var added = await users.AddToRoleAsync(user, role);
            return added.Succeeded ? Errors(await users.UpdateSecurityStampAsync(user)) : Errors(added);
        });

    public Task<IReadOnlyList<string>> DisableAsync(string userId, string actingUserId) =>
        WithUserAsync(userId, async (users, user) =>
        {
            if (user.Id == actingUserId)
            {
                return ["You cannot disable your own account."];
            }

            if (await IsLastActiveAdminAsync(users, user))
            {
                return ["The last active Admin cannot be disabled."];
            }

            var enabled = await users.SetLockoutEnabledAsync(user, true);
            if (!enabled.Succeeded)
            {
                return Errors(enabled);
            }

            var locked = await users.SetLockoutEndDateAsync(user, AccountState.DisabledUntil);
            return locked.Succeeded ? Errors(await users.UpdateSecurityStampAsync(user)) : Errors(locked);
        });

    public Task<IReadOnlyList<string>> EnableAsync(string userId) =>
        WithUserAsync(userId, async (users, user) =>
        {
            var unlocked = await users.SetLockoutEndDateAsync(user, null);
            return unlocked.Succeeded ? Errors(await users.ResetAccessFailedCountAsync(user)) : Errors(unlocked);
        });

    public Task<IReadOnlyList<string>> DeleteAsync(string userId, string actingUserId) =>
        WithUserAsync(userId, async (users, user) =>
        {
            if (user.Id == actingUserId)
            {
                return ["You cannot delete your own account."];
            }

            if (await IsLastActiveAdminAsync(users, user))
            {
                return ["The last active Admin cannot be deleted."];
            }

            return Errors(await users.DeleteAsync(user));
        });

    // The new password goes through the same policy as any other; the reset renews the stamp.
    public Task<IReadOnlyList<string>> ResetPasswordAsync(string userId, string newPassword) =>
        WithUserAsync(userId, async (users, user) =>
            Errors(await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), newPassword)));

    private async Task<IReadOnlyList<string>> WithUserAsync(string userId, Func<UserManager<IdentityUser>, IdentityUser, Task<IReadOnlyList<string>>> change)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = await users.FindByIdAsync(userId);
        return user is null ? ["That user no longer exists."] : await change(users, user);
    }

    private static async Task<bool> IsLastActiveAdminAsync(UserManager<IdentityUser> users, IdentityUser user) =>
        await users.IsInRoleAsync(user, Roles.Admin)
        && !AccountState.IsDisabled(user)
        && (await users.GetUsersInRoleAsync(Roles.Admin)).Count(a => !AccountState.IsDisabled(a)) == 1;

    private static IReadOnlyList<string> Errors(IdentityResult result) => result.Errors.Select(e => e.Description).ToList();
}
