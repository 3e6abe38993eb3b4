using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reports;
using ExecReports.Core.Reports.Finance;
using ExecReports.Core.Reports.Metrics;
using ExecReports.Tests.Support;

namespace ExecReports.Tests.Core.Reports.Finance;

// Every expected value below was worked out by hand from the months in the test.
public class EntityBreakEvenTests
{
    private static readonly Period November = Period.Parse("2026-11");

    private static KpiMonth Month(string entity, string period, decimal received, decimal fixedCost, decimal variableCost, decimal cash, decimal customerDeposits = 0) => new()
    {
        EntityId = entity,
        Period = Period.Parse(period),
        Currency = "USD",
        Revenue = [new RevenueLine { Stream = "charters", Amount = received, Received = received }],
        Expenses =
        [
            new ExpenseLine { Description = "slip", Category = "Occupancy", AccountCode = "6100", Amount = fixedCost, Fixed = true },
            new ExpenseLine { Description = "fuel", Category = "Cost of sales", AccountCode = "5000", Amount = variableCost },
        ],
        CashOnHand = cash,
        CustomerDeposits = customerDeposits,
    };

    // jada: received 10,000 / 11,000 / 12,000 (avg 11,000), variable 6,000 / 6,500 / 7,000 (avg 6,500), fixed 4,000.
    //   ratio = 4,500 ÷ 11,000; break-even = 4,000 × 11,000 ÷ 4,500 = 9,777.78; margin = (11,000 − 9,777.78) ÷ 11,000 = 11.11 %.
    //   free cash 1,800 − 300 = 1,500, under the 2,000 default minimum by 500.
    // quickdumpnow: received 2,000 a month, variable 2,500: variable costs exceed revenue, break-even unreachable;
    //   free cash 50,000, 48,000 above the minimum.
    private static IReadOnlyList<KpiMonth> Months() =>
    [
        Month("jada", "2026-09", 10_000, 4_000, 6_000, 3_000),
        Month("jada", "2026-10", 11_000, 4_000, 6_500, 2_500),
        Month("jada", "2026-11", 12_000, 4_000, 7_000, 1_800, customerDeposits: 300),
        Month("quickdumpnow", "2026-09", 2_000, 1_000, 2_500, 50_000),
        Month("quickdumpnow", "2026-10", 2_000, 1_000, 2_500, 50_000),
        Month("quickdumpnow", "2026-11", 2_000, 1_000, 2_500, 50_000),
    ];

    private static MetricBook Compute(FinanceOptions options, params string[] entities)
    {
        var book = new MetricBook();
        new CfoModel(options).Compute(November, Months(), book, entities);
        return book;
    }

    [Fact]
    public void EachEntityHasItsOwnBreakEvenAndMarginOfSafety()
    {
        var book = Compute(FinanceOptions.Default, "jada", "quickdumpnow");

        Assert.Equal(9_777.7778m, book.Get(CfoMetricIds.Entity("jada", "break-even")).Value);
        Assert.Equal(0.1111m, book.Get(CfoMetricIds.Entity("jada", "margin-of-safety")).Value);
        Assert.Null(book.Get(CfoMetricIds.Entity("quickdumpnow", "break-even")).Value);
        Assert.Equal("unreachable: variable costs exceed revenue", book.Get(CfoMetricIds.Entity("quickdumpnow", "break-even")).Display);
        Assert.Equal("unreachable: variable costs exceed revenue", book.Get(CfoMetricIds.Entity("quickdumpnow", "margin-of-safety")).Display);
    }

    [Fact]
    public void AnEntityWithoutThreeMonthsHasNoBreakEvenAndSaysWhy()
    {
        var book = new MetricBook();
        new CfoModel(FinanceOptions.Default).Compute(November, Months().Where(m => m.Period == November).ToList(), book, ["jada", "ghost"]);

        Assert.Equal("insufficient data: 1 month of history (needs 3)", book.Get(CfoMetricIds.Entity("jada", "break-even")).Display);
        Assert.Equal("no KPI inputs recorded for 2026-11", book.Get(CfoMetricIds.Entity("ghost", "break-even")).Display);
        Assert.Equal("no KPI inputs recorded for 2026-11", book.Get(CfoMetricIds.Entity("ghost", "minimum-cash.headroom")).Display);
    }

