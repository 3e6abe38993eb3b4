using System.Globalization;
using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;

namespace ExecReports.Core.Reports.Metrics;

// Weighted pipeline (value × probability) of open deals, by entity, by stage and for the portfolio.
public sealed class PipelineCalculator : MetricCalculator
{
    public const int HorizonDays = 90;
    public const string PortfolioWeighted = "portfolio.pipeline.weighted";
    public const string PortfolioOpenValue = "portfolio.pipeline.open-value";
    public const string PortfolioNext90Days = "portfolio.pipeline.next-90-days";
    public const int ChangeMonths = 3;
    public const string PortfolioWeightedAtWindowStart = "portfolio.pipeline.weighted.window-start";
    public const string PortfolioWeightedChange = "portfolio.pipeline.weighted.change";
    public const string PortfolioNewDeals = "portfolio.pipeline.new-deals.count";
    public const string PortfolioNewDealsValue = "portfolio.pipeline.new-deals.value";

    public override int Order => 20;

    public static string Weighted(string entityId) => $"entity.{entityId}.pipeline.weighted";
    public static string OpenValue(string entityId) => $"entity.{entityId}.pipeline.open-value";
    public static string Next90Days(string entityId) => $"entity.{entityId}.pipeline.next-90-days";
    public static string StageWeighted(string entityId, PipelineStage stage) => $"entity.{entityId}.pipeline.stage.{StageSlug(stage)}.weighted";
    public static string PortfolioStageWeighted(PipelineStage stage) => $"portfolio.pipeline.stage.{StageSlug(stage)}.weighted";
    public static string ItemValue(string entityId, string itemSlug) => $"entity.{entityId}.pipeline.item.{itemSlug}.value";
    public static string ItemProbability(string entityId, string itemSlug) => $"entity.{entityId}.pipeline.item.{itemSlug}.probability";
    public static string ItemWeighted(string entityId, string itemSlug) => $"entity.{entityId}.pipeline.item.{itemSlug}.weighted";

    public static bool IsOpen(PipelineItem item) => item.Stage is not (PipelineStage.Won or PipelineStage.Lost);

    public static IReadOnlyList<PipelineStage> OpenStages { get; } =
        [PipelineStage.Lead, PipelineStage.Qualified, PipelineStage.Proposal, PipelineStage.Negotiation];

    public static string StageSlug(PipelineStage stage) => stage.ToString().ToLowerInvariant();

    // Open items expected to close by 90 days after the period end, including ones whose date has already slipped.
    public static DateOnly HorizonEnd(Period period) => period.LastDay.AddDays(HorizonDays);

    public static bool ClosesWithinHorizon(PipelineItem item, Period period) =>
        IsOpen(item) && item.ExpectedClose is { } close && close <= HorizonEnd(period);

    public static IReadOnlyList<string> ItemSlugs(KpiMonth month) => Slugs.Distinct(month.Pipeline.Select(i => i.Name));

    // Changes are measured between two month-end snapshots ChangeMonths apart, so every change covers the same window:
    // the month before the window is the baseline, the period's month the end.
    public static Period WindowBaseline(Period period) => period.AddMonths(-ChangeMonths);

    public static string WindowText(Period period) => $"{period.AddMonths(1 - ChangeMonths)}..{period}";

    // Deals on an entity's list at the period end that were not on its list at the baseline.
    public static IReadOnlyList<(KpiMonth Month, PipelineItem Item)> NewDeals(ReportInputs inputs, Period period) =>
        inputs.Kpis.Where(k => k.Period == period).OrderBy(k => k.EntityId, StringComparer.Ordinal)
            .SelectMany(m => m.Pipeline
                .Where(i => !(DomainMetrics.Month(inputs, m.EntityId, WindowBaseline(period))?.Pipeline ?? [])
                    .Any(b => string.Equals(b.Name, i.Name, StringComparison.OrdinalIgnoreCase)))
                .Select(i => (m, i)))
            .ToList();

