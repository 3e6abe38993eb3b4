using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reconciliation;
using ExecReports.Core.Reports;
using ExecReports.Core.Validation;
using ExecReports.Tests.Support;

namespace ExecReports.Tests.Core.Reconciliation;

public class ReconcilerTests(SampleReports samples) : IClassFixture<SampleReports>
{
    private static readonly ReconciliationOptions Options = ReconciliationOptions.Default;

    private static KpiMonth WithAws(KpiMonth m, decimal amount) => m with
    {
        Expenses = [new ExpenseLine { Description = "AWS (S3, Lambda)", Category = "Software", AccountCode = "6040", Amount = amount, Vendor = "Amazon Web Services" }],
    };

    private static ConflictCorpus AwsCorpus(decimal booked) => new ConflictCorpus()
        .Note("qosd.md", "queenofsandiego", "2026-11-04", "AWS bill for October: $412 total, Lambda $188.")
        .Kpi("queenofsandiego", "2026-10", m => WithAws(m, booked));

    [Fact]
    public void AMoneyFigureTheBooksContradictIsAConflictWithBothSources()
    {
        var corpus = AwsCorpus(40m);

        var conflict = Assert.Single(Reconciler.Find(corpus.Build(), Options));

        Assert.Equal(("queenofsandiego", Period.Parse("2026-10"), "AWS cost"), (conflict.EntityId, conflict.Month, conflict.Figure));
        Assert.Equal(("$412", "$40"), (conflict.Stated, conflict.Recorded));
        Assert.Equal([corpus.Source("qosd.md")], conflict.Sources);
        Assert.Equal("expenses (AWS lines)", conflict.KpiField);
        Assert.Equal(372m, conflict.MoneyImpact);
    }

    [Theory]
    // $412 vs $330: $82 apart, under the $100 threshold.
    [InlineData(330, false)]
    // $412 vs $311: $101 apart and 32% of $311.
    [InlineData(311, true)]
    [InlineData(412, false)]
    public void MoneyIsAConflictOnlyPastBothThresholds(decimal booked, bool conflict)
    {
        Assert.Equal(conflict, Reconciler.Find(AwsCorpus(booked).Build(), Options).Any());
    }

    [Fact]
    public void MoneyWithinThePercentThresholdIsNoConflict()
    {
        // $5,000 vs $4,600: $400 apart but 8.7% of $4,600, under 10%.
        var corpus = new ConflictCorpus()
            .Note("rental.md", "rental-3028-51st", "2026-11-10", "Security deposits ($5,000 held) are in the operating account.")
            .Kpi("rental-3028-51st", "2026-11", m => m with { SecurityDeposits = 4_600m });

        Assert.Empty(Reconciler.Find(corpus.Build(), Options));
    }

    [Fact]
    public void SecurityDepositsHeldAreComparedInTheMonthTheNoteWasUpdated()
    {
        var corpus = new ConflictCorpus()
            .Note("rental.md", "rental-3028-51st", "2026-09-14", "Security deposits ($4,200 held) are mixed with operating cash.")
            .Kpi("rental-3028-51st", "2026-09", m => m with { SecurityDeposits = 6_300m });

        var conflict = Assert.Single(Reconciler.Find(corpus.Build(), Options));

        Assert.Equal(("security deposits held", "$4,200", "$6,300", "securityDeposits", "2026-09"), (conflict.Figure, conflict.Stated, conflict.Recorded, conflict.KpiField, conflict.Month.ToString()));
        Assert.Equal([corpus.Source("rental.md")], conflict.Sources);
    }

    [Theory]
    // 11 stated vs 7 recorded: 4 apart, 57%.
    [InlineData(7, true)]
    // 11 vs 10: one apart, under the minimum of 2.
    [InlineData(10, false)]
    public void ACountIsAConflictPastTheCountThresholds(int recorded, bool conflict)
    {
        var corpus = new ConflictCorpus()
            .Note("dc.md", "dangerouscentaur", "2026-11-20", "Deployed 11 times in October; lead time ~4 hours.")
            .Kpi("dangerouscentaur", "2026-10", m => m with { Engineering = new EngineeringMetrics { Deployments = recorded } });

        var found = Reconciler.Find(corpus.Build(), Options);

        Assert.Equal(conflict, found.Count == 1);
        if (conflict)
        {
            Assert.Equal(("deployments", "11", "7", "engineering.deployments"), (found[0].Figure, found[0].Stated, found[0].Recorded, found[0].KpiField));
        }
    }

    private static PortfolioClient Retainer(string name, decimal amount) => new() { Name = name, BillingType = BillingType.Retainer, Retainer = amount };

