using System.ComponentModel.DataAnnotations;

namespace ExecReports.Core.Configuration;

// "ExecReports": { "DataPath": "data/" }
public sealed class ExecReportsOptions
{
    public const string SectionName = "ExecReports";

    [Required]
    public required string DataPath { get; init; }

    // Set by AddExecReportsFiles to the folder that holds appsettings.json; relative paths hang off it.
    public string? BaseDirectory { get; init; }
}
