using System.Globalization;
using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using Microsoft.Extensions.Options;

namespace ExecReports.Core.Reports.Finance;

// "Ota": { "Fees": [ { "Channel": "Viator", "EffectiveFrom": "2025-01-01", "CommissionRate": 0.25, "Note": "..." } ] }
// Commission rates are configuration with effective dates because the marketplaces change them.
public sealed class OtaOptions
{
    public const string SectionName = "Ota";

    public required IReadOnlyList<OtaFeeEntry> Fees { get; init; }
}

public sealed class OtaFeeEntry
{
    public required string Channel { get; init; }

    // yyyy-MM-dd; the entry applies to every period ending on or after this day until a later entry replaces it.
    public required string EffectiveFrom { get; init; }

    public required decimal CommissionRate { get; init; }

    // Where the rate comes from and how sure it is ("typically 20–30%, midpoint until the agreement is signed").
    public required string Note { get; init; }

    // A method, not a property: the configuration binder reads properties before EffectiveFrom is validated.
    public DateOnly EffectiveDate() => DateOnly.ParseExact(EffectiveFrom, OtaFeeSchedule.DateFormat, CultureInfo.InvariantCulture);
}

public sealed class OtaFeeSchedule(IReadOnlyList<OtaFeeEntry> fees)
{
    public const string DateFormat = "yyyy-MM-dd";

    // The marketplaces the schedule knows, in a stable order.
    public IReadOnlyList<string> Channels { get; } = fees.Select(f => f.Channel).Distinct(StringComparer.OrdinalIgnoreCase)
        .Order(StringComparer.Ordinal).ToList();

    public bool Covers(string channel) => Channels.Contains(channel, StringComparer.OrdinalIgnoreCase);

    // The latest entry that took effect on or before the period's last day; null when none had yet.
    public OtaFeeEntry? InForce(string channel, Period period) => fees
        .Where(f => string.Equals(f.Channel, channel, StringComparison.OrdinalIgnoreCase) && f.EffectiveDate() <= period.LastDay)
        .OrderByDescending(f => f.EffectiveDate())
        .FirstOrDefault();

    public static IReadOnlyList<string> Problems(OtaOptions options)
    {
        var problems = new List<string>();
        for (var i = 0; i < options.Fees.Count; i++)
        {
            var fee = options.Fees[i];
            var at = $"{OtaOptions.SectionName}:Fees:{i}";
            if (string.IsNullOrWhiteSpace(fee.Channel)) problems.Add($"{at}:Channel is required");
            if (!DateOnly.TryParseExact(fee.EffectiveFrom, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                problems.Add($"{at}:EffectiveFrom '{fee.EffectiveFrom}' is not a date in the form yyyy-MM-dd");
            }

            if (fee.CommissionRate is < 0 or > 1) problems.Add($"{at}:CommissionRate {fee.CommissionRate.ToString(CultureInfo.InvariantCulture)} must be between 0 and 1");
            if (string.IsNullOrWhiteSpace(fee.Note)) problems.Add($"{at}:Note is required (say where the rate comes from)");
        }

        foreach (var duplicate in options.Fees.GroupBy(f => (Channel: f.Channel.ToLowerInvariant(), f.EffectiveFrom)).Where(g => g.Count() > 1))
        {
            problems.Add($"{OtaOptions.SectionName}:Fees: {duplicate.First().Channel} has {duplicate.Count()} entries effective {duplicate.Key.EffectiveFrom}");
        }

        return problems;
    }
}

public sealed class OtaOptionsValidator : IValidateOptions<OtaOptions>
{
    public ValidateOptionsResult Validate(string? name, OtaOptions options) =>
        OtaFeeSchedule.Problems(options) is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
