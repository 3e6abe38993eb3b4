using System.ComponentModel.DataAnnotations;

namespace ExecReports.Core.Reports.Finance;

// "Finance": { "MinimumCash": 10000, "MaterialityPercent": 0.10, "MaterialityAmount": 500, "TargetBufferPercent": 0.10 }
public sealed class FinanceOptions
{
    public const string SectionName = "Finance";

    [Range(0, double.MaxValue)]
    public required decimal MinimumCash { get; init; }

    // A variance is material only when it passes both thresholds.
    [Range(0, 1)]
    public required decimal MaterialityPercent { get; init; }

    [Range(0, double.MaxValue)]
    public required decimal MaterialityAmount { get; init; }

    // Revenue targets ramp to break-even plus this buffer by the end of the target horizon.
    [Range(0, 1)]
    public required decimal TargetBufferPercent { get; init; }

    public static FinanceOptions Default { get; } = new()
    {
        MinimumCash = 10_000m,
        MaterialityPercent = 0.10m,
        MaterialityAmount = 500m,
        TargetBufferPercent = 0.10m,
    };
}