    [Fact]
    public void MinimumCashTestIsOnFreeCashAgainstTheDefaultMinimum()
    {
        var book = Compute(FinanceOptions.Default, "jada", "quickdumpnow");

        Assert.Equal(2_000m, book.Get(CfoMetricIds.Entity("jada", "minimum-cash")).Value);
        Assert.Equal(-500m, book.Get(CfoMetricIds.Entity("jada", "minimum-cash.headroom")).Value);      // 1,500 − 2,000
        Assert.Equal(48_000m, book.Get(CfoMetricIds.Entity("quickdumpnow", "minimum-cash.headroom")).Value);
        Assert.Equal("Finance:EntityMinimumCash", book.Get(CfoMetricIds.Entity("jada", "minimum-cash")).Inputs.Single().Field);
    }

    [Fact]
    public void AnEntityMinimumOverridesTheDefaultForThatEntityOnly()
    {
        var options = new FinanceOptions
        {
            MinimumCash = 10_000m, MaterialityPercent = 0.10m, MaterialityAmount = 500m, TargetBufferPercent = 0.10m,
            EntityMinimumCash = 1_000m,
            EntityMinimumCashById = new(StringComparer.Ordinal) { ["quickdumpnow"] = 60_000m },
        };

        var book = Compute(options, "jada", "quickdumpnow");

        Assert.Equal(500m, book.Get(CfoMetricIds.Entity("jada", "minimum-cash.headroom")).Value);            // 1,500 − 1,000
        Assert.Equal(-10_000m, book.Get(CfoMetricIds.Entity("quickdumpnow", "minimum-cash.headroom")).Value);  // 50,000 − 60,000
        Assert.Equal("Finance:EntityMinimumCashById:quickdumpnow", book.Get(CfoMetricIds.Entity("quickdumpnow", "minimum-cash")).Inputs.Single().Field);
    }

    [Fact]
    public void NegativeEntityMinimumIsRejectedNamingTheKey()
    {
        var options = FinanceOptions.Default;
        var bad = new FinanceOptions
        {
            MinimumCash = options.MinimumCash, MaterialityPercent = options.MaterialityPercent, MaterialityAmount = options.MaterialityAmount,
            TargetBufferPercent = options.TargetBufferPercent, EntityMinimumCashById = new(StringComparer.Ordinal) { ["jada"] = -1m },
        };

        var errors = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        System.ComponentModel.DataAnnotations.Validator.TryValidateObject(bad, new(bad), errors, validateAllProperties: true);

        Assert.Contains(errors, e => e.ErrorMessage!.Contains("Finance:EntityMinimumCashById:jada", StringComparison.Ordinal));
    }

    [Fact]
    public void CfoReportFlagsTheEntityBelowItsMinimum()
    {
        var inputs = new ReportInputsBuilder().Kpis(Months()).Build();

        var markdown = TestReportEngine.Default.Generate(inputs, [ReportRole.Cfo]).For(ReportRole.Cfo)!.Rendered.Markdown;

        var jada = ReportInputsBuilder.SampleCatalog.Entities.Single(e => e.Id == "jada").Name;
        var row = markdown.Split('\n').Single(l => l.StartsWith($"| {jada} |", StringComparison.Ordinal) && l.Contains("BELOW MINIMUM", StringComparison.Ordinal));
        Assert.Contains("-$500", row, StringComparison.Ordinal);
        Assert.Contains($"**Below minimum cash:** {jada}.", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Below minimum cash:** " + ReportInputsBuilder.SampleCatalog.Entities.Single(e => e.Id == "quickdumpnow").Name, markdown, StringComparison.Ordinal);
    }
}
