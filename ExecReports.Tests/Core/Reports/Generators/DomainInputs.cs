using ExecReports.Core.Ingestion;
using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reports;
using ExecReports.Core.Reports.Metrics;
using ExecReports.Tests.Support;

namespace ExecReports.Tests.Core.Reports.Generators;

// One period's inputs for the domain reports, built directly from KPI months and handoff facts, through the shared test engine.
internal static class DomainInputs
{
    public static readonly Period November = ReportInputsBuilder.November;

    private static readonly EntityCatalog Catalog = new("entities.yaml",
    [
        new CatalogEntity { Id = RentalCalculator.EntityId, Name = "3028 51st St Rental", Kind = EntityKind.Domain },
        new CatalogEntity { Id = YachtDeliveryCalculator.EntityId, Name = "Expert Yacht Delivery", Kind = EntityKind.Domain },
        new CatalogEntity { Id = PortfolioBillingCalculator.EntityId, Name = "DangerousCentaur Client Portfolio", Kind = EntityKind.Domain },
    ]);

    public static KpiMonth Month(string entityId, string period, Func<KpiMonth, KpiMonth>? change = null)
    {
        var month = new KpiMonth { EntityId = entityId, Period = Period.Parse(period), Currency = "USD" };
        return change is null ? month : change(month);
    }

    // Facts start at line 5 of the file, one a line, so a test can name the source it expects.
    public static HandoffDocument Handoff(string entityId, string file, params (SectionKind Kind, string Text)[] facts) => new()
    {
        File = file,
        EntityId = entityId,
        Status = HandoffStatus.Ok,
        Title = file,
        Updated = new DateOnly(2026, 9, 1),
        Sections = [new HandoffSection(SectionKind.Other, null, 4, facts.Select((f, i) => new HandoffFact(f.Kind, f.Text, [], [], i + 5)).ToList())],
    };

    public static ReportInputs Inputs(IEnumerable<KpiMonth> kpis, params HandoffDocument[] handoffs) =>
        new ReportInputsBuilder().Catalog(Catalog).Kpis(kpis).Handoff(handoffs).Build();

    // With the sample chart of accounts, for figures that split cost of sales from overhead.
    public static ReportInputs InputsWithChart(IEnumerable<KpiMonth> kpis) =>
        new ReportInputsBuilder().Catalog(Catalog).Accounts(ReportInputsBuilder.SampleChart).Kpis(kpis).Build();

    public static MetricBook Book(ReportInputs inputs) => TestReportEngine.Default.Metrics(inputs);

    public static Report Report(ReportInputs inputs, ReportRole role) => TestReportEngine.Default.Generate(inputs, [role]).For(role)!;

    public static ReportSection Section(Report report, string heading) => report.Sections.Single(s => s.Heading == heading);
}
