using ExecReports.Core.Ingestion;
using ExecReports.Core.Kpis;
using ExecReports.Core.Reports;
using ExecReports.Core.Reports.Metrics;
using static ExecReports.Core.Reports.Metrics.PortfolioBillingCalculator;
using static ExecReports.Tests.Core.Reports.Generators.DomainInputs;

namespace ExecReports.Tests.Core.Reports.Generators;

public class PortfolioBillingReportTests
{
    private static PortfolioClient Hourly(string name, decimal rate, decimal invoiced = 0m, decimal paid = 0m) =>
        new() { Name = name, BillingType = BillingType.Hourly, HourlyRate = rate, Invoiced = invoiced, Paid = paid };

    private static PortfolioClient Retainer(string name, decimal retainer, decimal invoiced = 0m, decimal paid = 0m) =>
        new() { Name = name, BillingType = BillingType.Retainer, Retainer = retainer, Invoiced = invoiced, Paid = paid };

    private static KpiMonth Clients(params PortfolioClient[] clients) =>
        Month(EntityId, "2026-11", m => m with { Portfolio = new PortfolioData { Clients = clients } });

    [Fact]
    public void OverdueAmountsWithoutInvoicesAgeIntoTheReceivablesBucketsAtTheBoundaries()
    {
        var clients = new[] { 30, 31, 60, 61, 90, 91 }.Select((days, i) =>
            Hourly($"Client {days}", 100m) with { Overdue = 100m * (1 << i), OverdueDays = days }).ToArray();

        var book = Book(Inputs([Clients(clients)]));

        Assert.Equal(100m, book.Get(ReceivablesCalculator.Ageing(EntityId, "1-30")).Value);
        Assert.Equal(600m, book.Get(ReceivablesCalculator.Ageing(EntityId, "31-60")).Value);
        Assert.Equal(2_400m, book.Get(ReceivablesCalculator.Ageing(EntityId, "61-90")).Value);
        Assert.Equal(3_200m, book.Get(ReceivablesCalculator.Ageing(EntityId, "over-90")).Value);
        Assert.Equal(6_300m, book.Get(Overdue).Value);
        Assert.Equal(91m, book.Get(Client("client-91", "overdue-days")).Value);
    }

    [Fact]
    public void UnbilledValueIsHoursTimesTheClientsRateOrTheBenchmark()
    {
        var book = Book(Inputs([Clients(
            Hourly("Mission Bay Brewing", 125m) with { UnbilledHours = 9m },
            Hourly("Pacific Surf School", 110m),
            Retainer("Harbor Analytics", 3_500m) with { UnbilledHours = 6m })]));

        // Mean of $125 and $110 is $117.50, shown and used as $118.
        Assert.Equal(118m, book.Get(BenchmarkRate).Value);
        Assert.Equal(1_125m, book.Get(UnbilledValue("mission-bay-brewing")).Value);
        Assert.Equal(0m, book.Get(UnbilledValue("pacific-surf-school")).Value);
        Assert.Equal(708m, book.Get(UnbilledValue("harbor-analytics")).Value);
        Assert.Equal(15m, book.Get(UnbilledHoursTotal).Value);
        Assert.Equal(1_833m, book.Get(UnbilledValueTotal).Value);
    }

    [Fact]
    public void UnbilledHoursWithNoRateAnywhereAreNotValued()
    {
        var book = Book(Inputs([Clients(Retainer("Harbor Analytics", 3_500m) with { UnbilledHours = 6m })]));

        Assert.Equal("n/a: no hourly client", book.Get(BenchmarkRate).Display);
        Assert.Equal("n/a: no hourly rate", book.Get(UnbilledValue("harbor-analytics")).Display);
        Assert.Equal(0m, book.Get(UnbilledValueTotal).Value);
    }

    [Fact]
    public void EffectiveRetainerRateUsesHoursWorkedFromTheHandoff()
    {
        var handoff = Handoff(EntityId, "portfolio.md",
            (SectionKind.CurrentState, "Harbor Analytics: 40 hours worked in November."),
            (SectionKind.KnownIssues, "Coastal Dental Group has 12 unbilled hours."));

        var book = Book(Inputs([Clients(Hourly("Mission Bay Brewing", 125m), Hourly("Pacific Surf School", 110m),
            Retainer("Harbor Analytics", 3_500m), Retainer("Coastal Dental Group", 2_000m))], handoff));

        Assert.Equal(40m, book.Get(Client("harbor-analytics", "hours-worked")).Value);
        Assert.Equal("handoff:portfolio.md", book.Get(Client("harbor-analytics", "hours-worked")).Inputs.Single().Source);
        Assert.Equal(87.5m, book.Get(Client("harbor-analytics", "effective-rate")).Value);
        Assert.Equal(1_220m, book.Get(Client("harbor-analytics", "under-recovery")).Value);
        Assert.Null(book.Find(Client("coastal-dental-group", "effective-rate")));
    }

