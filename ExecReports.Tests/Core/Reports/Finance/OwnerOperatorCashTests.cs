using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reports.Finance;
using ExecReports.Core.Reports.Metrics;

namespace ExecReports.Tests.Core.Reports.Finance;

// Every expected value below was worked out by hand from the months in the test.
public class OwnerOperatorCashTests
{
    private static readonly Period November = Period.Parse("2026-11");

    // Net burn 8,500 / 8,000 / 7,500 / 7,000; the owner draws 2,000 a month; November holds 3,000 of customer
    // deposits (1,000 in October) and 1,500 of tenant security deposits (1,500 in October).
    // Cash: 92,500 − 7,000 operating − 2,000 draw + 2,000 deposits taken = 85,500, so the bridge ties with nothing left.
    private static KpiMonth Month(string period, decimal received, decimal variableCost, decimal cash, decimal customerDeposits = 0, decimal securityDeposits = 0) => new()
    {
        EntityId = "jada",
        Period = Period.Parse(period),
        Currency = "USD",
        Revenue = [new RevenueLine { Stream = "charters", Amount = received, Received = received }],
        Expenses =
        [
            new ExpenseLine { Description = "slip", Category = "Occupancy", AccountCode = "6100", Amount = 12_000, Fixed = true },
            new ExpenseLine { Description = "fuel", Category = "Cost of sales", AccountCode = "5000", Amount = variableCost },
        ],
        CashOnHand = cash,
        OwnerDraws = 2_000,
        CustomerDeposits = customerDeposits,
        SecurityDeposits = securityDeposits,
    };

    private static IReadOnlyList<KpiMonth> Months() =>
    [
        Month("2026-08", 9_500, 6_000, 110_000),
        Month("2026-09", 10_000, 6_000, 100_000),
        Month("2026-10", 11_000, 6_500, 92_500, customerDeposits: 1_000, securityDeposits: 1_500),
        Month("2026-11", 12_000, 7_000, 85_500, customerDeposits: 3_000, securityDeposits: 1_500),
    ];

    private static MetricBook Compute(IReadOnlyList<string>? entities = null)
    {
        var book = new MetricBook();
        new CfoModel(FinanceOptions.Default).Compute(November, Months(), book, entities);
        return book;
    }

    [Fact]
    public void NetBurnAfterDrawsAddsTheOwnersDrawsToOperatingBurn()
    {
        var book = Compute();

        Assert.Equal(7_000m, book.Get(CfoMetricIds.NetBurn).Value);
        Assert.Equal(9_000m, book.Get(CfoMetricIds.NetBurnAfterDraws).Value);
        Assert.Equal(9_500m, book.Get(CfoMetricIds.NetBurnAfterDrawsAverage).Value);    // (10,500 + 10,000 + 9,000) ÷ 3
    }

    [Fact]
    public void FreeCashIsCashLessCustomerAndSecurityDeposits()
    {
        var book = Compute();

        Assert.Equal(81_000m, book.Get(CfoMetricIds.FreeCash).Value);    // 85,500 − 3,000 − 1,500
        Assert.Equal(1_500m, book.Get(CfoMetricIds.SecurityDeposits).Value);
        Assert.Equal(3_000m, book.Get(CfoMetricIds.CustomerDeposits).Value);
    }

    [Fact]
    public void CashBridgeTiesOpeningToClosingCash()
    {
        var book = Compute();
        string[] lines = ["operating", "owner-draws", "capital-injections", "customer-deposits", "security-deposits", "unexplained"];

        Assert.Equal(92_500m, book.Get(CfoMetricIds.BridgeOpening).Value);
        Assert.Equal(-7_000m, book.Get(CfoMetricIds.Bridge("operating")).Value);
        Assert.Equal(-2_000m, book.Get(CfoMetricIds.Bridge("owner-draws")).Value);
        Assert.Equal(2_000m, book.Get(CfoMetricIds.Bridge("customer-deposits")).Value);
        Assert.Equal(0m, book.Get(CfoMetricIds.Bridge("security-deposits")).Value);
        Assert.Equal(0m, book.Get(CfoMetricIds.Bridge("unexplained")).Value);
        Assert.Equal(book.Get(CfoMetricIds.Cash).Value, 92_500m + lines.Sum(l => book.Get(CfoMetricIds.Bridge(l)).Value!.Value));
    }

