using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reports.Finance;
using ExecReports.Core.Reports.Metrics;

namespace ExecReports.Tests.Core.Reports.Finance;

// Every expected value below was worked out by hand from the months in the test.
public class CfoModelTests
{
    private static readonly Period November = Period.Parse("2026-11");

    private static KpiMonth Month(string period, decimal received, decimal fixedCost, decimal variableCost, decimal cash,
        decimal? target = null, decimal draws = 0, decimal injections = 0, IReadOnlyList<ChannelMetrics>? channels = null, string entity = "jada") => new()
    {
        EntityId = entity,
        Period = Period.Parse(period),
        Currency = "USD",
        Revenue = [new RevenueLine { Stream = "charters", Amount = received, Received = received }],
        Expenses =
        [
            new ExpenseLine { Description = "slip and insurance", Category = "Occupancy", AccountCode = "6100", Amount = fixedCost, Fixed = true },
            new ExpenseLine { Description = "fuel and crew", Category = "Cost of sales", AccountCode = "5000", Amount = variableCost },
        ],
        CashOnHand = cash,
        OwnerDraws = draws,
        CapitalInjections = injections,
        Targets = target is null ? null : new KpiTargets { MonthlyRevenueTarget = target },
        Channels = channels ?? [],
    };

    // Net burn 8,500 / 8,000 / 7,500 / 7,000 — a loss shrinking by $500 a month.
    private static IReadOnlyList<KpiMonth> Shrinking() =>
    [
        Month("2026-08", 9_500, 12_000, 6_000, 110_000),
        Month("2026-09", 10_000, 12_000, 6_000, 100_000),
        Month("2026-10", 11_000, 12_000, 6_500, 92_500),
        Month("2026-11", 12_000, 12_000, 7_000, 85_500, target: 15_000, channels:
        [
            new ChannelMetrics { Channel = "Sailo", Bookings = 10, Revenue = 6_000, CommissionRate = 0.20m },
            new ChannelMetrics { Channel = "direct web", Bookings = 10, Revenue = 4_000, CommissionRate = 0m },
        ]),
    ];

    private static MetricBook Compute(IReadOnlyList<KpiMonth> months, FinanceOptions? options = null)
    {
        var book = new MetricBook();
        new CfoModel(options ?? FinanceOptions.Default).Compute(November, months, book);
        return book;
    }

    [Fact]
    public void NetBurnIsExpensesLessCashReceivedWithItsTrailingRange()
    {
        var book = Compute(Shrinking());

        Assert.Equal(19_000m, book.Get(CfoMetricIds.GrossBurn).Value);
        Assert.Equal(7_000m, book.Get(CfoMetricIds.NetBurn).Value);
        Assert.Equal(7_500m, book.Get(CfoMetricIds.NetBurnAverage).Value);
        Assert.Equal(7_000m, book.Get(CfoMetricIds.NetBurnLow).Value);
        Assert.Equal(8_000m, book.Get(CfoMetricIds.NetBurnHigh).Value);
        Assert.Equal("$7,500/mo", book.Get(CfoMetricIds.NetBurnAverage).Display);
    }

    [Fact]
    public void OwnerDrawsAndCapitalInjectionsAreFinancingNotBurn()
    {
        var months = Shrinking().Select(m => m with { OwnerDraws = 5_000, CapitalInjections = 20_000 }).ToList();

        var book = Compute(months);

        Assert.Equal(7_000m, book.Get(CfoMetricIds.NetBurn).Value);
        Assert.Equal(5_000m, book.Get(CfoMetricIds.OwnerDraws).Value);
        Assert.Equal(20_000m, book.Get(CfoMetricIds.CapitalInjections).Value);
    }

