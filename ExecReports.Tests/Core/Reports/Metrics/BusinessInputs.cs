using ExecReports.Core.Ingestion;
using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reports;
using ExecReports.Core.Reports.Finance;
using ExecReports.Core.Reports.Metrics;
using ExecReports.Tests.Support;

namespace ExecReports.Tests.Core.Reports.Metrics;

// Inputs for the accounting and marketing calculators: the sample chart of accounts and a small catalog of two
// trip sellers, through the shared test engine.
internal static class BusinessInputs
{
    public static readonly Period November = ReportInputsBuilder.November;

    public static ChartOfAccounts Chart => ReportInputsBuilder.SampleChart;

    public static OtaFeeSchedule Fees => TestReportEngine.Fees;

    public static OtaFeeEntry Fee(string channel, string from, decimal rate) => TestReportEngine.Fee(channel, from, rate);

    public static CatalogEntity Business(string id, string name, params string[] channels) =>
        new() { Id = id, Name = name, Kind = EntityKind.Business, Channels = channels };

    public static EntityCatalog Catalog(params CatalogEntity[] entities) => new("entities.yaml", entities);

    public static EntityCatalog DefaultCatalog { get; } = Catalog(
        Business("jada", "JADA", "Sailo", "GetMyBoat", "Viator", "GetYourGuide", "direct web", "email"),
        Business("queenofsandiego", "QueenofSandiego", "direct web", "email", "Viator", "GetYourGuide"));

    public static ReportInputs Inputs(IEnumerable<KpiMonth> months, EntityCatalog? catalog = null, Period? period = null) =>
        new ReportInputsBuilder().Catalog(catalog ?? DefaultCatalog).Accounts(Chart).Kpis(months).Build(period ?? November);

    public static ReportEngine Engine(MarketingOptions? marketing = null) => marketing is null ? TestReportEngine.Default : TestReportEngine.Create(marketing);

    public static MetricBook Book(params KpiMonth[] months) => Engine().Metrics(Inputs(months));

    public static ReportSection Section(ReportSet set, ReportRole role, string heading) =>
        Assert.Single(set.For(role)!.Sections, s => s.Heading == heading);
}
