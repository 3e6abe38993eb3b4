using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reports.Finance;
using ExecReports.Core.Reports.Metrics;

namespace ExecReports.Tests.Core.Reports.Finance;

// Every expected value below was worked out by hand from the months in the test.
public class SeasonalForecastTests
{
    private static readonly Period November = Period.Parse("2026-11");

    // Cash received 2025-09 … 2026-11: a summer business; the last three months are 1.2 × the same months a year
    // earlier (12,000 + 9,600 + 7,200 = 28,800 against 10,000 + 8,000 + 6,000 = 24,000). Expenses 9,000 every month.
    private static readonly decimal[] Received =
        [10_000, 8_000, 6_000, 4_000, 3_000, 3_000, 5_000, 7_000, 9_000, 11_000, 12_000, 12_000, 12_000, 9_600, 7_200];

    private static IReadOnlyList<KpiMonth> Months(int count, decimal cash = 10_000) =>
        Received.Select((received, i) => new KpiMonth
        {
            EntityId = "jada",
            Period = Period.Parse("2025-09").AddMonths(i),
            Currency = "USD",
            Revenue = [new RevenueLine { Stream = "charters", Amount = received, Received = received }],
            Expenses = [new ExpenseLine { Description = "slip", Category = "Occupancy", AccountCode = "6100", Amount = 9_000, Fixed = true }],
            CashOnHand = cash,
        }).TakeLast(count).ToList();

    private static MetricBook Compute(int months)
    {
        var book = new MetricBook();
        new CfoModel(FinanceOptions.Default).Compute(November, Months(months), book);
        return book;
    }

    [Fact]
    public void SameMonthLastYearIsScaledByYearOnYearGrowth()
    {
        var fit = SeasonalForecast.Fit(Received);

        Assert.Equal(ForecastMethod.Seasonal, fit.Method);
        Assert.Equal(1.2m, fit.Growth);
        Assert.Equal(4_800m, fit.Project(1));     // 2025-12: 4,000 × 1.2
        Assert.Equal(3_600m, fit.Project(2));     // 2026-01: 3,000 × 1.2
        Assert.Equal(8_640m, fit.Project(12));    // 2026-11: 7,200 × 1.2
        Assert.Equal(5_760m, fit.Project(13));    // 2025-12 two years on: 4,000 × 1.2²
    }

    [Fact]
    public void PrimaryForecastIsSeasonalAndFeedsTheForecastRunway()
    {
        var book = Compute(15);

        Assert.Equal(0.2m, book.Get(CfoMetricIds.ForecastGrowth("cash-in")).Value);
        Assert.Equal(0m, book.Get(CfoMetricIds.ForecastGrowth("expenses")).Value);
        Assert.Equal(4_800m, book.Get(CfoMetricIds.ForecastFor(Period.Parse("2026-12"), "cash-in")).Value);
        Assert.Equal(9_000m, book.Get(CfoMetricIds.ForecastFor(Period.Parse("2026-12"), "expenses")).Value);
        Assert.Equal(4_200m, book.Get(CfoMetricIds.ForecastFor(Period.Parse("2026-12"), "net-burn")).Value);
        Assert.Contains("seasonal: same month last year × year-on-year growth", book.Get(CfoMetricIds.ForecastMethod).Display, StringComparison.Ordinal);
        // Burn 4,200 then 5,400 then 5,400: 10,000 leaves 5,800, then 400, which is 400/5,400 of the third month.
        Assert.Equal(Math.Round(2m + 400m / 5_400m, 4), book.Get(CfoMetricIds.RunwayForecast).Value);
    }

    [Fact]
    public void ConservativeRunwayCountsTheSeasonalForecastNotTheLinearSensitivity()
    {
        var book = Compute(15);

        // Trailing net burn (−3,000, −600, 1,800) is cash-positive and cash is flat, so only the seasonal forecast sees the winter.
        Assert.Equal("∞", book.Get(CfoMetricIds.RunwayTrailing).Display);
        Assert.Equal(book.Get(CfoMetricIds.RunwayForecast).Value, book.Get(CfoMetricIds.RunwayConservative).Value);
        Assert.Equal(MetricKind.Forecast, book.Get(CfoMetricIds.RunwayForecastLinear).Kind);
        Assert.DoesNotContain(book.Get(CfoMetricIds.RunwayConservative).Inputs, i => i.Source == MetricInput.MetricSource(CfoMetricIds.RunwayForecastLinear));
    }

    [Fact]
    public void BreakEvenMonthFollowsTheSeasonalForecast()
    {
        var book = Compute(15);

        // Trailing 12 months: 94,800 received − 108,000 paid = −13,200. Each forecast month replaces its month a year earlier
        // and adds 20 % of it: +800 (Dec), +600, +600, +1,000, +1,400, +1,800, +2,200, +2,400, +2,400 (Aug) reaches 0.
        // May alone (10,800 − 9,000) is positive, but one good month is not break-even.
        Assert.Equal("2027-08", book.Get(CfoMetricIds.BreakEvenMonth).Display);
        Assert.Equal(9m, book.Get(CfoMetricIds.BreakEvenMonth).Value);
    }

    [Fact]
    public void TwelveMonthsGiveTheSameMonthLastYearWithNoGrowthAndSaySo()
    {
        var book = Compute(12);

        // With no growth the year repeats: the rolling 12-month net income stays at −13,200.
        Assert.Equal("beyond 2031-11 on the seasonal forecast", book.Get(CfoMetricIds.BreakEvenMonth).Display);

        Assert.Equal(4_000m, book.Get(CfoMetricIds.ForecastFor(Period.Parse("2026-12"), "cash-in")).Value);   // 2025-12 as it was
        Assert.Equal(0m, book.Get(CfoMetricIds.ForecastGrowth("cash-in")).Value);
        Assert.Contains("no month a year earlier to measure growth against", book.Get(CfoMetricIds.ForecastMethod).Display, StringComparison.Ordinal);
    }

    [Fact]
    public void FewerThanTwelveMonthsUseTheRunRateAndSayWhy()
    {
        var book = Compute(6);

        // Trailing three months received 12,000 / 9,600 / 7,200: 9,600 held flat.
        Assert.Equal(9_600m, book.Get(CfoMetricIds.ForecastFor(Period.Parse("2027-03"), "cash-in")).Value);
        Assert.Equal("run rate: trailing 3-month average held flat, because 6 months of history give no same month last year (a seasonal forecast needs 12)",
            book.Get(CfoMetricIds.ForecastMethod).Display);
        Assert.Null(book.Get(CfoMetricIds.ForecastGrowth("cash-in")).Value);
    }

    [Fact]
    public void AGapInTheMonthsEndsTheHistory()
    {
        var months = Months(15).Where(m => m.Period != Period.Parse("2026-02")).ToList();
        var book = new MetricBook();
        new CfoModel(FinanceOptions.Default).Compute(November, months, book);

        // 2026-03 … 2026-11 is 9 consecutive months: not enough for a seasonal forecast.
        Assert.StartsWith("run rate", book.Get(CfoMetricIds.ForecastMethod).Display, StringComparison.Ordinal);
    }
}
