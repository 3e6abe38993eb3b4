using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace ExecReports.Web.Security;

// Sign-in costs one password hash whatever the account: an unknown email, or a locked or disabled account
// (which Identity refuses before hashing), is checked against a dummy hash, so response time does not tell
// which emails have accounts.
public sealed class SignInService(SignInManager<IdentityUser> signIn, UserManager<IdentityUser> users, IPasswordHasher<IdentityUser> hasher)
{
    private static readonly IdentityUser Nobody = new() { UserName = "nobody" };
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<IdentityUser>().HashPassword(Nobody, RandomNumberGenerator.GetHexString(32)));

    public async Task<SignInResult> PasswordSignInAsync(string email, string password)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            hasher.VerifyHashedPassword(Nobody, DummyHash.Value, password);
            return SignInResult.Failed;
        }

        if (await users.IsLockedOutAsync(user))
        {
            hasher.VerifyHashedPassword(Nobody, DummyHash.Value, password);
            return SignInResult.LockedOut;
        }

        return await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
    }
}
