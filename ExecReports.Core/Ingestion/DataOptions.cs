using System.ComponentModel.DataAnnotations;

namespace ExecReports.Core.Ingestion;

// "Data": { "EntitiesFile": "samples/entities.yaml", "HandoffsPath": "samples/handoffs/", "HandoffMaxBytes": 1048576, "HandoffStaleDays": 30, "ParseTimeoutMs": 10000 }
// Defaults live here too so a host that only overrides one key (tests, environment variables) still starts.
public sealed class DataOptions
{
    public const string SectionName = "Data";

    [Required]
    public string EntitiesFile { get; init; } = "samples/entities.yaml";

    [Required]
    public string HandoffsPath { get; init; } = "samples/handoffs/";

    [Range(1, int.MaxValue)]
    public int HandoffMaxBytes { get; init; } = 1_048_576;

    [Range(1, 3650)]
    public int HandoffStaleDays { get; init; } = 30;

    // Reading and parsing one handoff, or the catalog: past it the file is an error until it changes.
    [Range(10, 600_000)]
    public int ParseTimeoutMs { get; init; } = 10_000;

    public TimeSpan ParseTimeout => TimeSpan.FromMilliseconds(ParseTimeoutMs);
}
