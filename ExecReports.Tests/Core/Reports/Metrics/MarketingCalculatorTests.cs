using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reports;
using ExecReports.Core.Reports.Finance;
using ExecReports.Core.Reports.Metrics;
using ExecReports.Tests.Support;
using static ExecReports.Tests.Core.Reports.Metrics.BusinessInputs;

namespace ExecReports.Tests.Core.Reports.Metrics;

// Every expected value below was worked out by hand from the months in the test.
public class MarketingCalculatorTests
{
    private static string Blast(string field) => $"cmo.email.jada.2026-11.1.{field}";

    [Fact]
    public void EmailRoiIsAttributedRevenueLessCostOverCostWithCostPerBookingAndRates()
    {
        // Holiday sails: 628 sent, 251 opened, 38 clicked, 2 bookings, $900 revenue, $45 cost.
        var book = Book(new KpiMonthBuilder());

        Assert.Equal(19m, book.Get(Blast("roi")).Value); // (900 − 45) ÷ 45
        Assert.Equal(22.5m, book.Get(Blast("cost-per-booking")).Value); // 45 ÷ 2
        Assert.Equal(38m / 628m, book.Get(Blast("click-rate")).Value);
        Assert.Equal(251m / 628m, book.Get(Blast("open-rate")).Value);
        Assert.Equal("1900.0%", book.Get(Blast("roi")).Display);
    }

    [Fact]
    public void ZeroCostGivesNoRoiFigureAndSaysWhy()
    {
        var earned = Book(new KpiMonthBuilder().WithBlast(0, b => b with { Cost = 0m }));
        var nothing = Book(new KpiMonthBuilder().WithBlast(0, b => b with { Cost = 0m, Revenue = 0m, Bookings = 0 }));

        Assert.Null(earned.Get(Blast("roi")).Value);
        Assert.Equal("∞ (no cost recorded)", earned.Get(Blast("roi")).Display);
        Assert.Equal(0m, earned.Get(Blast("cost-per-booking")).Value);
        Assert.Equal("n/a: no cost and no revenue", nothing.Get(Blast("roi")).Display);
    }

    [Fact]
    public void ZeroBookingsHasNoCostPerBookingAndANegativeRoiWhenNothingWasEarned()
    {
        var book = Book(new KpiMonthBuilder().WithBlast(0, b => b with { Bookings = 0, Revenue = 0m }));

        Assert.Null(book.Get(Blast("cost-per-booking")).Value);
        Assert.Equal("n/a: no bookings", book.Get(Blast("cost-per-booking")).Display);
        Assert.Equal(-1m, book.Get(Blast("roi")).Value); // (0 − 45) ÷ 45
    }

    [Fact]
    public void ChannelRoiSumsRevenueAndCostBeforeDividing()
    {
        var book = Book(new KpiMonthBuilder().With(m => m with
        {
            EmailBlasts =
            [
                m.EmailBlasts[0],
                new EmailBlast { Name = "Gift cards", Date = new DateOnly(2026, 11, 20), Sent = 1200, Clicked = 12, Bookings = 1, Revenue = 100m, Cost = 55m },
            ],
        }));

        // (900 + 100 − (45 + 55)) ÷ (45 + 55) = 9; cost per booking 100 ÷ 3; click rate (38 + 12) ÷ (628 + 1200).
        Assert.Equal(9m, book.Get(MarketingCalculator.EmailChannelId("email", CmoFigure.Roi)).Value);
        Assert.Equal(100m / 3m, book.Get(MarketingCalculator.EmailChannelId("email", CmoFigure.CostPerBooking)).Value);
        Assert.Equal(50m / 1828m, book.Get(MarketingCalculator.EmailChannelId("email", CmoFigure.ClickRate)).Value);
    }

    [Fact]
    public void EffectiveTakeRateIsCommissionDeductedOverGrossChannelRevenue()
    {
        // Sailo payout $1,700 net of $300 commission; the channel's gross revenue is $2,000.
        var book = Book(new KpiMonthBuilder().WithChannel(0, c => c with { Revenue = 2000m, CommissionRate = 0.12m }));

        Assert.Equal(0.15m, book.Get(MarketingCalculator.ChannelId("jada", "Sailo", CmoFigure.TakeRate)).Value);
        Assert.Equal(1700m, book.Get(MarketingCalculator.ChannelId("jada", "Sailo", CmoFigure.NetRevenue)).Value);
        Assert.Equal(0.12m, book.Get(MarketingCalculator.ChannelId("jada", "Sailo", CmoFigure.CommissionRate)).Value);
    }

    [Fact]
    public void TakeRateFallsBackToTheKpiRateThenTheFeeScheduleWhenNoPayoutRecordsCommission()
    {
        var noCommission = new KpiMonthBuilder().With(m => m with { Revenue = [m.Revenue[0]] });
        var kpiRate = Book(noCommission.WithChannel(0, c => c with { Revenue = 1000m, CommissionRate = 0.12m }));
        var scheduleRate = Book(new KpiMonthBuilder().With(m => m with { Revenue = [m.Revenue[0]] })
            .WithChannel(0, c => c with { Revenue = 1000m, CommissionRate = null }));

        var fromKpi = kpiRate.Get(MarketingCalculator.ChannelId("jada", "Sailo", CmoFigure.TakeRate));
        var fromSchedule = scheduleRate.Get(MarketingCalculator.ChannelId("jada", "Sailo", CmoFigure.TakeRate));
        Assert.Equal(0.12m, fromKpi.Value);
        Assert.Equal("kpi:jada", Assert.Single(fromKpi.Inputs).Source);
        Assert.Equal(0.15m, fromSchedule.Value);
        Assert.Equal("config", Assert.Single(fromSchedule.Inputs).Source);
        Assert.Equal(850m, scheduleRate.Get(MarketingCalculator.ChannelId("jada", "Sailo", CmoFigure.NetRevenue)).Value);
    }