    [Fact]
    public void CashBridgeShowsWhatTheInputsDoNotExplain()
    {
        var opening = new PortfolioMonth { Period = Period.Parse("2026-10"), Entities = [Months()[2]] };
        var closing = new PortfolioMonth { Period = November, Entities = [Months()[3] with { CashOnHand = 85_000 }] };

        var bridge = CashBridge.Between(opening, closing);

        Assert.Equal(-500m, bridge.Unexplained);
        Assert.Equal(bridge.Closing, bridge.Opening + bridge.Lines.Sum(l => l.Amount));
    }

    [Fact]
    public void ConservativeRunwayIsTheLowestDefinitionOnFreeCashAfterDraws()
    {
        var book = Compute();

        Assert.Equal(11.4m, book.Get(CfoMetricIds.RunwayTrailing).Value);                              // 85,500 ÷ 7,500
        Assert.Equal(Math.Round(81_000m / 9_500m, 4), book.Get(CfoMetricIds.RunwayFreeCashAfterDraws).Value);   // 8.5263
        Assert.Equal(Math.Round(81_000m / 9_500m, 4), book.Get(CfoMetricIds.RunwayConservative).Value);
    }

    [Fact]
    public void EachEntityHasItsOwnRunwayAndAnEntityWithoutInputsSaysSo()
    {
        var book = Compute(["jada", "ghost"]);

        Assert.Equal(81_000m, book.Get(CfoMetricIds.Entity("jada", "free-cash")).Value);
        Assert.Equal(7_500m, book.Get(CfoMetricIds.Entity("jada", "burn.net.avg3")).Value);
        Assert.Equal(9_500m, book.Get(CfoMetricIds.Entity("jada", "burn.net-after-draws.avg3")).Value);
        Assert.Equal(Math.Round(81_000m / 9_500m, 4), book.Get(CfoMetricIds.Entity("jada", "runway")).Value);
        Assert.Equal("no KPI inputs recorded for 2026-11", book.Get(CfoMetricIds.Entity("ghost", "runway")).Display);
    }

    // Received 30,000 against 18,000 of expenses and a 2,000 draw, cash flat: every definition is ∞, so the
    // conservative runway is null (infinite), not a number.
    [Fact]
    public void ConservativeRunwayIsInfiniteOnlyWhenCashPositiveAfterDraws()
    {
        var months = new[] { "2026-08", "2026-09", "2026-10", "2026-11" }.Select(p => Month(p, 30_000, 6_000, 100_000)).ToList();
        var book = new MetricBook();
        new CfoModel(FinanceOptions.Default).Compute(November, months, book);

        Assert.Equal(-10_000m, book.Get(CfoMetricIds.NetBurnAfterDrawsAverage).Value);
        Assert.Null(book.Get(CfoMetricIds.RunwayConservative).Value);
        Assert.Equal("∞", book.Get(CfoMetricIds.RunwayConservative).Display);
    }

    // Never "Invest" while the conservative runway is under 6 months — nor under 12.
    [Theory]
    [InlineData(4.4, false, Posture.PreserveCash)]
    [InlineData(5.99, false, Posture.PreserveCash)]
    [InlineData(6.0, false, Posture.Selective)]
    [InlineData(11.9, false, Posture.Selective)]
    [InlineData(12.0, false, Posture.Invest)]
    [InlineData(null, true, Posture.CashPositive)]
    [InlineData(null, false, Posture.PreserveCash)]    // no runway can be computed: do not spend
    public void PostureFollowsTheConservativeRunway(double? months, bool infinite, Posture expected) =>
        Assert.Equal(expected, CapitalPosture.For(months is { } m ? (decimal)m : null, infinite));
}
