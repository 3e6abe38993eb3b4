using ExecReports.Core.Reports;
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
}