    [Fact]
    public void RunwayThreeWays()
    {
        var book = Compute(Shrinking());

        Assert.Equal(11.4m, book.Get(CfoMetricIds.RunwayTrailing).Value);
        Assert.Equal("2027-10", book.Get(CfoMetricIds.CashZeroMonth).Display);
        Assert.Equal(Math.Round(75_500m / 7_500m, 4), book.Get(CfoMetricIds.RunwayToMinimumCash).Value);
        // Under 12 months: the run rate (7,500 a month) held flat; 85,500 lasts 11.4 months. The linear trend is a sensitivity.
        Assert.Equal(11.4m, book.Get(CfoMetricIds.RunwayForecast).Value);
        Assert.Equal("more than 12 months", book.Get(CfoMetricIds.RunwayForecastLinear).Display);
        // Cash fell from 110,000 to 85,500 over three months: 8,166.67 a month.
        Assert.Equal(Math.Round(85_500m / (24_500m / 3m), 4), book.Get(CfoMetricIds.RunwayCashChange).Value);
    }

    [Fact]
    public void ForecastRunwayEndsWhenTheTrendDrainsTheCash()
    {
        // Net burn 5,000 / 6,000 / 7,000: the linear sensitivity gives 8,000, 9,000, 10,000 …; 20,000 of cash lasts 2 months and
        // 3,000/10,000 of the third. The primary forecast (3 months, so the run rate 6,000) gives 20,000 ÷ 6,000.
        var months = new[]
        {
            Month("2026-09", 10_000, 10_000, 5_000, 40_000),
            Month("2026-10", 10_000, 10_000, 6_000, 30_000),
            Month("2026-11", 10_000, 10_000, 7_000, 20_000),
        };

        var book = Compute(months);

        Assert.Equal(2.3m, book.Get(CfoMetricIds.RunwayForecastLinear).Value);
        Assert.Equal(3.3333m, book.Get(CfoMetricIds.RunwayForecast).Value);
        Assert.Equal(MetricKind.Forecast, book.Get(CfoMetricIds.RunwayForecast).Kind);
    }

    [Fact]
    public void CashPositivePortfolioHasInfiniteRunwayAndHasBrokenEven()
    {
        var months = new[]
        {
            Month("2026-08", 30_000, 12_000, 6_000, 38_000),
            Month("2026-09", 30_000, 12_000, 6_000, 50_000),
            Month("2026-10", 30_000, 12_000, 6_000, 62_000),
            Month("2026-11", 30_000, 12_000, 6_000, 74_000),
        };

        var book = Compute(months);

        Assert.Equal(-12_000m, book.Get(CfoMetricIds.NetBurnAverage).Value);
        Assert.Equal("∞", book.Get(CfoMetricIds.RunwayTrailing).Display);
        Assert.Equal("∞", book.Get(CfoMetricIds.RunwayForecast).Display);
        Assert.Equal("∞", book.Get(CfoMetricIds.RunwayCashChange).Display);
        Assert.Equal("reached in 2026-11", book.Get(CfoMetricIds.BreakEvenMonth).Display);
        // CMR 0.8, break-even 15,000; margin of safety (30,000 − 15,000) ÷ 30,000.
        Assert.Equal(15_000m, book.Get(CfoMetricIds.BreakEvenRevenue).Value);
        Assert.Equal(0.5m, book.Get(CfoMetricIds.MarginOfSafety).Value);
    }

    [Fact]
    public void BreakEvenRevenueAndMarginOfSafety()
    {
        var book = Compute(Shrinking());

        // Revenue 11,000, variable 6,500, fixed 12,000: CMR 4,500/11,000; break-even 12,000 ÷ CMR = 29,333.33.
        Assert.Equal(Math.Round(4_500m / 11_000m, 4), book.Get(CfoMetricIds.ContributionMarginRatio).Value);
        Assert.Equal(29_333.3333m, book.Get(CfoMetricIds.BreakEvenRevenue).Value);
        Assert.Equal("$29.3K/mo", book.Get(CfoMetricIds.BreakEvenRevenue).Display);
        Assert.Equal(Math.Round((11_000m - 12_000m / (4_500m / 11_000m)) / 11_000m, 4), book.Get(CfoMetricIds.MarginOfSafety).Value);
        Assert.True(book.Get(CfoMetricIds.MarginOfSafety).Value < 0);
    }

    [Fact]
    public void BreakEvenMonthIsOnTheForecastWithTheLinearTrendAsSensitivity()
    {
        var book = Compute(Shrinking());

        // Run rate: net income −7,500 a month never reaches 0.
        Assert.Equal("not at the current run rate", book.Get(CfoMetricIds.BreakEvenMonth).Display);
        // Linear: net income −7,000 improving 500 a month reaches 0 after 14 months.
        Assert.Equal("2028-01", book.Get(CfoMetricIds.BreakEvenMonthLinear).Display);
        Assert.Null(book.Find("cfo.break-even.payback-month"));
    }