    public override void Compute(ReportCalculation calculation)
    {
        var period = calculation.Inputs.Period;
        var p = period.ToString();
        var book = calculation.Book;
        var months = calculation.Inputs.Kpis.Where(k => k.Period == period).OrderBy(k => k.EntityId, StringComparer.Ordinal).ToList();

        MetricInput Input(KpiMonth m, PipelineItem item, string field, string value) =>
            MetricInput.Kpi(m.EntityId, $"pipeline[{item.Name}].{field}", p, value);

        List<MetricInput> Inputs(KpiMonth m, IEnumerable<PipelineItem> items) => items.SelectMany(i => new[]
        {
            Input(m, i, "value", MetricFormat.Money(i.Value)),
            Input(m, i, "probability", Probability(i.Probability)),
        }).ToList();

        var allOpen = new List<(KpiMonth Month, PipelineItem Item)>();
        foreach (var m in months.Where(m => m.Pipeline.Count > 0))
        {
            var id = m.EntityId;
            var slugs = ItemSlugs(m);
            for (var i = 0; i < m.Pipeline.Count; i++)
            {
                var item = m.Pipeline[i];
                book.Add(new Metric
                {
                    Id = ItemValue(id, slugs[i]), EntityId = id, Label = $"{id} pipeline: {item.Name} (value)", Value = item.Value, Unit = MetricUnit.Usd, Period = p,
                    Formula = "pipeline[].value", Inputs = [Input(m, item, "value", MetricFormat.Money(item.Value))],
                });
                if (IsOpen(item))
                {
                    book.Add(new Metric
                    {
                        Id = ItemProbability(id, slugs[i]), EntityId = id, Label = $"{id} pipeline: {item.Name} (probability)", Value = item.Probability,
                        Unit = MetricUnit.Percent, Period = p, Formula = "pipeline[].probability", Inputs = [Input(m, item, "probability", Probability(item.Probability))],
                        Kind = MetricKind.Assumption,
                    });
                    book.Add(new Metric
                    {
                        Id = ItemWeighted(id, slugs[i]), EntityId = id, Label = $"{id} pipeline: {item.Name} (weighted)", Value = item.Value * item.Probability,
                        Unit = MetricUnit.Usd, Period = p, Formula = "value × probability", Inputs = Inputs(m, [item]), Kind = MetricKind.Forecast,
                    });
                }
            }

            var open = m.Pipeline.Where(IsOpen).ToList();
            allOpen.AddRange(open.Select(i => (m, i)));
            AddSum(book, Weighted(id), $"{id} weighted open pipeline", open, p, "Σ value × probability over open items (Won and Lost excluded)", Inputs(m, open), weighted: true, entityId: id);
            AddSum(book, OpenValue(id), $"{id} open pipeline (unweighted)", open, p, "Σ value over open items (Won and Lost excluded)", Inputs(m, open), weighted: false, entityId: id);
            var soon = open.Where(i => ClosesWithinHorizon(i, period)).ToList();
            AddSum(book, Next90Days(id), $"{id} weighted pipeline expected to close by {HorizonEnd(period).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
                soon, p, $"Σ value × probability over open items with expectedClose ≤ period end + {HorizonDays} days", Inputs(m, soon), weighted: true, entityId: id);
            foreach (var stage in OpenStages.Where(s => open.Any(i => i.Stage == s)))
            {
                var inStage = open.Where(i => i.Stage == stage).ToList();
                AddSum(book, StageWeighted(id, stage), $"{id} weighted pipeline at {StageSlug(stage)}", inStage, p,
                    $"Σ value × probability over items at stage {StageSlug(stage)}", Inputs(m, inStage), weighted: true, entityId: id);
            }
        }

        List<MetricInput> PortfolioInputs(IEnumerable<(KpiMonth Month, PipelineItem Item)> items) =>
            items.SelectMany(x => Inputs(x.Month, [x.Item])).ToList();

        var openItems = allOpen.Select(x => x.Item).ToList();
        AddSum(book, PortfolioWeighted, "Portfolio weighted open pipeline", openItems, p, "Σ value × probability over every entity's open items",
            PortfolioInputs(allOpen), weighted: true);
        AddSum(book, PortfolioOpenValue, "Portfolio open pipeline (unweighted)", openItems, p, "Σ value over every entity's open items",
            PortfolioInputs(allOpen), weighted: false);
        var portfolioSoon = allOpen.Where(x => ClosesWithinHorizon(x.Item, period)).ToList();
        AddSum(book, PortfolioNext90Days, $"Portfolio weighted pipeline expected to close by {HorizonEnd(period).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
            portfolioSoon.Select(x => x.Item), p, $"Σ value × probability over open items with expectedClose ≤ period end + {HorizonDays} days",
            PortfolioInputs(portfolioSoon), weighted: true);
        AddWindowChange(calculation, allOpen, PortfolioInputs);
        foreach (var stage in OpenStages.Where(s => openItems.Any(i => i.Stage == s)))
        {
            var inStage = allOpen.Where(x => x.Item.Stage == stage).ToList();
            AddSum(book, PortfolioStageWeighted(stage), $"Portfolio weighted pipeline at {StageSlug(stage)}", inStage.Select(x => x.Item), p,
                $"Σ value × probability over every entity's items at stage {StageSlug(stage)}", PortfolioInputs(inStage), weighted: true);
        }
    }

