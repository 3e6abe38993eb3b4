using System.ComponentModel.DataAnnotations;

namespace ExecReports.Core.Email;

// "Email": { "Transport": "Pickup", "From": "reports@example.com" }
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    [Required]
    [AllowedValues("Pickup")]
    public required string Transport { get; init; }

    [Required]
    [EmailAddress]
    public required string From { get; init; }
}