    [Fact]
    public void FeeScheduleUsesTheLatestEntryInForceOnThePeriodsLastDay()
    {
        var schedule = new OtaFeeSchedule(
        [
            Fee("Viator", "2025-01-01", 0.20m),
            Fee("Viator", "2026-11-30", 0.25m),
            Fee("Viator", "2026-12-01", 0.30m),
            Fee("Sailo", "2026-06-01", 0.15m),
        ]);

        Assert.Equal(0.25m, schedule.InForce("viator", Period.Parse("2026-11"))!.CommissionRate);
        Assert.Equal(0.20m, schedule.InForce("Viator", Period.Parse("2026-10"))!.CommissionRate);
        Assert.Equal(0.30m, schedule.InForce("Viator", Period.Parse("2027-03"))!.CommissionRate);
        Assert.Null(schedule.InForce("Viator", Period.Parse("2024-12")));
        Assert.Null(schedule.InForce("Sailo", Period.Parse("2026-05")));
        Assert.Null(schedule.InForce("direct web", Period.Parse("2026-11")));
    }

    [Fact]
    public void FeeScheduleProblemsNameTheEntryAndField()
    {
        var problems = OtaFeeSchedule.Problems(new OtaOptions
        {
            Fees = [Fee("Viator", "2026/01/01", 0.25m), Fee("Sailo", "2026-01-01", 1.5m), Fee("Sailo", "2026-01-01", 0.15m)],
        });

        Assert.Contains("Ota:Fees:0:EffectiveFrom '2026/01/01' is not a date in the form yyyy-MM-dd", problems);
        Assert.Contains("Ota:Fees:1:CommissionRate 1.5 must be between 0 and 1", problems);
        Assert.Contains(problems, p => p.Contains("Sailo has 2 entries effective 2026-01-01", StringComparison.Ordinal));
    }

    [Fact]
    public void OtaSequenceKeepsLiveChannelsThenActivatesListedThenListsByNetRevenuePerBooking()
    {
        // JADA: Sailo live (5 bookings, $1,500 gross), Viator listed not live, direct web 5 bookings $2,500.
        // Average gross per booking over all channels = (1,500 + 2,500) ÷ 10 = $400.
        var month = new KpiMonthBuilder().With(m => m with
        {
            Channels =
            [
                new ChannelMetrics { Channel = "Sailo", Listed = true, Live = true, Bookings = 5, Revenue = 1500m },
                new ChannelMetrics { Channel = "Viator", Listed = true, Live = false },
                new ChannelMetrics { Channel = "direct web", Listed = true, Live = true, Bookings = 5, Revenue = 2500m },
            ],
        });
        var inputs = Inputs([month]);

        var sequence = MarketingCalculator.Sequence(inputs, Fees, "jada", []);
        var book = Engine().Metrics(inputs);

        Assert.Equal(["Sailo", "Viator", "GetMyBoat", "GetYourGuide"], sequence.Select(o => o.Channel));
        Assert.Equal([OtaStage.Live, OtaStage.ListedNotLive, OtaStage.NotListed, OtaStage.NotListed], sequence.Select(o => o.Stage));
        Assert.Equal(255m, book.Get(MarketingCalculator.OtaId("jada", "Sailo", CmoFigure.NetPerBooking)).Value); // 300 × (1 − 15%)
        Assert.Equal(300m, book.Get(MarketingCalculator.OtaId("jada", "Viator", CmoFigure.NetPerBooking)).Value); // 400 × (1 − 25%)
        Assert.Equal(360m, book.Get(MarketingCalculator.OtaId("jada", "GetMyBoat", CmoFigure.NetPerBooking)).Value); // 400 × (1 − 10%)
        Assert.Equal(290m, book.Get(MarketingCalculator.OtaId("jada", "GetYourGuide", CmoFigure.NetPerBooking)).Value); // 400 × (1 − 27.5%)
        Assert.Equal(["jada", "queenofsandiego"], MarketingCalculator.TripSellers(inputs, Fees));
    }

    [Fact]
    public void NoisyListsAreFlaggedAndLargeOnesAreNot()
    {
        var month = new KpiMonthBuilder().With(m => m with
        {
            EmailBlasts =
            [
                m.EmailBlasts[0],
                new EmailBlast { Name = "Winter newsletter", Date = new DateOnly(2026, 11, 10), Sent = 1500, Clicked = 30, Bookings = 1, Revenue = 300m, Cost = 20m },
            ],
        });

        var section = Section(Engine().Generate(Inputs([month])), ReportRole.Cmo, "Email Blast ROI");
        var lines = section.Markdown.Split('\n');

        // The flags column is in the first blast table; the second restates the blasts on recognised revenue and loaded cost.
        Assert.Contains("noisy list", lines.First(l => l.Contains("Holiday sails", StringComparison.Ordinal)));
        Assert.DoesNotContain("noisy list", lines.First(l => l.Contains("Winter newsletter", StringComparison.Ordinal)));
        Assert.Contains(MarketingCalculator.NoisyThreshold, section.MetricIds);
        Assert.Contains(MarketingCalculator.AttributionWindow, section.MetricIds);
        Assert.Contains(MarketingCalculator.BenchmarkClickRate, section.MetricIds);
    }
}
