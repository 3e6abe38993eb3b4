using ExecReports.Core.Ingestion;
using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reports;
using ExecReports.Core.Reports.Finance;
using ExecReports.Core.Reports.Generators;
using ExecReports.Core.Reports.Metrics;
using ExecReports.Core.Secrets;
using ExecReports.Tests.Support;
using Microsoft.Extensions.Options;

namespace ExecReports.Tests.Core.Reports.AccountingCmo;

// Built inputs for the Accounting and CMO reports: the sample chart of accounts, a small catalog and the real engine.
internal static class AccountingCmoFixture
{
    public static readonly Period November = Period.Parse("2026-11");

    public static ChartOfAccounts Chart { get; } = ChartOfAccounts.Load(Path.Combine(RepoPaths.Samples, "kpis", ChartOfAccounts.FileName));

    public static OtaFeeEntry Fee(string channel, string from, decimal rate) => new() { Channel = channel, EffectiveFrom = from, CommissionRate = rate, Note = "test" };

    public static OtaFeeSchedule Schedule { get; } = new(
    [
        Fee("GetMyBoat", "2025-01-01", 0.10m),
        Fee("GetYourGuide", "2025-01-01", 0.275m),
        Fee("Sailo", "2025-01-01", 0.15m),
        Fee("Viator", "2025-01-01", 0.25m),
    ]);

    public static CatalogEntity Business(string id, string name, params string[] channels) =>
        new() { Id = id, Name = name, Kind = EntityKind.Business, Channels = channels };

    public static EntityCatalog Catalog(params CatalogEntity[] entities) => new("entities.yaml", entities);

    public static EntityCatalog DefaultCatalog { get; } = Catalog(
        Business("jada", "JADA", "Sailo", "GetMyBoat", "Viator", "GetYourGuide", "direct web", "email"),
        Business("queenofsandiego", "QueenofSandiego", "direct web", "email", "Viator", "GetYourGuide"));

    public static ReportInputs Inputs(IEnumerable<KpiMonth> months, EntityCatalog? catalog = null, Period? period = null) => new()
    {
        Period = period ?? November,
        Catalog = catalog ?? DefaultCatalog,
        Handoffs = new HandoffSnapshot("handoffs", 1, new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), 30, [], null),
        Kpis = months.ToList(),
        Accounts = Chart,
        KpisLastEdited = null,
        Now = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero),
    };

    public static ReportEngine Engine(MarketingOptions? marketing = null)
    {
        var options = Options.Create(marketing ?? MarketingOptions.Default);
        return new ReportEngine(
            [new AccountingReport(), new CmoReport(options, Schedule)],
            [new PortfolioCalculator(), new AccountingCalculator(), new MarketingCalculator(options, Schedule)],
            Options.Create(FinanceOptions.Default),
            new SecretScanner([]));
    }

    public static MetricBook Book(params KpiMonth[] months) => Engine().Metrics(Inputs(months));

    public static ReportSection Section(ReportSet set, ReportRole role, string heading) =>
        Assert.Single(set.For(role)!.Sections, s => s.Heading == heading);
}
