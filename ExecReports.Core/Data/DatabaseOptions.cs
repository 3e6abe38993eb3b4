using System.ComponentModel.DataAnnotations;

namespace ExecReports.Core.Data;

// "Database": { "Provider": "Sqlite" | "Postgres" }  plus  "ConnectionStrings": { "Default": "" }
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    [Required]
    [AllowedValues(Sqlite, Postgres)]
    public required string Provider { get; init; }

    public bool IsPostgres => Provider == Postgres;
}
