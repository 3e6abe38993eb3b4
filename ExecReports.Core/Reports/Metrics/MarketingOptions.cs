using System.ComponentModel.DataAnnotations;

namespace ExecReports.Core.Reports.Metrics;

// "Marketing": { "AttributionWindowDays": 7, "BenchmarkName": "all industries", "BenchmarkOpenRate": 0.2271,
//                "BenchmarkClickRate": 0.0291, "NoisyListThreshold": 1000 }
public sealed class MarketingOptions
{
    public const string SectionName = "Marketing";

    // Bookings within this many days of a send count towards the blast.
    [Range(1, 90)]
    public required int AttributionWindowDays { get; init; }

    [Required]
    public required string BenchmarkName { get; init; }

    [Range(0, 1)]
    public required decimal BenchmarkOpenRate { get; init; }

    [Range(0, 1)]
    public required decimal BenchmarkClickRate { get; init; }

    // Below this many recipients one booking more or less swings the rates too much to judge.
    [Range(0, int.MaxValue)]
    public required int NoisyListThreshold { get; init; }

    public static MarketingOptions Default { get; } = new()
    {
        AttributionWindowDays = 7,
        BenchmarkName = "all industries",
        BenchmarkOpenRate = 0.2271m,
        BenchmarkClickRate = 0.0291m,
        NoisyListThreshold = 1000,
    };
}
