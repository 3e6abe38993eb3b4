using ExecReports.Core.Ingestion;
using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reports;
using ExecReports.Core.Reports.Finance;
using ExecReports.Core.Reports.Generators;
using ExecReports.Core.Reports.Metrics;
using ExecReports.Core.Secrets;
using Microsoft.Extensions.Options;

namespace ExecReports.Tests.Core.Reports.Domain;

// One period's inputs built directly from KPI months and handoff facts, run through the real engine.
internal static class DomainHarness
{
    public static readonly Period November = Period.Parse("2026-11");
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

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

    public static ReportInputs Inputs(IEnumerable<KpiMonth> kpis, params HandoffDocument[] handoffs) => new()
    {
        Period = November,
        Catalog = Catalog,
        Handoffs = new HandoffSnapshot("handoffs", 1, Now, 30, handoffs, null),
        Kpis = kpis.ToList(),
        Accounts = ChartOfAccounts.Empty,
        KpisLastEdited = null,
        Now = Now,
    };

    private static ReportEngine Engine() => new(
        [new RentalReport(), new YachtDeliveryReport(), new PortfolioBillingReport()],
        [new PortfolioCalculator(), new RentalCalculator(), new YachtDeliveryCalculator(), new PortfolioBillingCalculator()],
        Options.Create(FinanceOptions.Default),
        new SecretScanner([]));

    public static MetricBook Book(ReportInputs inputs) => Engine().Metrics(inputs);

    public static Report Report(ReportInputs inputs, ReportRole role) => Engine().Generate(inputs, [role]).For(role)!;

    public static ReportSection Section(Report report, string heading) => report.Sections.Single(s => s.Heading == heading);
}
