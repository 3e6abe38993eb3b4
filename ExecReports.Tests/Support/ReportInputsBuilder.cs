using System.Text.Json;
using ExecReports.Core.Ingestion;
using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reports;
using ExecReports.Tests.Core.Ingestion;

namespace ExecReports.Tests.Support;

// Report inputs built directly, without a database: the sample catalog unless a test gives its own, handoffs
// (parsed from text or built as documents), KPI months and a chart of accounts, at a fixed clock.
public sealed class ReportInputsBuilder
{
    public static readonly Period November = Period.Parse("2026-11");
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly EntityCatalog SampleCatalog = EntityCatalogLoader.Load(Path.Combine(RepoPaths.Samples, "entities.yaml"));
    public static readonly ChartOfAccounts SampleChart = ChartOfAccounts.Load(Path.Combine(RepoPaths.Samples, "kpis", ChartOfAccounts.FileName));

    private readonly List<HandoffDocument> _handoffs = [];
    private readonly List<KpiMonth> _kpis = [];
    private EntityCatalog _catalog = SampleCatalog;
    private ChartOfAccounts _accounts = ChartOfAccounts.Empty;

    public ReportInputsBuilder Catalog(EntityCatalog catalog)
    {
        _catalog = catalog;
        return this;
    }

    public ReportInputsBuilder Accounts(ChartOfAccounts accounts)
    {
        _accounts = accounts;
        return this;
    }

    public ReportInputsBuilder Handoff(string file, HandoffBuilder handoff) => Handoff(file, handoff.Bytes());

    public ReportInputsBuilder Handoff(string file, byte[] content) => Handoff(HandoffParser.Parse(file, content, Now, _catalog));

    public ReportInputsBuilder Handoff(params HandoffDocument[] documents)
    {
        _handoffs.AddRange(documents);
        return this;
    }

    public ReportInputsBuilder Kpi(params KpiMonth[] months) => Kpis(months);

    public ReportInputsBuilder Kpis(IEnumerable<KpiMonth> months)
    {
        _kpis.AddRange(months);
        return this;
    }

    public ReportInputs Build(string? period = null) => Build(period is null ? November : Period.Parse(period));

    public ReportInputs Build(Period period) => new()
    {
        Period = period,
        Catalog = _catalog,
        Handoffs = new HandoffSnapshot("handoffs", 1, Now, 30, _handoffs.ToList(), null),
        Kpis = _kpis.ToList(),
        Accounts = _accounts,
        KpisLastEdited = null,
        Now = Now,
    };

    // The shipped samples read straight from samples/, without the database the real loader goes through.
    public static ReportInputs Samples()
    {
        var inputs = new ReportInputsBuilder().Accounts(SampleChart);
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Samples, "handoffs"), "*.md").Order(StringComparer.Ordinal))
        {
            inputs.Handoff(Path.GetFileName(file), File.ReadAllBytes(file));
        }

        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Samples, "kpis"), "*.json").Where(f => !f.EndsWith(ChartOfAccounts.FileName, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            inputs.Kpis(JsonSerializer.Deserialize<List<KpiMonth>>(File.ReadAllText(file), KpiJson.Options)!);
        }

        return inputs.Build();
    }
}