    [Fact]
    public void ABurnGettingWorseNeverBreaksEven()
    {
        var months = new[]
        {
            Month("2026-09", 10_000, 12_000, 5_000, 90_000),
            Month("2026-10", 10_000, 12_000, 6_000, 80_000),
            Month("2026-11", 10_000, 12_000, 7_000, 70_000),
        };

        var book = Compute(months);

        Assert.Equal("not on the linear trend", book.Get(CfoMetricIds.BreakEvenMonthLinear).Display);
        Assert.Equal("not at the current run rate", book.Get(CfoMetricIds.BreakEvenMonth).Display);
    }

    [Fact]
    public void TranslatesBreakEvenIntoBookingsAfterCommission()
    {
        var book = Compute(Shrinking());

        // Gap 18,333.33; average booking 500 less 12% weighted commission = 440; 41.67 → 42.
        Assert.Equal(42m, book.Get(CfoMetricIds.BookingsNeeded).Value);
    }

    [Fact]
    public void RevenueTargetsRampFromRevenueToBreakEvenPlusBufferByTheEndOfNextYear()
    {
        var book = Compute(Shrinking());

        Assert.Equal(15_000m, book.Get(CfoMetricIds.RevenueTarget).Value);
        // From revenue 11,000 to max(15,000, 29,333.33 × 1.1) over 13 months.
        Assert.Equal(12_636m, book.Get(CfoMetricIds.TargetFor(Period.Parse("2026-12"))).Value);
        Assert.Equal(32_267m, book.Get(CfoMetricIds.TargetFor(Period.Parse("2027-12"))).Value);
        Assert.Null(book.Find(CfoMetricIds.TargetFor(Period.Parse("2028-01"))));
    }

    [Fact]
    public void SaysWhenThereIsTooLittleHistory()
    {
        var book = Compute(Shrinking().Where(m => m.Period >= Period.Parse("2026-10")).ToList());

        Assert.Null(book.Get(CfoMetricIds.NetBurnAverage).Value);
        Assert.Equal("insufficient data: 2 months of history (needs 3)", book.Get(CfoMetricIds.NetBurnAverage).Display);
        Assert.Equal("insufficient data: 2 months of history (needs 3)", book.Get(CfoMetricIds.RunwayTrailing).Display);
    }

    [Fact]
    public void ZeroRevenueHasNoContributionMargin()
    {
        var months = new[]
        {
            Month("2026-09", 0, 1_000, 0, 10_000),
            Month("2026-10", 0, 1_000, 0, 9_000),
            Month("2026-11", 0, 1_000, 0, 8_000),
        };

        var book = Compute(months);

        Assert.Equal("no revenue received", book.Get(CfoMetricIds.BreakEvenRevenue).Display);
        Assert.Equal(8m, book.Get(CfoMetricIds.RunwayTrailing).Value);
    }

    [Fact]
    public void VariableCostsAboveRevenueMakeBreakEvenUnreachable()
    {
        var months = new[]
        {
            Month("2026-09", 5_000, 1_000, 6_000, 10_000),
            Month("2026-10", 5_000, 1_000, 6_000, 9_000),
            Month("2026-11", 5_000, 1_000, 6_000, 8_000),
        };

        Assert.Equal("unreachable: variable costs exceed revenue", Compute(months).Get(CfoMetricIds.BreakEvenRevenue).Display);
    }

    [Fact]
    public void EveryFigureNamesItsInputs()
    {
        var book = Compute(Shrinking());

        Assert.All(book.All.Where(m => m.Value is not null), m => Assert.NotEmpty(m.Inputs));
        var average = book.Get(CfoMetricIds.NetBurnAverage);
        Assert.Equal(new[] { "2026-09", "2026-10", "2026-11" }, average.Inputs.Select(i => i.Period ?? "").ToArray());
        Assert.All(average.Inputs, i => Assert.Equal("kpi:jada", i.Source));
    }
}
