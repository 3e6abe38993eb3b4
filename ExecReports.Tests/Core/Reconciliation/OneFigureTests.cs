using ExecReports.Core.Reports;
using ExecReports.Core.Reports.Finance;
using ExecReports.Core.Reports.Metrics;
using ExecReports.Tests.Support;

namespace ExecReports.Tests.Core.Reconciliation;

public class OneFigureTests(SampleReports samples) : IClassFixture<SampleReports>
{
    [Fact]
    public void TheCeoAndTheBillingAuditQuoteOneUnbilledValue()
    {
        var audited = samples.Set.Metrics.Get(PortfolioBillingCalculator.UnbilledValueTotal);

        Assert.Contains(samples.Set.For(ReportRole.Ceo)!.Metrics, m => m.Id == audited.Id);
        Assert.Contains(samples.Set.For(ReportRole.PortfolioBilling)!.Metrics, m => m.Id == audited.Id);
        Assert.Equal(ReceivablesCalculator.UnbilledValue(PortfolioBillingCalculator.EntityId), audited.Id);
        Assert.Null(samples.Set.Metrics.Find("portfolio-billing.unbilled-value"));
        Assert.Contains($"({audited.Display} at the clients' rates)", samples.Set.For(ReportRole.Ceo)!.Rendered.Markdown, StringComparison.Ordinal);
    }

    // November: QueenofSandiego holds $3,800 of customer deposits, the rental $6,300 of tenant security deposits.
    [Fact]
    public void TheCeoAndAccountingQuoteOneCustomerDepositsFigure()
    {
        var held = samples.Set.Metrics.Get(EntityDeposits.Customer("queenofsandiego"));

        Assert.Equal(3_800m, held.Value);
        Assert.Contains(samples.Set.For(ReportRole.Ceo)!.Metrics, m => m.Id == held.Id);
        Assert.Contains(samples.Set.For(ReportRole.Accounting)!.Metrics, m => m.Id == held.Id);
        Assert.Null(samples.Set.Metrics.Find("entity.queenofsandiego.revrec.customer-deposits"));
        Assert.Null(samples.Set.Metrics.Find("acct.revrec.queenofsandiego.deposits"));
    }

    [Fact]
    public void EveryDepositsFigureQuotesTheEntityDepositsInsteadOfReadingTheKpiFieldAgain()
    {
        var book = samples.Set.Metrics;
        var rental = RentalCalculator.EntityId;
        var security = book.Get(EntityDeposits.Security(rental));
        var kpiReads = book.All.Where(m => m.Inputs.Any(i => i.Period == SampleReports.November.ToString() && i.Field is "customerDeposits" or "securityDeposits"))
            .Select(m => m.Id).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(6_300m, security.Value);
        Assert.All(kpiReads, id => Assert.Matches(@"^entity\.[^.]+\.deposits\.(customer|security)$|^cfo\.received-bridge\.deposits-change$|^cmo\.", id));
        AssertQuotes(book.Get(RentalCalculator.SecurityDepositsHeld), 6_300m, security.Id);
        AssertQuotes(book.Get(OwnerRiskCalculator.DepositsHeld(rental)), 6_300m, EntityDeposits.Customer(rental), security.Id);
        AssertQuotes(book.Get(OwnerRiskCalculator.DepositsHeld("queenofsandiego")), 3_800m, EntityDeposits.Customer("queenofsandiego"), EntityDeposits.Security("queenofsandiego"));
        Assert.Equal(3_800m, book.Get(CfoMetricIds.CustomerDeposits).Value);
        Assert.Equal(6_300m, book.Get(CfoMetricIds.SecurityDeposits).Value);
        Assert.All(book.Get(CfoMetricIds.CustomerDeposits).Inputs, i => Assert.Matches(@"^metric:entity\.[^.]+\.deposits\.customer$", i.Source));
        Assert.All(book.Get(CfoMetricIds.SecurityDeposits).Inputs, i => Assert.Matches(@"^metric:entity\.[^.]+\.deposits\.security$", i.Source));
        Assert.Contains(samples.Set.For(ReportRole.Rental)!.Metrics, m => m.Id == RentalCalculator.SecurityDepositsHeld);
        Assert.Contains(samples.Set.For(ReportRole.Cfo)!.Metrics, m => m.Id == CfoMetricIds.SecurityDeposits);
    }

    // November's Viator payout was booked net: $897 paid out + $224 commission = $1,121 gross (the channel row rounds to $1,122).
    [Fact]
    public void TheCmoAndAccountingQuoteOneGrossOtaRevenue()
    {
        var gross = samples.Set.Metrics.Get(RevenueRecognitionCalculator.GrossOta("queenofsandiego", "Viator"));

        Assert.Equal(1_121m, gross.Value);
        Assert.Contains(samples.Set.For(ReportRole.Cmo)!.Metrics, m => m.Id == gross.Id);
        Assert.Contains(samples.Set.For(ReportRole.Accounting)!.Metrics, m => m.Id == gross.Id);
        Assert.Contains($"so revenue shows the gross {gross.Display}", samples.Set.For(ReportRole.Accounting)!.Rendered.Markdown, StringComparison.Ordinal);
        var channel = samples.Set.Metrics.Get(MarketingCalculator.ChannelId("queenofsandiego", "Viator", CmoFigure.Revenue));
        AssertQuotes(channel, 1_121m, gross.Id);
        Assert.DoesNotContain(samples.Set.Metrics.All, m => m.Id.StartsWith("acct.revrec.", StringComparison.Ordinal) && m.Id.EndsWith(".gross", StringComparison.Ordinal));
    }

    private static void AssertQuotes(Metric metric, decimal value, params string[] sources)
    {
        Assert.Equal(value, metric.Value);
        Assert.Equal(sources.Select(MetricInput.MetricSource), metric.Inputs.Select(i => i.Source));
    }
}
