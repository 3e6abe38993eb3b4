using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;

namespace ExecReports.Web.Security;

// Length is the rule (Identity checks it); composition rules are off. On top, the password must not be one of
// the ~49,000 most common passwords shipped with the app, nor one of them with only digits or symbols around it
// ("Password2024!"). The list: common-passwords.txt, MIT, see common-passwords.LICENSE.txt.
public sealed class CommonPasswordValidator : IPasswordValidator<IdentityUser>
{
    public const int MinimumLength = 12;

    private static readonly Lazy<FrozenSet<string>> Common = new(Load);

    public static int ListSize => Common.Value.Count;

    public Task<IdentityResult> ValidateAsync(UserManager<IdentityUser> manager, IdentityUser user, string? password) =>
        Task.FromResult(IsCommon(password ?? "")
            ? IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = "That password is on a list of common or breached passwords; choose another (a few unrelated words work well)." })
            : IdentityResult.Success);

    public static bool IsCommon(string password)
    {
        var lowered = password.Trim().ToLowerInvariant();
        var core = lowered.Trim(Decoration);
        return Common.Value.Contains(lowered) || (core.Length > 0 && Common.Value.Contains(core));
    }

    private static readonly char[] Decoration = "0123456789!@#$%^&*()-_=+.,;:?~ '\"`/\\|[]{}<>".ToCharArray();

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("ExecReports.Web.Security.common-passwords.txt")
            ?? throw new InvalidOperationException("The embedded list of common passwords is missing from the build.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                words.Add(line);
            }
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
