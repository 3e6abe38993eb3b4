using ExecReports.Core.Kpis;
using ExecReports.Core.Reconciliation;
using ExecReports.Core.Reports;
using ExecReports.Core.Reports.Metrics;
using ExecReports.Core.Validation;
using ExecReports.Tests.Support;

namespace ExecReports.Tests.Core.Reconciliation;

public class SanityGuardTests(SampleReports samples) : IClassFixture<SampleReports>
{
    private static ReportSet Generate(params KpiMonth[] months) => TestReportEngine.Default.Generate(new ReportInputsBuilder().Kpi(months).Build());

    [Fact]
    public void ABookingRateAboveOneHundredPercentIsAFindingInTheCmoAndCtoReports()
    {
        // 42 bookings from 27 inquiries: 155.6%.
        var set = Generate(new KpiMonthBuilder().For("queenofsandiego", "2026-11").WithChannel(0, c => c with { Channel = "direct web", Inquiries = 27, Bookings = 42 }));

        var finding = Assert.Single(set.Sanity, f => f.Guard == SanityGuard.ConversionAbove100);
        Assert.Contains("direct web records more bookings than inquiries", finding.Message, StringComparison.Ordinal);
        Assert.Equal("KPI channels[direct web].bookings and .inquiries, 2026-11", finding.Source);
        Assert.Contains("> **Sanity checks**", set.For(ReportRole.Cmo)!.Rendered.Markdown, StringComparison.Ordinal);
        Assert.Contains("more bookings than inquiries", set.For(ReportRole.Cto)!.Rendered.Markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("more bookings than inquiries", set.For(ReportRole.Rental)!.Rendered.Markdown, StringComparison.Ordinal);
    }

    [Theory]
    // (900 − 45) ÷ 45 = 1,900% on $45: flagged.
    [InlineData(45, 900, true)]
    // (400 − 45) ÷ 45 = 788.9%: under 1,000%.
    [InlineData(45, 400, false)]
    // 1,900% but on $150, not a cost under $100.
    [InlineData(150, 3000, false)]
    public void AnRoiOverAThousandPercentOnACostUnderOneHundredDollarsIsAFinding(decimal cost, decimal revenue, bool flagged)
    {
        var set = Generate(new KpiMonthBuilder().For("jada", "2026-11").WithBlast(0, b => b with { Cost = cost, Revenue = revenue }));

        Assert.Equal(flagged, set.Sanity.Any(f => f.Guard == SanityGuard.RoiOnTinyCost));
    }

    private static KpiMonth Overdue(string period, int days) => new KpiMonthBuilder().For("dangerouscentaur-portfolio", period).With(m => m with
    {
        Portfolio = new PortfolioData { Clients = [new PortfolioClient { Name = "Pacific Surf School", BillingType = BillingType.Hourly, HourlyRate = 110m, Overdue = 1_760m, OverdueDays = days }] },
    });

    [Theory]
    [InlineData(6, true)]
    [InlineData(5, false)]
    public void OverdueDaysUnchangedForSixMonthsIsAFinding(int months, bool flagged)
    {
        var history = Enumerable.Range(0, months).Select(i => Overdue(ReportInputsBuilder.November.AddMonths(-i).ToString(), 60))
            .Append(Overdue(ReportInputsBuilder.November.AddMonths(-months).ToString(), 30)).ToArray();

        var set = Generate(history);

        var found = set.Sanity.Where(f => f.Guard == SanityGuard.UnchangedField && f.Source.Contains("overdueDays", StringComparison.Ordinal)).ToList();
        Assert.Equal(flagged, found.Count == 1);
        if (flagged)
        {
            Assert.Equal("KPI portfolio.clients[Pacific Surf School].overdueDays, 2026-06..2026-11", found[0].Source);
            Assert.Contains("the same days overdue every month from 2026-06 to 2026-11", found[0].Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ANegativeMarginIsAFindingInTheDomainReport()
    {
        // EYD-2603 cost $7,900 against a $6,200 quote: −$1,700.
        var set = Generate(new KpiMonthBuilder().For("expert-yacht-delivery", "2026-11").With(m => m with
        {
            YachtDelivery = new YachtDeliveryData { Jobs = [new DeliveryJob { Id = "EYD-2603", From = "Newport Beach", To = "San Francisco", Quote = 6_200m, ActualCost = 7_900m, Status = DeliveryStatus.Completed }] },
        }));

        var margins = set.Sanity.Where(f => f.Guard == SanityGuard.NegativeMargin).ToList();
        Assert.NotEmpty(margins);
        Assert.Contains(margins, f => f.Message.StartsWith("EYD-2603 margin", StringComparison.Ordinal) && f.Message.Contains("below zero", StringComparison.Ordinal)
            && f.Source == "computed from the 2026-11 inputs");
        Assert.Contains("never a favourable result", set.For(ReportRole.YachtDelivery)!.Rendered.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void TheGateReportsSanityFindingsAsWarnings()
    {
        var set = Generate(new KpiMonthBuilder().For("queenofsandiego", "2026-11").WithChannel(0, c => c with { Inquiries = 27, Bookings = 42 }));

        var finding = Assert.Single(samples.Gate.Validate(set).Findings, f => f.Rule == "figures/sanity-conversion-above-100");
        Assert.Equal(Severity.Warning, finding.Severity);
    }

    [Fact]
    public void TheSamplesSixtyDaysOverdueEveryMonthIsFound()
    {
        Assert.Contains(samples.Set.Sanity, f => f.Guard == SanityGuard.UnchangedField && f.Message.StartsWith("Pacific Surf School shows the same days overdue every month from 2026-05", StringComparison.Ordinal));
    }

    [Fact]
    public void NegativeNetOperatingIncomeOnTheRentalIsANegativeMarginFinding()
    {
        // $1,000 of rent received against $2,500 of repairs: NOI −$1,500, tied to the rental by its EntityId.
        var rental = new KpiMonthBuilder().For(RentalCalculator.EntityId, "2026-11").With(m => m with
        {
            Revenue = [new RevenueLine { Stream = "Rent", Amount = 1_000m, Received = 1_000m }],
            Expenses = [new ExpenseLine { Description = "Roof repair", Category = "Repairs", AccountCode = "6100", Amount = 2_500m }],
            Rental = new RentalData { Units = [new RentalUnit { Name = "Unit A", Rent = 1_000m, Occupied = true }] },
        });

        var set = Generate(rental);

        Assert.Equal(RentalCalculator.EntityId, set.Metrics.Get(RentalCalculator.Noi).EntityId);
        var finding = Assert.Single(set.Sanity, f => f.Guard == SanityGuard.NegativeMargin && f.EntityId == RentalCalculator.EntityId);
        Assert.Contains("Net operating income", finding.Message, StringComparison.Ordinal);
        Assert.Contains(ReportRole.Rental, finding.Roles);
    }
}
