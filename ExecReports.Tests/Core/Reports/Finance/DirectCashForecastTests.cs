using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reports.Finance;
using ExecReports.Core.Reports.Metrics;

namespace ExecReports.Tests.Core.Reports.Finance;

// Every expected value below was worked out by hand from the months in the test.
public class DirectCashForecastTests
{
    private static readonly Period November = Period.Parse("2026-11");

    // Rental, three months alike: mortgage 5,200 and insurance 165 (fixed), water 200 (variable, not a known item);
    // Unit A 2,000 rent with its lease ending 2026-12-31, Unit B 1,000 with no end; 3,000 of security deposits; cash 20,000.
    private static KpiMonth Rental(string period, decimal? principal = null) => new()
    {
        EntityId = "rental", Period = Period.Parse(period), Currency = "USD",
        Revenue = [new RevenueLine { Stream = "Rent", Amount = 3_000, Received = 3_000 }],
        Expenses =
        [
            new ExpenseLine { Description = "Mortgage payment", Category = "Mortgage", AccountCode = "6070", Amount = 5_200, Fixed = true,
                Principal = principal, Interest = principal is { } p ? 5_200 - p : null },
            new ExpenseLine { Description = "Landlord insurance", Category = "Insurance", AccountCode = "6010", Amount = 165, Fixed = true },
            new ExpenseLine { Description = "Water", Category = "Utilities", AccountCode = "6090", Amount = 200 },
        ],
        CashOnHand = 20_000, SecurityDeposits = 3_000,
        Rental = new RentalData
        {
            Units =
            [
                new RentalUnit { Name = "Unit A", Rent = 2_000, LeaseEnd = new DateOnly(2026, 12, 31), Occupied = true },
                new RentalUnit { Name = "Unit B", Rent = 1_000, Occupied = true },
            ],
        },
    };

    // The consultancy draws 5,000 every month and pays 300 of coworking (fixed); cash 10,000.
    private static KpiMonth Consultancy(string period) => new()
    {
        EntityId = "dc", Period = Period.Parse(period), Currency = "USD",
        Expenses = [new ExpenseLine { Description = "Coworking", Category = "Office", AccountCode = "6110", Amount = 300, Fixed = true }],
        CashOnHand = 10_000, OwnerDraws = 5_000,
    };

    // The delivery business has only November (so none of its costs is "recurring"): one job due 2026-12-12 for 10,000,
    // one scheduled without a date for 4,000; cash 1,000.
    private static KpiMonth Delivery() => new()
    {
        EntityId = "yacht", Period = November, Currency = "USD",
        Expenses = [new ExpenseLine { Description = "Insurance rider", Category = "Insurance", AccountCode = "6010", Amount = 300, Fixed = true }],
        CashOnHand = 1_000,
        YachtDelivery = new YachtDeliveryData
        {
            Jobs =
            [
                new DeliveryJob { Id = "J1", From = "A", To = "B", Quote = 10_000, Status = DeliveryStatus.Scheduled, DeliveryDate = new DateOnly(2026, 12, 12) },
                new DeliveryJob { Id = "J2", From = "A", To = "C", Quote = 4_000, Status = DeliveryStatus.Scheduled },
                new DeliveryJob { Id = "J3", From = "A", To = "D", Quote = 9_000, Status = DeliveryStatus.Quoted, DeliveryDate = new DateOnly(2026, 12, 20) },
            ],
        },
    };

    private static IReadOnlyList<KpiMonth> Months(decimal? principal = null) =>
    [
        Rental("2026-09", principal), Rental("2026-10", principal), Rental("2026-11", principal),
        Consultancy("2026-09"), Consultancy("2026-10"), Consultancy("2026-11"),
        Delivery(),
    ];

    private static MetricBook Compute(decimal? principal = null)
    {
        var book = new MetricBook();
        new CfoModel(FinanceOptions.Default).Compute(November, Months(principal), book);
        return book;
    }

    [Fact]
    public void WeeklyRowsRunFromCashOnHandThroughKnownItemsOnly()
    {
        var book = Compute();
        decimal? Closing(int week) => book.Get(DirectCashForecast.Week(week, "closing")).Value;

        // Opening 20,000 + 10,000 + 1,000. Each 1st (Dec 1 wk 1, Jan 1 wk 5, Feb 1 wk 9, Mar 1 wk 13) pays mortgage 5,200
        // + insurance 165 + coworking 300 + draw 5,000 = 10,665 and receives Unit B's 1,000; Unit A's 2,000 only on Dec 1.
        Assert.Equal(31_000m, book.Get(DirectCashForecast.Week(1, "opening")).Value);
        Assert.Equal(3_000m, book.Get(DirectCashForecast.Week(1, "in")).Value);
        Assert.Equal(10_665m, book.Get(DirectCashForecast.Week(1, "out")).Value);
        Assert.Equal(23_335m, Closing(1));                 // 31,000 + 3,000 − 10,665
        Assert.Equal(33_335m, Closing(2));                 // + the 10,000 job due Dec 12 (the quoted job is not counted)
        Assert.Equal(33_335m, Closing(4));
        // Week 5 (Dec 29–Jan 4): Unit A's lease ends Dec 31, its share of deposits 3,000 × 2,000 ÷ 3,000 = 2,000 is refunded.
        Assert.Equal(12_665m, book.Get(DirectCashForecast.Week(5, "out")).Value);
        Assert.Equal(21_670m, Closing(5));                 // 33,335 + 1,000 − 12,665
        Assert.Equal(12_005m, Closing(9));                 // 21,670 + 1,000 − 10,665
        Assert.Equal(2_340m, Closing(13));                 // 12,005 + 1,000 − 10,665
    }