    [Fact]
    public void InvoicedPaidAndCostsNotRebilledShare()
    {
        var book = Book(Inputs([Clients(
            Hourly("Mission Bay Brewing", 125m, invoiced: 8_000m, paid: 6_000m) with { CostsNotRebilled = 240m },
            Retainer("Harbor Analytics", 3_500m, invoiced: 4_000m, paid: 4_000m))]));

        Assert.Equal(12_000m, book.Get(Invoiced).Value);
        Assert.Equal(2_000m, book.Get(Outstanding).Value);
        Assert.Equal(0.75m, book.Get(Client("mission-bay-brewing", "paid-share")).Value);
        Assert.Equal(10_000m / 12_000m, book.Get(PaidShare).Value);
        Assert.Equal(240m, book.Get(CostsNotRebilled).Value);
        Assert.Equal("2.0%", book.Get(CostsNotRebilledShare).Display);
    }

    [Fact]
    public void SectionsShowOverdueUnbilledAndUnrecoveredCosts()
    {
        var report = Report(Inputs([Clients(
            Hourly("Pacific Surf School", 110m, invoiced: 12_870m, paid: 6_820m) with { Overdue = 4_400m, OverdueDays = 60, UnbilledHours = 14m },
            Retainer("Bayside Realty", 1_500m, invoiced: 1_500m) with { CostsNotRebilled = 90m })]), ReportRole.PortfolioBilling);

        Assert.Contains("| Pacific Surf School | $4,400 | 60 days | 31–60 days past due |", Section(report, "Overdue Receivables").Markdown);
        Assert.Contains("| Pacific Surf School | 14 h | $110 | $1,540 |", Section(report, "Unbilled Hours").Markdown);
        Assert.Contains("| Bayside Realty | $90 |", Section(report, "Costs Never Re-billed").Markdown);
        Assert.Contains("no hours worked recorded in the handoff notes for Bayside Realty", Assert.Single(Section(report, "Retainers and Invoices").MissingInputs));
        Assert.Contains("| Bayside Realty | retainer | $1,500/mo retainer |", Section(report, "Clients").Markdown);
    }

    [Fact]
    public void EverySectionSaysWhenThereIsNoBillingDataForThePeriod()
    {
        var report = Report(Inputs([]), ReportRole.PortfolioBilling);

        foreach (var heading in ReportSections.For(ReportRole.PortfolioBilling).Skip(2))
        {
            Assert.Equal(["no client billing data recorded for DangerousCentaur Client Portfolio in 2026-11"], Section(report, heading).MissingInputs);
        }
    }

    // Mission Bay $6,000 invoiced ($4,500 paid, 8 unbilled hours at $125 = $1,000), Harbor $3,000 (all paid), Surf $1,000
    // ($500 paid): $10,000 invoiced, $8,000 paid.
    private static KpiMonth[] ThreeClients() =>
    [
        Month(EntityId, "2026-10", m => m with
        {
            Portfolio = new PortfolioData { Clients = [Hourly("Mission Bay Brewing", 125m), Retainer("Harbor Analytics", 3_500m), Hourly("Pacific Surf School", 110m), Retainer("Coastal Dental", 2_000m)] },
        }),
        Clients(
            Hourly("Mission Bay Brewing", 125m, invoiced: 6_000m, paid: 4_500m) with { UnbilledHours = 8m },
            Retainer("Harbor Analytics", 3_500m, invoiced: 3_000m, paid: 3_000m),
            Hourly("Pacific Surf School", 110m, invoiced: 1_000m, paid: 500m)),
    ];

    [Fact]
    public void RealisationIsCollectedOverBilledAndBilledOverWorkAtTheClientsRates()
    {
        var book = Book(Inputs(ThreeClients()));

        // Collection: 8,000 ÷ 10,000. Billing: 10,000 ÷ (10,000 + 1,000).
        Assert.Equal(0.8m, book.Get(PaidShare).Value);
        Assert.Equal(10_000m / 11_000m, book.Get(BillingRealisation).Value);
        Assert.Equal("90.9%", book.Get(BillingRealisation).Display);
    }

    [Fact]
    public void ConcentrationIsTheLargestClientsShareTheTopThreeAndTheHhi()
    {
        var book = Book(Inputs(ThreeClients()));

        // Shares 60%, 30%, 10%: HHI 60² + 30² + 10² = 3,600 + 900 + 100 = 4,600.
        Assert.Equal(0.6m, book.Get(TopClientShare).Value);
        Assert.Contains("Mission Bay Brewing", book.Get(TopClientShare).Label, StringComparison.Ordinal);
        Assert.Equal(1m, book.Get(TopThreeShare).Value);
        Assert.Equal(4_600m, book.Get(Hhi).Value);
        Assert.Equal("4,600", book.Get(Hhi).Display);
    }

    [Fact]
    public void AClientOnLastMonthsListAndNotOnThisMonthsIsChurn()
    {
        var inputs = Inputs(ThreeClients());
        var book = Book(inputs);

        // Four clients in October, three of them still there in November: 1 ÷ 4.
        Assert.Equal(1m, book.Get(ChurnedClients).Value);
        Assert.Equal(0.25m, book.Get(ChurnRate).Value);
        Assert.Contains("Churn: 1 client(s) lost since 2026-10 (25.0%): Coastal Dental.", Section(Report(inputs, ReportRole.PortfolioBilling), "Clients").Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void ChurnIsNotRecordedWithoutLastMonthsClientList()
    {
        var book = Book(Inputs([ThreeClients()[1]]));

        Assert.Equal("not recorded: no client list for 2026-10", book.Get(ChurnedClients).Display);
        Assert.Null(book.Get(ChurnRate).Value);
    }
}
