using ExecReports.Core.Primitives;
using ExecReports.Core.Kpis;
using ExecReports.Core.Reconciliation;
using ExecReports.Core.Reports;
using ExecReports.Core.Reports.Metrics;
using ExecReports.Tests.Support;
using static ExecReports.Tests.Core.Reports.Metrics.BusinessInputs;

namespace ExecReports.Tests.Core.Reports.Metrics;

// Every expected value below was worked out by hand from the months in the test.
public class MarketingDepthTests
{
    private static string Blast(string field, int number = 1) => $"cmo.email.jada.2026-11.{number}.{field}";

    private static KpiMonth October(decimal deposits) =>
        new KpiMonthBuilder().For("jada", "2026-10").With(m => m with { EmailBlasts = [], CustomerDeposits = deposits });

    [Fact]
    public void LoadedEmailRoiUsesRecognisedRevenueAndAddsProductionCost()
    {
        // Holiday sails: $900 attributed, $45 recorded. November books $200 for a January trip and deposits rise $1,000 → $1,100.
        // Not revenue yet: min(900, 200 + 100) = 300, so recognised = 600; loaded cost = 45 + 150 = 195; ROI = (600 − 195) ÷ 195.
        var november = new KpiMonthBuilder().With(m => m with
        {
            CustomerDeposits = 1100m,
            Revenue = [.. m.Revenue, new RevenueLine { Stream = "Charter deposit", Amount = 200m, Received = 200m, ServiceDate = new DateOnly(2027, 1, 20) }],
        });

        var book = Book(October(1000m), november);

        Assert.Equal(600m, book.Get(Blast("recognised-revenue")).Value);
        Assert.Equal(195m, book.Get(Blast("loaded-cost")).Value);
        Assert.Equal(405m / 195m, book.Get(Blast("loaded-roi")).Value);
        Assert.Equal(19m, book.Get(Blast("roi")).Value); // (900 − 45) ÷ 45, unchanged
        Assert.Contains(book.Get(Blast("recognised-revenue")).Inputs, i => i.Source == MetricInput.MetricSource(RevenueRecognitionCalculator.FutureService("jada")));
    }

    [Fact]
    public void DepositsTakenInAMonthAreSharedAmongItsBlastsByAttributedRevenue()
    {
        // Deposits rise $600 (400 → 1,000); blasts earn $900 and $300: shares 3/4 and 1/4 → $450 and $150 not revenue.
        var november = new KpiMonthBuilder().With(m => m with
        {
            CustomerDeposits = 1000m,
            EmailBlasts = [m.EmailBlasts[0], new EmailBlast { Name = "Gift cards", Date = new DateOnly(2026, 11, 20), Sent = 700, Bookings = 1, Revenue = 300m, Cost = 20m }],
        });

        var book = Book(October(400m), november);

        Assert.Equal(450m, book.Get(Blast("recognised-revenue", 1)).Value);
        Assert.Equal(150m, book.Get(Blast("recognised-revenue", 2)).Value);
        // Channel: recognised 600, loaded (45 + 150) + (20 + 150) = 365; ROI (600 − 365) ÷ 365.
        Assert.Equal(600m, book.Get(MarketingCalculator.EmailChannelId("email", CmoFigure.RecognisedRevenue)).Value);
        Assert.Equal(365m, book.Get(MarketingCalculator.EmailChannelId("email", CmoFigure.LoadedCost)).Value);
        Assert.Equal(235m / 365m, book.Get(MarketingCalculator.EmailChannelId("email", CmoFigure.LoadedRoi)).Value);
    }