    [Fact]
    public void TheLowestWeekIsFlaggedAgainstMinimumCash()
    {
        var book = Compute();

        Assert.Equal(2_340m, book.Get(DirectCashForecast.Low).Value);
        Assert.Contains("week 13", book.Get(DirectCashForecast.Low).Label, StringComparison.Ordinal);
        Assert.Equal(-7_660m, book.Get(DirectCashForecast.LowHeadroom).Value);     // 2,340 − 10,000 minimum
        Assert.Equal(4_000m, book.Get(DirectCashForecast.Undated).Value);          // J2 has no delivery date
    }

    [Fact]
    public void AMonthWithNoInputsGivesNoWeeksAndSaysWhy()
    {
        var book = new MetricBook();
        new CfoModel(FinanceOptions.Default).Compute(Period.Parse("2026-12"), Months(), book);

        Assert.Null(book.Get(DirectCashForecast.Low).Value);
        Assert.Null(book.Find(DirectCashForecast.Week(1, "closing")));
        Assert.Equal("no KPI inputs recorded for 2026-12", book.Get(DirectCashForecast.Low).Display);
    }

    [Fact]
    public void OnlyTheInterestOfASplitLoanPaymentIsAFixedCost()
    {
        var unsplit = Compute();
        var split = Compute(principal: 1_950);

        // Fixed: mortgage 5,200 + insurance 165 + coworking 300 = 5,665 a month, plus the delivery rider 300 in November
        // only: (5,665 + 5,665 + 5,965) ÷ 3 = 5,765. Split, the 1,950 principal is financing: 5,765 − 1,950 = 3,815.
        Assert.Equal(5_765m, unsplit.Get(CfoMetricIds.FixedCostsAverage).Value);
        Assert.Equal(5_200m, unsplit.Get(CfoMetricIds.DebtServiceCashBasis).Value);
        Assert.Equal(0m, unsplit.Get(CfoMetricIds.LoanPrincipal).Value);
        Assert.Equal(3_815m, split.Get(CfoMetricIds.FixedCostsAverage).Value);
        Assert.Equal(0m, split.Get(CfoMetricIds.DebtServiceCashBasis).Value);
        Assert.Equal(1_950m, split.Get(CfoMetricIds.LoanPrincipal).Value);
        // Cash basis is unchanged: the principal still leaves the bank, so net burn is the same either way.
        Assert.Equal(unsplit.Get(CfoMetricIds.NetBurn).Value, split.Get(CfoMetricIds.NetBurn).Value);
    }

    [Fact]
    public void OpenInvoicesAreCollectedOnTheirDueDateAndOverdueOnesAreNotCounted()
    {
        // One client: 3,500 due 2026-12-01 (week 1), 2,000 due 2026-12-20 with 500 already paid (week 3, 1,500),
        // 900 overdue since 2026-11-15 (no date to expect it on). Cash 0.
        var billing = new KpiMonth
        {
            EntityId = "portfolio", Period = November, Currency = "USD",
            Portfolio = new PortfolioData
            {
                Clients =
                [
                    new PortfolioClient
                    {
                        Name = "Harbor", BillingType = BillingType.Retainer, Invoiced = 6_400, Paid = 500,
                        OpenInvoices =
                        [
                            new OpenInvoice { Number = "H-1", Due = new DateOnly(2026, 12, 1), Amount = 3_500 },
                            new OpenInvoice { Number = "H-2", Due = new DateOnly(2026, 12, 20), Amount = 2_000, Paid = 500 },
                            new OpenInvoice { Number = "H-0", Due = new DateOnly(2026, 11, 15), Amount = 900 },
                        ],
                    },
                ],
            },
        };
        var book = new MetricBook();
        new CfoModel(FinanceOptions.Default).Compute(November, [billing], book);

        Assert.Equal(3_500m, book.Get(DirectCashForecast.Week(1, "in")).Value);
        Assert.Equal(1_500m, book.Get(DirectCashForecast.Week(3, "in")).Value);
        Assert.Equal(5_000m, book.Get(DirectCashForecast.Week(13, "closing")).Value);    // 0 + 3,500 + 1,500
        Assert.Equal(3_500m, book.Get(DirectCashForecast.Low).Value);                    // weeks 1–2 close at 3,500, the lowest
    }
}
