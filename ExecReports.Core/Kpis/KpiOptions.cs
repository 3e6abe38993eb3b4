using System.ComponentModel.DataAnnotations;

namespace ExecReports.Core.Kpis;

// "Kpis": { "SamplesPath": "samples/kpis/" }
public sealed class KpiOptions
{
    public const string SectionName = "Kpis";

    // Folder of sample months (*.json, one array per entity) imported on first start, and of the
    // chart of accounts (chart-of-accounts.json). Relative to the folder of appsettings.json.
    [Required]
    public required string SamplesPath { get; init; }
}
