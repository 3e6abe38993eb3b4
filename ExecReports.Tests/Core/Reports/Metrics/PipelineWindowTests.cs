using ExecReports.Core.Kpis;
using ExecReports.Core.Reports;
using ExecReports.Tests.Support;
using static ExecReports.Core.Reports.Metrics.PipelineCalculator;

namespace ExecReports.Tests.Core.Reports.Metrics;

// Pipeline changes compare two month-end snapshots three months apart (2026-08 against 2026-11), worked out by hand.
// 2026-08: Harbour refit $10,000 at 50% and Fleet charter $4,000 at 25%, weighted 5,000 + 1,000 = $6,000.
public class PipelineWindowTests
{
    private static PipelineItem Item(string name, decimal value, decimal probability, PipelineStage stage = PipelineStage.Proposal) =>
        new() { Name = name, Stage = stage, Value = value, Probability = probability };

    private static KpiMonth Pipeline(string period, params PipelineItem[] items) =>
        new KpiMonthBuilder().For("jada", period).With(m => m with { Pipeline = items });

    private static readonly KpiMonth August = Pipeline("2026-08", Item("Harbour refit", 10_000m, 0.5m), Item("Fleet charter", 4_000m, 0.25m));

    private static ReportInputs Inputs(params KpiMonth[] months) => new ReportInputsBuilder().Kpi(months).Build();

    [Fact]
    public void TheChangeIsTheWeightedPipelineAgainstTheSameMonthEndThreeMonthsEarlier()
    {
        // 2026-11: Harbour refit now 60% ($6,000), Fleet charter won (excluded), Winter regatta new at 50% ($3,000).
        var book = TestReportEngine.Default.Metrics(Inputs(August,
            Pipeline("2026-11", Item("Harbour refit", 10_000m, 0.6m), Item("Fleet charter", 4_000m, 1m, PipelineStage.Won), Item("Winter regatta", 6_000m, 0.5m))));

        Assert.Equal(6_000m, book.Get(PortfolioWeightedAtWindowStart).Value);
        Assert.Equal(9_000m, book.Get(PortfolioWeighted).Value);
        Assert.Equal(3_000m, book.Get(PortfolioWeightedChange).Value);
        Assert.Equal(1m, book.Get(PortfolioNewDeals).Value);
        Assert.Equal(6_000m, book.Get(PortfolioNewDealsValue).Value);
        Assert.Contains("2026-08 to 2026-11", book.Get(PortfolioWeightedChange).Label, StringComparison.Ordinal);
    }

    [Fact]
    public void NoDealAddedInTheWindowSaysNoNewDeals()
    {
        var inputs = Inputs(August, Pipeline("2026-11", Item("Harbour refit", 10_000m, 0.5m), Item("Fleet charter", 4_000m, 0.25m)));
        var set = TestReportEngine.Default.Generate(inputs, [ReportRole.Ceo]);

        Assert.Equal(0m, set.Metrics.Get(PortfolioNewDeals).Value);
        Assert.Equal(0m, set.Metrics.Get(PortfolioWeightedChange).Value);
        Assert.Contains("No new deals in 2026-09..2026-11.", set.For(ReportRole.Ceo)!.Rendered.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutTheBaselineMonthTheChangeIsNotRecorded()
    {
        var book = TestReportEngine.Default.Metrics(Inputs(Pipeline("2026-11", Item("Harbour refit", 10_000m, 0.5m))));

        Assert.Null(book.Get(PortfolioWeightedChange).Value);
        Assert.Equal("not recorded: no KPI inputs for 2026-08 to compare 2026-09..2026-11 with", book.Get(PortfolioNewDeals).Display);
    }
}