    private static void AddWindowChange(ReportCalculation calculation, List<(KpiMonth Month, PipelineItem Item)> allOpen,
        Func<IEnumerable<(KpiMonth Month, PipelineItem Item)>, List<MetricInput>> inputsOf)
    {
        // No direction (Better): these are judged inside their own 3-month window, never month on month, where two
        // overlapping windows would be set against each other.
        var period = calculation.Inputs.Period;
        var p = period.ToString();
        var book = calculation.Book;
        var baseline = WindowBaseline(period);
        var window = WindowText(period);
        var before = calculation.Inputs.Kpis.Where(k => k.Period == baseline).ToList();
        var notRecorded = before.Count == 0 ? $"not recorded: no KPI inputs for {baseline} to compare {window} with" : null;
        var openBefore = before.SelectMany(m => m.Pipeline.Where(IsOpen).Select(i => (Month: m, Item: i))).ToList();
        var weightedBefore = openBefore.Sum(x => x.Item.Value * x.Item.Probability);
        var start = book.Add(new Metric
        {
            Id = PortfolioWeightedAtWindowStart, Label = $"Portfolio weighted open pipeline at {baseline} (before {window})", Value = notRecorded is null ? weightedBefore : null,
            Unit = MetricUnit.Usd, Period = p, Formula = $"Σ value × probability over every entity's open items at {baseline}",
            Inputs = openBefore.SelectMany(x => new[]
            {
                MetricInput.Kpi(x.Month.EntityId, $"pipeline[{x.Item.Name}].value", baseline.ToString(), MetricFormat.Money(x.Item.Value)),
                MetricInput.Kpi(x.Month.EntityId, $"pipeline[{x.Item.Name}].probability", baseline.ToString(), Probability(x.Item.Probability)),
            }).ToList(),
            Kind = MetricKind.Forecast, Special = notRecorded,
        });
        var now = allOpen.Sum(x => x.Item.Value * x.Item.Probability);
        book.Add(new Metric
        {
            Id = PortfolioWeightedChange, Label = $"Change in portfolio weighted pipeline over {ChangeMonths} months ({baseline} to {p})",
            Value = notRecorded is null ? now - weightedBefore : null, Unit = MetricUnit.Usd, Period = p,
            Formula = $"weighted open pipeline at {p} − the same at {baseline} (two month-end snapshots {ChangeMonths} months apart)",
            Inputs = [MetricInput.OfMetric(PortfolioWeighted, "Portfolio weighted open pipeline", p, MetricFormat.Money(now)), MetricInput.Of(start)],
            Kind = MetricKind.Forecast, Special = notRecorded,
        });

        var added = NewDeals(calculation.Inputs, period);
        book.Add(new Metric
        {
            Id = PortfolioNewDeals, Label = $"New deals added in {window}", Value = notRecorded is null ? added.Count : null, Unit = MetricUnit.Count, Period = p,
            Formula = $"count of pipeline items at {p} whose name is not on the same entity's pipeline at {baseline}",
            Inputs = inputsOf(added), Special = notRecorded,
        });
        book.Add(new Metric
        {
            Id = PortfolioNewDealsValue, Label = $"Value of new deals added in {window} (unweighted)", Value = notRecorded is null ? added.Sum(x => x.Item.Value) : null,
            Unit = MetricUnit.Usd, Period = p, Formula = $"Σ value of the pipeline items at {p} not on the same entity's pipeline at {baseline}",
            Inputs = inputsOf(added), Special = notRecorded,
        });
    }

    private static void AddSum(MetricBook book, string id, string label, IEnumerable<PipelineItem> items, string period, string formula,
        IReadOnlyList<MetricInput> inputs, bool weighted, string? entityId = null) => book.Add(new Metric
    {
        Id = id, EntityId = entityId, Label = label, Value = weighted ? items.Sum(i => i.Value * i.Probability) : items.Sum(i => i.Value), Unit = MetricUnit.Usd,
        Period = period, Formula = formula, Inputs = inputs, Kind = weighted ? MetricKind.Forecast : MetricKind.Actual, Better = Favourable.Higher,
    });

    private static string Probability(decimal p) => MetricFormat.Format(p, MetricUnit.Percent);
}
