using System.Globalization;

namespace ExecReports.Core.Reports.Metrics;

// One rounding rule for display, shared by reports, the dashboard and the validator's figure check.
public static class MetricFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Format(decimal? value, MetricUnit unit) => value is not { } v ? "n/a" : unit switch
    {
        MetricUnit.Usd => Money(v),
        MetricUnit.UsdPerMonth => Money(v) + "/mo",
        MetricUnit.Percent => (v * 100m).ToString("0.0", Invariant) + "%",
        MetricUnit.PercentagePoints => (v * 100m).ToString("0.0", Invariant) + " pp",
        MetricUnit.Months => v.ToString("0.0", Invariant) + " months",
        MetricUnit.Count => v.ToString("#,0", Invariant),
        MetricUnit.Ratio => v.ToString("0.00", Invariant) + "x",
        MetricUnit.Hours => v.ToString("0.#", Invariant) + " h",
        MetricUnit.Days => v.ToString("0.#", Invariant) + " days",
        _ => v.ToString(Invariant),
    };

    // $7,140 below ten thousand; $12.3K above — exact enough for an executive, short enough for a table.
    public static string Money(decimal value)
    {
        var sign = value < 0 ? "-" : "";
        var abs = Math.Abs(value);
        return abs switch
        {
            >= 1_000_000m => $"{sign}${(abs / 1_000_000m).ToString("0.0#", Invariant)}M",
            >= 10_000m => $"{sign}${(abs / 1_000m).ToString("0.0", Invariant)}K",
            _ => $"{sign}${abs.ToString("#,0", Invariant)}",
        };
    }
}
