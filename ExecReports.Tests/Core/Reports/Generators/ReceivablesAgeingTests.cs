using ExecReports.Core.Kpis;
using ExecReports.Core.Reports;
using ExecReports.Core.Reports.Metrics;
using static ExecReports.Core.Reports.Metrics.ReceivablesCalculator;
using static ExecReports.Tests.Core.Reports.Generators.DomainInputs;

namespace ExecReports.Tests.Core.Reports.Generators;

// Ageing at 2026-11-30, DSO and the Accounting report's receivables, worked out by hand.
// Alpha: invoices due 2026-12-01 ($1,000, current), 2026-11-10 ($500, 20 days), 2026-08-01 ($800 less $300 paid, 121 days).
// Beta (no invoices): $2,000 outstanding of which $1,200 overdue 45 days. Receivables: 2,000 + 2,000 = 4,000.
public class ReceivablesAgeingTests
{
    private static readonly string Id = PortfolioBillingCalculator.EntityId;

    private static OpenInvoice Invoice(string number, string due, decimal amount, decimal paid = 0m) =>
        new() { Number = number, Due = DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), Amount = amount, Paid = paid };

    private static PortfolioClient Alpha(decimal invoiced = 10_000m, IReadOnlyList<OpenInvoice>? invoices = null) => new()
    {
        Name = "Alpha", BillingType = BillingType.Hourly, HourlyRate = 100m, Invoiced = invoiced, Paid = invoiced - 2_000m,
        OpenInvoices = invoices ?? [Invoice("A-3", "2026-12-01", 1_000m), Invoice("A-2", "2026-11-10", 500m), Invoice("A-1", "2026-08-01", 800m, 300m)],
    };

    private static PortfolioClient Beta(decimal invoiced = 6_000m) => new()
    {
        Name = "Beta", BillingType = BillingType.Retainer, Retainer = 1_000m, Invoiced = invoiced, Paid = invoiced - 2_000m, Overdue = 1_200m, OverdueDays = 45,
    };

    private static KpiMonth Portfolio(string period, params PortfolioClient[] clients) =>
        Month(Id, period, m => m with { Portfolio = new PortfolioData { Clients = clients } });

    [Fact]
    public void TheAgeingAddsUpToReceivables()
    {
        var book = Book(Inputs([Portfolio("2026-11", Alpha(), Beta())]));

        Assert.Equal(4_000m, book.Get(Balance(Id)).Value);
        Assert.Equal(1_800m, book.Get(Ageing(Id, "current")).Value);
        Assert.Equal(500m, book.Get(Ageing(Id, "1-30")).Value);
        Assert.Equal(1_200m, book.Get(Ageing(Id, "31-60")).Value);
        Assert.Equal(0m, book.Get(Ageing(Id, "61-90")).Value);
        Assert.Equal(500m, book.Get(Ageing(Id, "over-90")).Value);
        Assert.Equal(0m, book.Get(AgeingUnreconciled(Id)).Value);
        Assert.Equal(1m, book.Get(InvoiceLevelClients(Id)).Value);
    }

    [Theory]
    [InlineData(0, "current")]
    [InlineData(-5, "current")]
    [InlineData(1, "1-30")]
    [InlineData(30, "1-30")]
    [InlineData(31, "31-60")]
    [InlineData(90, "61-90")]
    [InlineData(91, "over-90")]
    public void DaysPastDuePickTheBucket(int days, string bucket) => Assert.Equal(bucket, BucketOf(days));

    [Fact]
    public void OpenInvoicesThatDoNotAddUpAreShownAsUnreconciled()
    {
        var inputs = Inputs([Portfolio("2026-11", Alpha(invoices: [Invoice("A-3", "2026-12-01", 1_500m)]))]);

        Assert.Equal(500m, Book(inputs).Get(AgeingUnreconciled(Id)).Value);
        Assert.Contains("The open invoices do not add up to receivables", Section(Report(inputs, ReportRole.PortfolioBilling), "Overdue Receivables").Markdown);
    }

    [Fact]
    public void DsoDividesReceivablesByThreeMonthsOfInvoicing()
    {
        // Invoiced rose 10,000 − 7,000 (Alpha) + 6,000 − 3,000 (Beta) = 6,000 over Sep–Nov (30 + 31 + 30 = 91 days).
        var book = Book(Inputs([Portfolio("2026-08", Alpha(7_000m), Beta(3_000m)), Portfolio("2026-11", Alpha(), Beta())]));

        Assert.Equal(6_000m, book.Get(InvoicedInDsoWindow(Id)).Value);
        Assert.Equal(4_000m / 6_000m * 91m, book.Get(Dso(Id)).Value);
        Assert.Equal("60.7 days", book.Get(Dso(Id)).Display);
    }

    [Fact]
    public void DsoIsNotRecordedWithoutTheMonthBeforeTheWindow()
    {
        var book = Book(Inputs([Portfolio("2026-11", Alpha(), Beta())]));

        Assert.Equal("not recorded: no portfolio data for 2026-08 to measure 3 months of invoicing", book.Get(Dso(Id)).Display);
    }

    [Fact]
    public void CreditControlFlagsClientsPastThirtyDaysWithTheAction()
    {
        var section = Section(Report(Inputs([Portfolio("2026-11", Alpha(), Beta())]), ReportRole.PortfolioBilling), "Overdue Receivables").Markdown;

        Assert.Contains("**Alpha**: $500 more than 30 days past due, oldest invoice A-1 121 days; final demand, and provide for it as doubtful.", section);
        Assert.Contains("**Beta**: $1,200 more than 30 days past due, oldest its overdue balance 45 days; call the client and send a second reminder.", section);
        Assert.Contains("| **Total (accounts receivable)** | $4,000 |", section);
    }

    [Fact]
    public void AccountingReceivablesAreTheBillingReceivables()
    {
        var inputs = new Support.ReportInputsBuilder().Accounts(Support.ReportInputsBuilder.SampleChart).Kpis([Portfolio("2026-11", Alpha(), Beta())]).Build();

        var book = Book(inputs);

        Assert.Equal(book.Get(Balance(Id)).Value, book.Get(AccountingCalculator.AccountTotal("1100")).Value);
        // The billing audit quotes the same metric, not a second sum of its own.
        Assert.Equal(Balance(Id), PortfolioBillingCalculator.Outstanding);
        Assert.Null(book.Find("portfolio-billing.outstanding"));
    }
}
