using System.ComponentModel.DataAnnotations;

namespace ExecReports.Core.Reconciliation;

// "Reconciliation": { "MoneyPercent": 0.10, "MoneyAmount": 100, "CountPercent": 0.10, "CountMinimum": 2, "RatePercent": 0.02 }
// A stated figure conflicts with the books only past materiality: money past both money thresholds, a count past both
// count thresholds, a rate (a unit price every hour or month is billed at) past the rate share. A stated state
// ("unit B vacant") conflicts whenever it differs.
public sealed class ReconciliationOptions
{
    public const string SectionName = "Reconciliation";

    [Range(0, 1)]
    public required decimal MoneyPercent { get; init; }

    [Range(0, double.MaxValue)]
    public required decimal MoneyAmount { get; init; }

    [Range(0, 1)]
    public required decimal CountPercent { get; init; }

    [Range(0, int.MaxValue)]
    public required int CountMinimum { get; init; }

    [Range(0, 1)]
    public required decimal RatePercent { get; init; }

    public static ReconciliationOptions Default { get; } = new()
    {
        MoneyPercent = 0.10m,
        MoneyAmount = 100m,
        CountPercent = 0.10m,
        CountMinimum = 2,
        RatePercent = 0.02m,
    };
}
