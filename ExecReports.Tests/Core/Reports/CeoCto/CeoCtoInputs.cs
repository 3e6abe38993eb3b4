using System.Text.Json;
using ExecReports.Core.Ingestion;
using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reports;
using ExecReports.Core.Reports.Finance;
using ExecReports.Core.Reports.Generators;
using ExecReports.Core.Reports.Metrics;
using ExecReports.Core.Secrets;
using ExecReports.Tests.Core.Ingestion;
using ExecReports.Tests.Support;
using Microsoft.Extensions.Options;

namespace ExecReports.Tests.Core.Reports.CeoCto;

// Report inputs built directly: the sample catalog, handoffs parsed from text, KPI months from builders.
public sealed class CeoCtoInputs
{
    public static readonly EntityCatalog Catalog = EntityCatalogLoader.Load(Path.Combine(RepoPaths.Samples, "entities.yaml"));
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly List<HandoffDocument> _handoffs = [];
    private readonly List<KpiMonth> _kpis = [];

    public CeoCtoInputs Handoff(string file, HandoffBuilder handoff)
    {
        _handoffs.Add(HandoffParser.Parse(file, handoff.Bytes(), Now, Catalog));
        return this;
    }

    public CeoCtoInputs Kpi(KpiMonth month)
    {
        _kpis.Add(month);
        return this;
    }

    public ReportInputs Build(string period = "2026-11") => new()
    {
        Period = Period.Parse(period),
        Catalog = Catalog,
        Handoffs = new HandoffSnapshot("handoffs", 1, Now, 30, _handoffs, null),
        Kpis = _kpis,
        Accounts = ChartOfAccounts.Empty,
        KpisLastEdited = null,
        Now = Now,
    };

    public static ReportInputs Samples()
    {
        var inputs = new CeoCtoInputs();
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Samples, "handoffs"), "*.md").Order(StringComparer.Ordinal))
        {
            inputs._handoffs.Add(HandoffParser.Parse(Path.GetFileName(file), File.ReadAllBytes(file), Now, Catalog));
        }

        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Samples, "kpis"), "*.json").Where(f => !f.EndsWith(ChartOfAccounts.FileName, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            inputs._kpis.AddRange(JsonSerializer.Deserialize<List<KpiMonth>>(File.ReadAllText(file), KpiJson.Options)!);
        }

        return inputs.Build() with { Accounts = ChartOfAccounts.Load(Path.Combine(RepoPaths.Samples, "kpis", ChartOfAccounts.FileName)) };
    }

    public static ReportEngine Engine() => new(
        [new CfoReport(), new CeoReport(), new CtoReport()],
        [new PortfolioCalculator(), new PipelineCalculator(), new RevenueRecognitionCalculator(), new ConcentrationCalculator(),
            new ReceivablesCalculator(), new TechCostCalculator(), new FunnelCalculator(), new EngineeringCalculator()],
        Options.Create(FinanceOptions.Default),
        new SecretScanner([]));
}
