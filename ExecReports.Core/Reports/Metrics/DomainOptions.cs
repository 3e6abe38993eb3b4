using System.ComponentModel.DataAnnotations;

namespace ExecReports.Core.Reports.Metrics;

// "Domain": { "LenderMinimumDscr": 1.20, "LenderTargetDscr": 1.25, "DeliveryTargetMargin": 0.25 }
public sealed class DomainOptions
{
    public const string SectionName = "Domain";

    // A lender usually wants NOI to cover debt service 1.20–1.25 times; below the minimum a refinance or new loan is refused.
    [Range(0.5, 5)]
    public required decimal LenderMinimumDscr { get; init; }

    [Range(0.5, 5)]
    public required decimal LenderTargetDscr { get; init; }

    // Gross margin a delivery job should earn after crew, fuel and travel, before overhead.
    [Range(0, 1)]
    public required decimal DeliveryTargetMargin { get; init; }

    public static DomainOptions Default { get; } = new()
    {
        LenderMinimumDscr = 1.20m,
        LenderTargetDscr = 1.25m,
        DeliveryTargetMargin = 0.25m,
    };
}
