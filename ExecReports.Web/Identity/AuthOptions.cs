using System.ComponentModel.DataAnnotations;

namespace ExecReports.Web.Identity;

// "Auth": { "BootstrapAdmin": { "Email": "admin@example.com", "Password": null }, "SessionRevalidationSeconds": 5 }
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    [Required]
    public required BootstrapAdminOptions BootstrapAdmin { get; init; }

    // How often an open tab's circuit re-reads its account: sign-out elsewhere, a role change or disabling
    // ends the tab within this time. Every action is checked at once regardless.
    [Range(1, 3600)]
    public int SessionRevalidationSeconds { get; init; } = 5;
}

public sealed class BootstrapAdminOptions
{
    [Required]
    [EmailAddress]
    public required string Email { get; init; }

    // Left empty, a random password is generated and printed once to the console.
    public string? Password { get; init; }
}
