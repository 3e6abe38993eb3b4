using System.ComponentModel.DataAnnotations;

namespace ExecReports.Core.Data;

// "Database": { "Provider": "Sqlite" }  plus  "ConnectionStrings": { "Default": "" }
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    [Required]
    [AllowedValues("Sqlite")]
    public required string Provider { get; init; }
}
