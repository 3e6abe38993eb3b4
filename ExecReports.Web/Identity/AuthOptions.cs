using System.ComponentModel.DataAnnotations;

namespace ExecReports.Web.Identity;

// "Auth": { "BootstrapAdmin": { "Email": "admin@example.com", "Password": null } }
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    [Required]
    public required BootstrapAdminOptions BootstrapAdmin { get; init; }
}

public sealed class BootstrapAdminOptions
{
    [Required]
    [EmailAddress]
    public required string Email { get; init; }

    // Left empty, a random password is generated and printed once to the console.
    public string? Password { get; init; }
}