    [Fact]
    public void AnEarlierMonthsBlastUsesThatMonthsFutureServiceFigure()
    {
        // April: a $2,400 deposit booked as revenue for July and a $2,400 blast: none of it is revenue in April.
        var april = new KpiMonthBuilder().For("jada", "2026-04").With(m => m with
        {
            Revenue = [new RevenueLine { Stream = "Deposit: July 4th", Amount = 2400m, Received = 2400m, ServiceDate = new DateOnly(2026, 7, 4) }],
            EmailBlasts = [new EmailBlast { Name = "Fireworks pre-sale", Date = new DateOnly(2026, 4, 15), Sent = 472, Bookings = 6, Revenue = 2400m, Cost = 30m }],
        });

        var book = Book(april, new KpiMonthBuilder().With(m => m with { EmailBlasts = [] }));

        Assert.Equal(2400m, book.Get(RevenueRecognitionCalculator.FutureServiceIn("jada", Period.Parse("2026-04"))).Value);
        Assert.Equal(0m, book.Get("cmo.email.jada.2026-04.1.recognised-revenue").Value);
        Assert.Equal(-1m, book.Get("cmo.email.jada.2026-04.1.loaded-roi").Value); // (0 − 180) ÷ 180
    }

    [Fact]
    public void PaidChannelsGetCacAndRoasWhenTrackedAndSayTrackingIsMissingOtherwise()
    {
        // Google Ads $400 + $200 with a "Google Ads" channel row of 4 bookings and $1,200: CAC 600 ÷ 4 = 150, ROAS 1,200 ÷ 600 = 2.
        // Social ads $250 with no channel row: no CAC, no ROAS.
        var november = new KpiMonthBuilder().With(m => m with
        {
            Expenses =
            [
                .. m.Expenses,
                new ExpenseLine { Description = "Google Ads", Category = "Marketing", Amount = 400m, Vendor = "Google" },
                new ExpenseLine { Description = "Google Ads", Category = "Marketing", Amount = 200m, Vendor = "Google" },
                new ExpenseLine { Description = "Social ads", Category = "Marketing", Amount = 250m },
                new ExpenseLine { Description = "Brochure print", Category = "Marketing", Amount = 90m },
            ],
            Channels = [.. m.Channels, new ChannelMetrics { Channel = "Google Ads", Visits = 300, Inquiries = 9, Bookings = 4, Revenue = 1200m }],
        });

        var book = Book(november);

        Assert.Equal(600m, book.Get(MarketingCalculator.PaidId("jada", "Google Ads", CmoFigure.Spend)).Value);
        Assert.Equal(150m, book.Get(MarketingCalculator.PaidId("jada", "Google Ads", CmoFigure.Cac)).Value);
        Assert.Equal(2m, book.Get(MarketingCalculator.PaidId("jada", "Google Ads", CmoFigure.Roas)).Value);
        Assert.Equal(250m, book.Get(MarketingCalculator.PaidId("jada", "Social ads", CmoFigure.Spend)).Value);
        Assert.Equal("conversion tracking missing", book.Get(MarketingCalculator.PaidId("jada", "Social ads", CmoFigure.Cac)).Display);
        Assert.Equal("conversion tracking missing", book.Get(MarketingCalculator.PaidId("jada", "Social ads", CmoFigure.Roas)).Display);
        Assert.Null(book.Find(MarketingCalculator.PaidId("jada", "Brochure print", CmoFigure.Spend)));
        // Email beside them: $45 for 2 bookings and $900 → CAC 22.5, return 20.
        Assert.Equal(22.5m, book.Get(MarketingCalculator.EmailMonthId("jada", CmoFigure.Cac)).Value);
        Assert.Equal(20m, book.Get(MarketingCalculator.EmailMonthId("jada", CmoFigure.Roas)).Value);
    }

