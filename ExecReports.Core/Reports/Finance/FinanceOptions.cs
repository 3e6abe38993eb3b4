using System.ComponentModel.DataAnnotations;

namespace ExecReports.Core.Reports.Finance;

// "Finance": { "MinimumCash": 10000, "MaterialityPercent": 0.10, "MaterialityAmount": 500, "TargetBufferPercent": 0.10,
//              "EntityMinimumCash": 2000, "EntityMinimumCashById": { "rental-3028-51st": 5000 } }
public sealed class FinanceOptions : IValidatableObject
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

    // The free cash each entity must keep on its own; one entity running dry is not hidden by the others' cash.
    [Range(0, double.MaxValue)]
    public decimal EntityMinimumCash { get; init; } = 2_000m;

    // Per entity id, overriding EntityMinimumCash.
    public Dictionary<string, decimal> EntityMinimumCashById { get; init; } = new(StringComparer.Ordinal);

    public decimal MinimumCashFor(string entityId) =>
        EntityMinimumCashById.TryGetValue(entityId, out var minimum) ? minimum : EntityMinimumCash;

    // The config key a per-entity minimum came from, quoted as the figure's input.
    public string MinimumCashKeyFor(string entityId) =>
        EntityMinimumCashById.ContainsKey(entityId) ? $"Finance:EntityMinimumCashById:{entityId}" : "Finance:EntityMinimumCash";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        EntityMinimumCashById.Where(e => e.Value < 0)
            .Select(e => new ValidationResult($"Finance:EntityMinimumCashById:{e.Key} is {e.Value}; a minimum cash cannot be negative.", [nameof(EntityMinimumCashById)]));

    public static FinanceOptions Default { get; } = new()
    {
        MinimumCash = 10_000m,
        MaterialityPercent = 0.10m,
        MaterialityAmount = 500m,
        TargetBufferPercent = 0.10m,
    };
}
