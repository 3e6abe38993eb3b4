using System.ComponentModel.DataAnnotations;

namespace ExecReports.Core.Archive;

// "Archive": { "Provider": "FileSystem" }
public sealed class ArchiveOptions
{
    public const string SectionName = "Archive";

    [Required]
    [AllowedValues("FileSystem")]
    public required string Provider { get; init; }
}
