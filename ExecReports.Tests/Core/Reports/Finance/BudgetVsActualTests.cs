using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reports;
using ExecReports.Core.Reports.Finance;
using ExecReports.Core.Reports.Metrics;
using ExecReports.Tests.Support;

namespace ExecReports.Tests.Core.Reports.Finance;

// Every expected value below was worked out by hand from the months in the test.
public class BudgetVsActualTests
{
    private static readonly Period November = Period.Parse("2026-11");

    private static KpiMonth Month(string entity, string period, decimal booked, decimal received, decimal expenses, decimal? target, decimal? ceiling) => new()
    {
        EntityId = entity,
        Period = Period.Parse(period),
        Currency = "USD",
        Revenue = [new RevenueLine { Stream = "charters", Amount = booked, Received = received }],
        Expenses = [new ExpenseLine { Description = "slip", Category = "Occupancy", AccountCode = "6100", Amount = expenses, Fixed = true }],
        CashOnHand = 20_000,
        Targets = new KpiTargets { MonthlyRevenueTarget = target, BurnCeiling = ceiling },
    };

    // jada: 2025-12 belongs to last year and is left out of the year to date. 2026-10 has no revenue target, so it
    // counts in neither side of the revenue year to date. Net burn = expenses − received: 2,000 / 3,000 / 4,000.
    // quickdumpnow: 11,800 booked against 12,000, 200 short: under the 500 materiality amount.
    private static IReadOnlyList<KpiMonth> Months() =>
    [
        Month("jada", "2025-12", 50_000, 50_000, 12_000, 1_000, 3_000),
        Month("jada", "2026-09", 10_000, 10_000, 12_000, 12_000, 3_000),
        Month("jada", "2026-10", 11_000, 9_000, 12_000, null, 3_000),
        Month("jada", "2026-11", 9_000, 8_000, 12_000, 12_000, 3_000),
        Month("quickdumpnow", "2026-11", 11_800, 11_800, 11_000, 12_000, null),
    ];

    private static CfoResult Compute(MetricBook book) =>
        new CfoModel(FinanceOptions.Default).Compute(November, Months(), book, ["jada", "quickdumpnow"]);

    [Fact]
    public void RevenueIsJudgedAgainstTheTargetForTheMonthAndTheYearToDate()
    {
        var book = new MetricBook();
        var result = Compute(book);

        Assert.Equal(-3_000m, book.Get(CfoMetricIds.Budget("jada", "revenue", "month", "variance")).Value);   // 9,000 − 12,000
        var month = result.Budget[CfoMetricIds.Budget("jada", "revenue", "month", "variance")];
        Assert.False(month.IsFavourable);
        Assert.True(month.IsMaterial);
        Assert.Equal(19_000m, book.Get(CfoMetricIds.Budget("jada", "revenue", "ytd", "actual")).Value);       // 10,000 + 9,000
        Assert.Equal(24_000m, book.Get(CfoMetricIds.Budget("jada", "revenue", "ytd", "budget")).Value);       // 12,000 × 2
        Assert.Equal(-5_000m, book.Get(CfoMetricIds.Budget("jada", "revenue", "ytd", "variance")).Value);
    }

    [Fact]
    public void NetBurnIsJudgedAgainstTheBurnCeilingLowerBeingFavourable()
    {
        var book = new MetricBook();
        var result = Compute(book);

        Assert.Equal(1_000m, book.Get(CfoMetricIds.Budget("jada", "burn", "month", "variance")).Value);       // 4,000 − 3,000
        Assert.False(result.Budget[CfoMetricIds.Budget("jada", "burn", "month", "variance")].IsFavourable);
        Assert.Equal(9_000m, book.Get(CfoMetricIds.Budget("jada", "burn", "ytd", "actual")).Value);          // 2,000 + 3,000 + 4,000
        Assert.Equal(0m, book.Get(CfoMetricIds.Budget("jada", "burn", "ytd", "variance")).Value);            // against 9,000
        Assert.True(result.Budget[CfoMetricIds.Budget("jada", "burn", "ytd", "variance")].IsFavourable);
    }

    [Fact]
    public void ASmallShortfallIsUnfavourableButNotMaterialAndAMissingCeilingSaysSo()
    {
        var book = new MetricBook();
        var result = Compute(book);

        var shortfall = result.Budget[CfoMetricIds.Budget("quickdumpnow", "revenue", "month", "variance")];
        Assert.Equal(-200m, shortfall.Delta);
        Assert.False(shortfall.IsFavourable);
        Assert.False(shortfall.IsMaterial);
        Assert.Equal("no burnCeiling recorded for 2026-11", book.Get(CfoMetricIds.Budget("quickdumpnow", "burn", "month", "actual")).Display);
        Assert.False(result.Budget.ContainsKey(CfoMetricIds.Budget("quickdumpnow", "burn", "month", "variance")));
    }

    [Fact]
    public void CfoReportShowsTheBudgetTableWithItsJudgements()
    {
        var inputs = new ReportInputsBuilder().Kpis(Months()).Build();

        var markdown = TestReportEngine.Default.Generate(inputs, [ReportRole.Cfo]).For(ReportRole.Cfo)!.Rendered.Markdown;

        var row = markdown.Split('\n').Single(l => l.StartsWith("| JADA | Revenue booked (accrual), month |", StringComparison.Ordinal));
        Assert.Contains("**unfavourable, material**", row, StringComparison.Ordinal);
        Assert.Contains("-$3,000", row, StringComparison.Ordinal);
        Assert.Contains("| QuickDumpNow | Revenue booked (accrual), month |", markdown, StringComparison.Ordinal);
        Assert.Contains("unfavourable, not material", markdown.Split('\n').Single(l => l.StartsWith("| QuickDumpNow | Revenue booked (accrual), month |", StringComparison.Ordinal)), StringComparison.Ordinal);
    }
}