    [Theory]
    [InlineData(3500, true)]
    [InlineData(2500, false)]
    public void RetainerRatesInANoteMustBeTheRatesTheClientsAreBilled(decimal third, bool conflict)
    {
        var corpus = new ConflictCorpus()
            .Note("portfolio.md", "dangerouscentaur-portfolio", "2026-11-15", "5 active clients; 3 on monthly retainers ($1,500, $2,000 and $2,500).")
            .Kpi("dangerouscentaur-portfolio", "2026-11", m => m with
            {
                Portfolio = new PortfolioData { Clients = [Retainer("Harbor", third), Retainer("Coastal", 2_000m), Retainer("Bayside", 1_500m)] },
            });

        var found = Reconciler.Find(corpus.Build(), Options);

        Assert.Equal(conflict, found.Count == 1);
        if (conflict)
        {
            Assert.Equal(("retainer rates", "$1,500, $2,000, $2,500", "$1,500, $2,000, $3,500"), (found[0].Figure, found[0].Stated, found[0].Recorded));
        }
    }

    [Fact]
    public void AnHourlyRateTwoPercentOffIsAConflict()
    {
        // $130 stated vs $125 billed: 3.8% apart, past the 2% rate threshold.
        var corpus = new ConflictCorpus()
            .Note("portfolio.md", "dangerouscentaur-portfolio", "2026-11-15", "2 clients billed hourly at $130.")
            .Kpi("dangerouscentaur-portfolio", "2026-11", m => m with
            {
                Portfolio = new PortfolioData { Clients = [new PortfolioClient { Name = "Brewing", BillingType = BillingType.Hourly, HourlyRate = 125m }] },
            });

        var conflict = Assert.Single(Reconciler.Find(corpus.Build(), Options));

        Assert.Equal(("hourly rates", "$130", "$125", "portfolio.clients (hourlyRate)"), (conflict.Figure, conflict.Stated, conflict.Recorded, conflict.KpiField));
    }

    private static ConflictCorpus RentalCorpus(string line, string section = "Current state") => new ConflictCorpus()
        .Note("rental.md", "rental-3028-51st", "2026-09-14", line, section)
        .Kpi("rental-3028-51st", "2026-09", m => m with
        {
            Rental = new RentalData
            {
                Units = [new RentalUnit { Name = "Unit A", Occupied = true }, new RentalUnit { Name = "Unit B", Occupied = true }, new RentalUnit { Name = "Unit C", Occupied = true }],
            },
        });

    [Fact]
    public void AUnitVacantInTheNoteButOccupiedInTheKpisIsAConflict()
    {
        var corpus = RentalCorpus("Units A and C occupied on 12-month leases; unit B vacant since 2026-08-31.");

        var conflict = Assert.Single(Reconciler.Find(corpus.Build(), Options));

        Assert.Equal(("occupancy of unit B", "vacant", "occupied", "rental.units[Unit B].occupied"), (conflict.Figure, conflict.Stated, conflict.Recorded, conflict.KpiField));
        Assert.Equal([corpus.Source("rental.md")], conflict.Sources);
    }

    [Fact]
    public void APlanInNextStepsStatesNothingAboutTheBooks()
    {
        Assert.Empty(Reconciler.Find(RentalCorpus("Unit B vacant until listed; list it at $2,100.", "Next steps").Build(), Options));
    }

    [Fact]
    public void AMonthTheNoteNamesAfterItsUpdateDateIsLastYears()
    {
        var corpus = new ConflictCorpus()
            .Note("qosd.md", "queenofsandiego", "2026-01-10", "AWS bill was $412 in December.")
            .Kpi("queenofsandiego", "2025-12", m => WithAws(m, 31m));

        Assert.Equal("2025-12", Assert.Single(Reconciler.Find(corpus.Build(), Options)).Month.ToString());
    }

    [Fact]
    public void MissingRevenueInTheBooksIsAConflict()
    {
        var corpus = new ConflictCorpus()
            .Note("eyd.md", "expert-yacht-delivery", "2026-11-02", "October: 2 deliveries completed (San Diego → Ensenada), $6,400 invoiced.")
            .Kpi("expert-yacht-delivery", "2026-10", m => m with
            {
                Revenue = [],
                YachtDelivery = new YachtDeliveryData { Jobs = [new DeliveryJob { Id = "EYD-2610", From = "A", To = "B", Status = DeliveryStatus.Scheduled }] },
            })
            .Kpi("expert-yacht-delivery", "2026-09", m => m);

        var found = Reconciler.Find(corpus.Build(), Options);

        Assert.Equal([("revenue invoiced", "$6,400", "$0"), ("deliveries completed", "2", "0")], found.Select(c => (c.Figure, c.Stated, c.Recorded)));
    }

