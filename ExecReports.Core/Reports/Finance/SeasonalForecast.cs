using ExecReports.Core.Primitives;

namespace ExecReports.Core.Reports.Finance;

public enum ForecastMethod { Seasonal, RunRate, None }

// The primary forecast of one monthly series (cash received, or expenses). A seasonal business is forecast from the same
// month last year, scaled by year-on-year growth: the last (up to) three months against the same months a year
// earlier. With fewer than 12 months there is no same month last year, so the trailing 3-month average is held flat;
// the method and the reason travel with the forecast so every figure built on it can say which was used.
public sealed record SeasonalForecast(ForecastMethod Method, IReadOnlyList<decimal> History, decimal Growth, int GrowthMonths, string Why)
{
    public const int SeasonMonths = 12;
    public const int GrowthWindow = 3;
    public const int RunRateMonths = 3;

    // history: consecutive months, oldest first, the last one the report's month.
    public static SeasonalForecast Fit(IReadOnlyList<decimal> history)
    {
        var n = history.Count;
        if (n >= SeasonMonths)
        {
            var pairs = Math.Min(GrowthWindow, n - SeasonMonths);
            if (pairs == 0)
            {
                return new(ForecastMethod.Seasonal, history, 1m, 0,
                    "seasonal: same month last year; 12 months of history give no month a year earlier to measure growth against, so growth is taken as 0 %");
            }

            var recent = history.Skip(n - pairs).Sum();
            var yearEarlier = history.Skip(n - pairs - SeasonMonths).Take(pairs).Sum();
            if (yearEarlier <= 0)
            {
                return new(ForecastMethod.Seasonal, history, 1m, 0,
                    $"seasonal: same month last year; the {pairs} month(s) a year earlier sum to zero, so growth is taken as 0 %");
            }

            return new(ForecastMethod.Seasonal, history, recent / yearEarlier, pairs,
                $"seasonal: same month last year × year-on-year growth (last {pairs} month(s) ÷ the same month(s) a year earlier)");
        }

        if (n >= RunRateMonths)
        {
            return new(ForecastMethod.RunRate, history, 1m, 0,
                $"run rate: trailing 3-month average held flat, because {n} months of history give no same month last year (a seasonal forecast needs 12)");
        }

        return new(ForecastMethod.None, history, 1m, 0, $"insufficient data: {n} month{(n == 1 ? "" : "s")} of history (needs 3)");
    }

    // k months after the report's month (k ≥ 1); each further year compounds the growth once more.
    public decimal? Project(int k) => Method switch
    {
        ForecastMethod.Seasonal => History[History.Count - SeasonMonths + (k - 1) % SeasonMonths] * Power(Growth, (k - 1) / SeasonMonths + 1),
        ForecastMethod.RunRate => History.Skip(History.Count - RunRateMonths).Average(),
        _ => null,
    };

    // The consecutive months of one figure that end at the report's month, up to 24 back; a gap ends the history.
    public static IReadOnlyList<decimal> HistoryOf(IReadOnlyList<PortfolioMonth> series, Period period, Func<PortfolioMonth, decimal> figure)
    {
        var byPeriod = series.ToDictionary(m => m.Period);
        var values = new List<decimal>();
        for (var month = period; values.Count < 2 * SeasonMonths && byPeriod.TryGetValue(month, out var found); month = month.AddMonths(-1))
        {
            values.Add(figure(found));
        }

        values.Reverse();
        return values;
    }

    private static decimal Power(decimal value, int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= value;
        }

        return result;
    }
}
