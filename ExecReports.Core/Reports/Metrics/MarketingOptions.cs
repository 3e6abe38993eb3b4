using System.ComponentModel.DataAnnotations;

namespace ExecReports.Core.Reports.Metrics;

// "Marketing": { "AttributionWindowDays": 7, "BenchmarkName": "all industries", "BenchmarkOpenRate": 0.2271,
//                "BenchmarkClickRate": 0.0291, "NoisyListThreshold": 1000, "EmailProductionCostPerBlast": 150,
//                "Marketplaces": [ { "Channel": "Viator", "Sells": "...", "FitWords": ["tour", ...], "ListingLeadDays": 28 } ] }
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

    // Copy, design and list work a blast takes on top of what the platform charges (recorded as the blast's cost):
    // the fully loaded cost is recorded cost + this.
    [Range(0, 1_000_000)]
    public required decimal EmailProductionCostPerBlast { get; init; }

    // What each marketplace sells and how long a new listing takes to go live: the OTA order weighs these, not only price.
    public required IReadOnlyList<MarketplaceProfile> Marketplaces { get; init; }

    public static MarketingOptions Default { get; } = new()
    {
        EmailProductionCostPerBlast = 150m,
        Marketplaces =
        [
            new() { Channel = "Viator", Sells = "tours and activities booked per seat by visitors", FitWords = ["tour", "tours", "cruise", "cruises", "sightseeing", "harbour", "harbor"], ListingLeadDays = 28 },
            new() { Channel = "GetYourGuide", Sells = "tours and activities booked per seat by visitors", FitWords = ["tour", "tours", "cruise", "cruises", "sightseeing", "harbour", "harbor"], ListingLeadDays = 21 },
            new() { Channel = "Sailo", Sells = "private boat and yacht charters", FitWords = ["charter", "charters", "yacht", "private sails", "overnight"], ListingLeadDays = 7 },
            new() { Channel = "GetMyBoat", Sells = "private boat and yacht charters", FitWords = ["charter", "charters", "yacht", "private sails", "boat"], ListingLeadDays = 5 },
        ],
        AttributionWindowDays = 7,
        BenchmarkName = "all industries",
        BenchmarkOpenRate = 0.2271m,
        BenchmarkClickRate = 0.0291m,
        NoisyListThreshold = 1000,
    };
}

public sealed class MarketplaceProfile
{
    [Required]
    public required string Channel { get; init; }

    // The marketplace's buyers, in words; two marketplaces with the same Sells compete for the same customer.
    [Required]
    public required string Sells { get; init; }

    // Words in a catalog entity's description that show its offer is what these buyers look for.
    public required IReadOnlyList<string> FitWords { get; init; }

    [Range(0, 365)]
    public required int ListingLeadDays { get; init; }
}
