using ExecReports.Core.Kpis;
using ExecReports.Core.Reports;
using ExecReports.Core.Reports.Metrics;
using ExecReports.Tests.Support;
using static ExecReports.Core.Reports.Metrics.YachtDeliveryCalculator;
using static ExecReports.Tests.Core.Reports.Generators.DomainInputs;

namespace ExecReports.Tests.Core.Reports.Generators;

// Business result, margin against target, cost per mile and working capital, worked out by hand.
// October: $6,000 booked, $4,000 crew and travel (5040, cost of sales), $500 insurance; November: $500 insurance, $100 uncoded, cash $2,400.
// Jobs: J1 400 nm, $6,000 quoted, $4,000 cost; J2 100 nm, $1,000 both; J3 scheduled 300 nm; J4 quoted 1,000 nm.
public class YachtDeliveryEconomicsTests
{
    private static DeliveryJob Job(string id, DeliveryStatus status, decimal distance, decimal quote, decimal? actual = null) => new()
    {
        Id = id, From = "San Diego", To = "Cabo San Lucas", DistanceNm = distance, Quote = quote, ActualCost = actual, Status = status, Crew = ["Skipper (owner)"],
    };

    private static ExpenseLine Expense(string description, string? code, decimal amount) =>
        new() { Description = description, Category = "x", AccountCode = code, Amount = amount };

    private static readonly KpiMonth October = Month(EntityId, "2026-10", m => m with
    {
        Revenue = [new RevenueLine { Stream = "Delivery J1", Amount = 6_000m, Received = 6_000m }],
        Expenses = [Expense("Crew, fuel and travel for J1", "5040", 4_000m), Expense("Insurance", "6010", 500m)],
        CashOnHand = 3_000m,
    });

    private static KpiMonth NovemberWith(params DeliveryJob[] jobs) => Month(EntityId, "2026-11", m => m with
    {
        Expenses = [Expense("Insurance", "6010", 500m), Expense("West Marine", null, 100m)],
        CashOnHand = 2_400m,
        YachtDelivery = new YachtDeliveryData { Jobs = jobs },
    });

    private static readonly KpiMonth NovemberMonth = NovemberWith(
        Job("J1", DeliveryStatus.Completed, 400m, 6_000m, 4_000m),
        Job("J2", DeliveryStatus.Completed, 100m, 1_000m, 1_000m),
        Job("J3", DeliveryStatus.Scheduled, 300m, 4_000m),
        Job("J4", DeliveryStatus.Quoted, 1_000m, 14_000m));

    private static ReportInputs Both => InputsWithChart([October, NovemberMonth]);

    [Fact]
    public void BusinessResultSplitsDirectCostsFromOverheadOverTheYear()
    {
        var book = Book(Both);

        Assert.Equal(2m, book.Get(YearMonths).Value);
        Assert.Equal(6_000m, book.Get(YearRevenue).Value);
        Assert.Equal(4_000m, book.Get(YearDirectCosts).Value);
        Assert.Equal(2_000m, book.Get(YearGrossProfit).Value);
        // The uncoded $100 counts as overhead.
        Assert.Equal(1_100m, book.Get(YearOverhead).Value);
        Assert.Equal(900m, book.Get(YearProfit).Value);
        Assert.Equal(550m, book.Get(OverheadPerMonth).Value);
        Assert.Equal(2_400m, book.Get(Cash).Value);
        Assert.Equal("4.4 months", book.Get(MonthsOfCash).Display);
    }

    [Fact]
    public void AJobAboveTargetIsOnTrackAndOneAtZeroMarginIsAtRisk()
    {
        var book = Book(Both);
        var section = Section(Report(Both, ReportRole.YachtDelivery), "Job Gross Margin").Markdown;

        Assert.Equal(0.25m, book.Get(TargetMargin).Value);
        Assert.Equal("8.3 pp", book.Get(JobMarginGap("j1")).Display);
        Assert.Equal("-25.0 pp", book.Get(JobMarginGap("j2")).Display);
        // 2,000 ÷ 7,000 = 28.6%: 3.6 points above target.
        Assert.Equal("3.6 pp", book.Get(CompletedMarginGap).Display);
        Assert.Contains("| J1 | $6,000 | $4,000 | $2,000 | 33.3% | 8.3 pp | on track |", section);
        Assert.Contains("| J2 | $1,000 | $1,000 | $0 | 0.0% | -25.0 pp | at risk |", section);
    }

    [Fact]
    public void CostPerMileSetsTheRateThatEarnsTheTargetMargin()
    {
        var book = Book(Both);

        Assert.Equal(500m, book.Get(CompletedDistance).Value);
        Assert.Equal(10m, book.Get(CompletedCostPerNm).Value);
        Assert.Equal(14m, book.Get(CompletedQuotePerNm).Value);
        Assert.Equal(10m / 0.75m, book.Get(RecommendedRatePerNm).Value);
        Assert.Equal(10m, book.Get(JobCostPerNm("j1")).Value);
        Assert.Contains("already earn the 25.0% target (at least $13 per nm needed)",
            Section(Report(Both, ReportRole.YachtDelivery), "Cost per Mile and Rate Card").Markdown);
    }

    [Fact]
    public void AHigherTargetMarginRaisesTheRecommendedRate()
    {
        var engine = TestReportEngine.Create(domain: new DomainOptions { LenderMinimumDscr = 1.2m, LenderTargetDscr = 1.25m, DeliveryTargetMargin = 0.40m });

        var report = engine.Generate(Both, [ReportRole.YachtDelivery]).For(ReportRole.YachtDelivery)!;

        // 10 ÷ (1 − 0.40) = 16.67.
        Assert.Contains("**Rate card: quote at least $17 per nm**", Section(report, "Cost per Mile and Rate Card").Markdown);
    }

    [Fact]
    public void WorkingCapitalOfScheduledJobsIsSetAgainstCash()
    {
        var book = Book(Both);
        var section = Section(Report(Both, ReportRole.YachtDelivery), "Working Capital").Markdown;

        Assert.Equal(3_000m, book.Get(JobWorkingCapital("j3")).Value);
        Assert.Equal(10_000m, book.Get(JobWorkingCapital("j4")).Value);
        Assert.Equal(3_000m, book.Get(ScheduledWorkingCapital).Value);
        Assert.Equal(-600m, book.Get(CashAfterScheduled).Value);
        Assert.Contains("Cash does not cover the committed jobs", section);
        Assert.Contains("If **J4** is accepted it needs $10.0K", section);
    }

    [Fact]
    public void WorkingCapitalIsNotRecordedWithoutACompletedJobToPriceAMile()
    {
        var book = Book(InputsWithChart([NovemberWith(Job("J3", DeliveryStatus.Scheduled, 300m, 4_000m))]));

        Assert.Equal("not recorded: no completed job gives a cost per mile", book.Get(JobWorkingCapital("j3")).Display);
        Assert.Equal("not recorded: no completed job gives a cost per mile", book.Get(ScheduledWorkingCapital).Display);
        Assert.Equal("not recorded: no completed job with a cost and a distance", book.Get(RecommendedRatePerNm).Display);
    }
}