    [Fact]
    public void ChannelNamesThatDifferBetweenCatalogAndInputsAreShownAndNearMissesAndUnplannedNamesBecomeDataConflicts()
    {
        // Plan: Sailo, GetMyBoat, Viator, GetYourGuide, direct web, email. Inputs: Sailo, Get My Boat (near miss), direct web (mobile)
        // (near miss), TikTok (not planned), email (the blast). Viator and GetYourGuide are planned but not recorded.
        var november = new KpiMonthBuilder().With(m => m with
        {
            Channels =
            [
                .. m.Channels,
                new ChannelMetrics { Channel = "Get My Boat", Visits = 100 },
                new ChannelMetrics { Channel = "direct web (mobile)", Visits = 900 },
                new ChannelMetrics { Channel = "TikTok", Visits = 50 },
            ],
        });
        var inputs = Inputs([november]);

        var names = MarketingCalculator.ChannelNames(inputs);
        var set = Engine().Generate(inputs, [ReportRole.Cmo]);

        Assert.Equal(
        [
            (ChannelNameMatch.NearMiss, "GetMyBoat", "Get My Boat"),
            (ChannelNameMatch.NearMiss, "direct web", "direct web (mobile)"),
        ], names.Where(n => n.Match == ChannelNameMatch.NearMiss).Select(n => (n.Match, n.Catalog.Single(), n.Inputs.Single())));
        Assert.Equal(["Viator", "GetYourGuide"], names.Single(n => n.Match == ChannelNameMatch.CatalogOnly).Catalog);
        Assert.Equal(["TikTok"], names.Single(n => n.Match == ChannelNameMatch.InputsOnly).Inputs);
        Assert.Equal(7m, set.Metrics.Get(MarketingCalculator.UnmatchedChannelNames("jada")).Value); // (1 + 1) + (1 + 1) near misses + 2 planned only + 1 unplanned
        var conflict = Assert.Single(set.Conflicts, c => c.Figure.StartsWith("channels in the KPI inputs missing", StringComparison.Ordinal));
        Assert.Equal("TikTok", conflict.Recorded);
        Assert.Equal(["entities.yaml:0"], conflict.Sources);
        Assert.Contains(ReportRole.Cmo, conflict.Roles);
        Assert.Equal(2, set.Conflicts.Count(c => c.Figure.StartsWith("channel name spelling", StringComparison.Ordinal)));
        Assert.DoesNotContain(set.Conflicts, c => c.Stated.Contains("Viator", StringComparison.Ordinal));
        Assert.Contains("Get My Boat", Section(set, ReportRole.Cmo, "Channel Visibility Matrix").Markdown);
    }

    [Fact]
    public void OtaOrderWeighsFitAndCannibalisationBeforePrice()
    {
        // JADA sells "private sails and sunset cruises"; Sailo is live. Not listed: GetMyBoat (fits "private sails" but sells what
        // live Sailo sells), Viator and GetYourGuide (fit "cruises", no overlap). Average gross per booking: 1,700 ÷ 5 = 340;
        // Viator 340 × 0.75 = 255 beats GetYourGuide 340 × 0.725 = 246.5, so: Sailo, Viator, GetYourGuide, GetMyBoat.
        var catalog = Catalog(Business("jada", "JADA", "Sailo", "GetMyBoat", "Viator", "GetYourGuide") with { Description = "Private sails and sunset cruises." });
        var inputs = Inputs([new KpiMonthBuilder()], catalog);

        var sequence = MarketingCalculator.Sequence(inputs, Fees, "jada", MarketingOptions.Default.Marketplaces);
        var book = Engine().Metrics(inputs);

        Assert.Equal(["Sailo", "Viator", "GetYourGuide", "GetMyBoat"], sequence.Select(o => o.Channel));
        Assert.Equal(["Sailo"], sequence.Single(o => o.Channel == "GetMyBoat").Overlaps);
        Assert.Equal("fits: cruises", book.Get(MarketingCalculator.OtaId("jada", "Viator", CmoFigure.Fit)).Display);
        Assert.Equal(28m, book.Get(MarketingCalculator.OtaId("jada", "Viator", CmoFigure.LeadDays)).Value);
        Assert.Equal(1m, book.Get(MarketingCalculator.OtaId("jada", "GetMyBoat", CmoFigure.Overlap)).Value);
        Assert.Equal(0m, book.Get(MarketingCalculator.DirectShare("jada")).Value); // only Sailo has bookings
    }
}