    [Fact]
    public void TheDataConflictsBoxOpensTheReportsTheConflictConcernsAndNoOthers()
    {
        var corpus = AwsCorpus(40m);
        var set = TestReportEngine.Default.Generate(corpus.Build());

        foreach (var role in new[] { ReportRole.Cto, ReportRole.Ceo, ReportRole.Cfo, ReportRole.Accounting })
        {
            var markdown = set.For(role)!.Rendered.Markdown;
            // Near the top: inside the executive summary, the first section, before any other.
            var box = markdown.IndexOf("> **Data conflicts**", StringComparison.Ordinal);
            var summary = markdown.IndexOf("\n## Executive Summary\n", StringComparison.Ordinal);
            var second = markdown.IndexOf("\n## ", summary + 1, StringComparison.Ordinal);
            Assert.True(summary > 0 && summary == markdown.IndexOf("\n## ", StringComparison.Ordinal), $"{role.Id}: the summary is not the first section");
            Assert.True(box > summary && box < second, $"{role.Id}: the box is missing or not in the summary");
            Assert.Contains($"the notes say $412 ({corpus.Source("qosd.md")}); the KPI inputs say $40 (KPI expenses (AWS lines), 2026-10)", markdown, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Data conflicts", set.For(ReportRole.Rental)!.Rendered.Markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Data conflicts", set.For(ReportRole.Cmo)!.Rendered.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void TheGateReportsEachConflictAsAWarningNamingBothSources()
    {
        var corpus = AwsCorpus(40m);
        var set = TestReportEngine.Default.Generate(corpus.Build());

        var finding = Assert.Single(samples.Gate.Validate(set).Findings, f => f.Rule == "figures/data-conflict");

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains(corpus.Source("qosd.md"), finding.Message, StringComparison.Ordinal);
        Assert.Contains("KPI expenses (AWS lines), 2026-10", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSamplesConflictsTheCfoReviewFoundAreFound()
    {
        var found = samples.Set.Conflicts.Select(c => (c.EntityId, Month: c.Month.ToString(), c.Figure, c.Stated, c.Recorded)).ToList();

        Assert.Contains(("queenofsandiego", "2026-10", "AWS cost", "$412", "$40"), found);
        Assert.Contains(("expert-yacht-delivery", "2026-10", "revenue invoiced", "$6,400", "$0"), found);
        Assert.Contains(("rental-3028-51st", "2026-09", "occupancy of unit B", "vacant", "occupied"), found);
        Assert.Contains(("rental-3028-51st", "2026-09", "security deposits held", "$4,200", "$6,300"), found);
        Assert.Contains(("dangerouscentaur-portfolio", "2026-11", "retainer rates", "$1,500, $2,000, $2,500", "$1,500, $2,000, $3,500"), found);
        Assert.Contains(("dangerouscentaur-portfolio", "2026-11", "hourly rates", "$130", "$110, $125"), found);
        Assert.Contains(("quickdumpnow", "2026-10", "ad spend", "$600", "$1,800"), found);
        // Both AWS notes state it: one conflict, two sources.
        Assert.Equal(2, samples.Set.Conflicts.Single(c => c.Figure == "AWS cost").Sources.Count);
    }

    [Fact]
    public void AReportQuotingAStaleNoteSaysSo()
    {
        // The sample rental note was updated 2026-09-14: 78 days before 2026-12-01, past the 30-day threshold.
        var rental = samples.Set.For(ReportRole.Rental)!.Rendered.Markdown;

        Assert.Contains("> **Stale handoff notes quoted**", rental, StringComparison.Ordinal);
        Assert.Contains("> - rental-3028-51st.md: updated 2026-09-14.", rental, StringComparison.Ordinal);
        Assert.DoesNotContain("rental-3028-51st.md: updated", samples.Set.For(ReportRole.Cmo)!.Rendered.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void AClientsRetainerInANoteIsHeldAgainstThatClientsContractTermsAndShownInTheBillingAudit()
    {
        var corpus = new ConflictCorpus()
            .Note("portfolio.md", "dangerouscentaur-portfolio", "2026-11-15", "Harbor Analytics is on a retainer of $3,000 a month.")
            .Kpi("dangerouscentaur-portfolio", "2026-11", m => m with
            {
                Portfolio = new PortfolioData { Clients = [Retainer("Harbor Analytics", 3_500m), Retainer("Coastal", 3_000m)] },
            });
        var inputs = corpus.Build();

        var conflict = Assert.Single(Reconciler.Find(inputs, Options));

        Assert.Equal(("retainer of Harbor Analytics", "$3,000", "$3,500", "portfolio.clients[Harbor Analytics].retainer"),
            (conflict.Figure, conflict.Stated, conflict.Recorded, conflict.KpiField));
        Assert.Equal([corpus.Source("portfolio.md")], conflict.Sources);
        var billing = ExecReports.Tests.Support.TestReportEngine.Default.Generate(inputs, [ReportRole.PortfolioBilling]).For(ReportRole.PortfolioBilling)!;
        Assert.Contains($"retainer of Harbor Analytics: the notes say $3,000 ({corpus.Source("portfolio.md")}); the KPI inputs say $3,500 (KPI portfolio.clients",
            billing.Rendered.Markdown, StringComparison.Ordinal);
    }
}
