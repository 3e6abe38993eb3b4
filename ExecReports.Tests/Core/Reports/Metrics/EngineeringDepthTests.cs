using ExecReports.Core.Kpis;
using ExecReports.Core.Reports;
using ExecReports.Core.Reports.Metrics;
using ExecReports.Tests.Core.Ingestion;
using ExecReports.Tests.Support;

namespace ExecReports.Tests.Core.Reports.Metrics;

// Expected values worked out by hand from the inputs in each test.
public class EngineeringDepthTests
{
    private static MetricBook Book(ReportInputs inputs) => TestReportEngine.Default.Metrics(inputs);

    private static ReportInputs Channels(params ChannelMetrics[] channels) =>
        new ReportInputsBuilder().Kpi(new KpiMonthBuilder().For("queenofsandiego", "2026-11").With(m => m with { Channels = channels })).Build();

    [Fact]
    public void MoreBookingsThanInquiriesIsFlaggedImpossibleInsteadOfScoredOverOneHundredPercent()
    {
        // 1,550 visits, 22 inquiries, 35 bookings: 35 > 22, so inquiry → booking has no rate; the other two are real.
        var book = Book(Channels(new ChannelMetrics { Channel = "direct web", Visits = 1550, Inquiries = 22, Bookings = 35 }));

        var rate = book.Get(FunnelCalculator.InquiryToBooking("queenofsandiego", "direct-web"));
        Assert.Null(rate.Value);
        Assert.Equal("impossible: 35 bookings > 22 inquiries, flagged, not scored", rate.Display);
        Assert.Equal(22m / 1550m, book.Get(FunnelCalculator.VisitToInquiry("queenofsandiego", "direct-web")).Value);
        Assert.Equal(35m / 1550m, book.Get(FunnelCalculator.VisitToBooking("queenofsandiego", "direct-web")).Value);
    }

    [Fact]
    public void MoreInquiriesThanVisitsIsFlaggedAndAnEqualStepIsOneHundredPercent()
    {
        // 10 visits, 12 inquiries (impossible), 12 bookings: inquiry → booking 12 ÷ 12 = 100%, visit → booking 12 > 10 impossible.
        var channel = new ChannelMetrics { Channel = "Viator", Visits = 10, Inquiries = 12, Bookings = 12 };
        var book = Book(Channels(channel));

        Assert.Null(book.Get(FunnelCalculator.VisitToInquiry("queenofsandiego", "viator")).Value);
        Assert.Equal(1m, book.Get(FunnelCalculator.InquiryToBooking("queenofsandiego", "viator")).Value);
        Assert.Null(book.Get(FunnelCalculator.VisitToBooking("queenofsandiego", "viator")).Value);
        Assert.Equal(["12 inquiries > 10 visits", "12 bookings > 10 visits"], FunnelCalculator.ImpossibleSteps(channel));
    }

    [Fact]
    public void HygieneCoverageCountsChecksWithEvidenceAndCallsFewerThanFourLow()
    {
        // Tests pass and secrets fail: 2 of 7 known. Adding branch protection and a lock file makes 4 of 7.
        var thin = new ReportInputsBuilder()
            .Handoff("jada.md", new HandoffBuilder().FrontMatter("entity", "jada").FrontMatter("updated", "2026-11-10")
                .Section("Current state", "GitHub Actions runs tests on PR.", "Hard-coded Stripe secret key in `config/stripe.js`."))
            .Build();
        var fuller = new ReportInputsBuilder()
            .Handoff("jada.md", new HandoffBuilder().FrontMatter("entity", "jada").FrontMatter("updated", "2026-11-10")
                .Section("Current state", "GitHub Actions runs tests on PR.", "Hard-coded Stripe secret key in `config/stripe.js`.",
                    "Branch protection is on for main.", "The package-lock file is committed."))
            .Build();

        var low = Book(thin).Get(EngineeringCalculator.HygieneCoverage("jada"));
        var ok = Book(fuller).Get(EngineeringCalculator.HygieneCoverage("jada"));

        Assert.Equal(2m, low.Value);
        Assert.Equal("2 of 7 checks known, low coverage", low.Display);
        Assert.Equal(4m, ok.Value);
        Assert.Equal("4 of 7 checks known", ok.Display);
        Assert.Equal("0 of 7 checks known, low coverage", Book(thin).Get(EngineeringCalculator.HygieneCoverage("rental-3028-51st")).Display);
    }

    [Fact]
    public void ASingleDropletWithSameDiskBackupsIsOneSinglePointAndADataStoreWithoutOffSiteBackup()
    {
        // JADA's stack: Node/Express (backend), PostgreSQL (database), Stripe (payments, provider-run).
        var inputs = new ReportInputsBuilder()
            .Handoff("shipcaptaincrew.md", new HandoffBuilder().FrontMatter("entity", "jada").FrontMatter("updated", "2026-11-18")
                .Section("Known issues", "The droplet is a single point of failure: no replica, nightly `pg_dump` to the same disk only."))
            .Build();

        var book = Book(inputs);

        // Backend and database both run on the droplet; Stripe is the provider's.
        Assert.Equal(2m, book.Get(EngineeringCalculator.SinglePoints("jada")).Value);
        Assert.Equal(1m, book.Get(EngineeringCalculator.DataStoresWithoutOffSiteBackup("jada")).Value);
        Assert.Contains(book.Get(EngineeringCalculator.SinglePoints("jada")).Inputs, i => i.Source == "handoff:shipcaptaincrew.md");
    }

    [Fact]
    public void AnOffSiteBackupNamingOneStoreLeavesTheOtherStoreUnknown()
    {
        // QueenofSandiego: S3 (storage) and DynamoDB (database), both provider-run; only the bucket is said to be versioned.
        var inputs = new ReportInputsBuilder()
            .Handoff("queenofsandiego.md", new HandoffBuilder().FrontMatter("entity", "queenofsandiego").FrontMatter("updated", "2026-11-09")
                .Section("Current state", "The S3 bucket has versioning on."))
            .Build();

        var book = Book(inputs);

        Assert.Equal(0m, book.Get(EngineeringCalculator.SinglePoints("queenofsandiego")).Value);
        Assert.Equal(1m, book.Get(EngineeringCalculator.DataStoresWithoutOffSiteBackup("queenofsandiego")).Value);
        Assert.Null(book.Find(EngineeringCalculator.SinglePoints("rental-3028-51st")));
    }
}
