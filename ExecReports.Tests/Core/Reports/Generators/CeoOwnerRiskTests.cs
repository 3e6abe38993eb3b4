using ExecReports.Core.Ingestion;
using ExecReports.Core.Kpis;
using ExecReports.Core.Reports;
using ExecReports.Core.Reports.Metrics;
using ExecReports.Tests.Support;
using static ExecReports.Core.Reports.Metrics.OwnerRiskCalculator;
using static ExecReports.Tests.Core.Reports.Generators.DomainInputs;

namespace ExecReports.Tests.Core.Reports.Generators;

// DangerousCentaur, worked out by hand. October: $5,000 booked, $1,000 expenses, $5,000 drawn.
// November: $4,000 booked, $1,000 rent and a $500 loan payment (6120), $5,000 drawn, $700 customer deposits held.
// Earnings (5,000 − 1,000) + (4,000 − 1,500) = 6,500 against 10,000 drawn.
public class CeoOwnerRiskTests
{
    private const string Dc = "dangerouscentaur";

    private static ExpenseLine Expense(string description, string? code, decimal amount, string? vendor = null) =>
        new() { Description = description, Category = "x", AccountCode = code, Amount = amount, Vendor = vendor };

    private static ReportInputs Inputs(params HandoffDocument[] handoffs) => new ReportInputsBuilder().Catalog(ReportInputsBuilder.SampleCatalog).Kpis(
    [
        Month(Dc, "2026-10", m => m with
        {
            Revenue = [new RevenueLine { Stream = "Retainers", Amount = 5_000m, Received = 5_000m }],
            Expenses = [Expense("Coworking", "6110", 1_000m)],
            OwnerDraws = 5_000m,
            EmailBlasts = [new EmailBlast { Name = "Autumn", Date = new DateOnly(2026, 10, 5), Audience = 450 }],
        }),
        Month(Dc, "2026-11", m => m with
        {
            Revenue = [new RevenueLine { Stream = "Retainers", Amount = 4_000m, Received = 4_000m }],
            Expenses = [Expense("Coworking", "6110", 1_000m), Expense("Equipment loan", "6120", 500m, "Example Bank")],
            OwnerDraws = 5_000m,
            CustomerDeposits = 700m,
            EmailBlasts = [new EmailBlast { Name = "Winter", Date = new DateOnly(2026, 11, 5), Audience = 300 }],
            Channels = [new ChannelMetrics { Channel = "direct web", Listed = true, Live = true }, new ChannelMetrics { Channel = "Upwork", Listed = true }],
        }),
    ]).Handoff(handoffs).Build();

    [Fact]
    public void DrawsAreSetAgainstTwelveMonthsOfEarnings()
    {
        var book = Book(Inputs());

        Assert.Equal(10_000m, book.Get(Draws(Dc)).Value);
        Assert.Equal(6_500m, book.Get(Earnings(Dc)).Value);
        Assert.Equal(10_000m / 6_500m, book.Get(DrawsShare(Dc)).Value);
        Assert.Equal("153.8%", book.Get(DrawsShare(Dc)).Display);
        Assert.Equal(500m, book.Get(DebtService12(Dc)).Value);
        Assert.Equal(500m, book.Get(DebtServiceMonth(Dc)).Value);
        Assert.Equal(700m, book.Get(DepositsHeld(Dc)).Value);
        Assert.Equal(450m, book.Get(EmailList(Dc)).Value);
    }

    [Fact]
    public void EquityRiskNamesDrawsOverEarningsCommingledDepositsAndPersonalCards()
    {
        var handoff = Handoff(Dc, "dc.md", (SectionKind.KnownIssues, "Hosting is paid on the owner's personal card."), (SectionKind.CurrentState, "Invoices go out on the 1st."));

        var section = Section(Report(Inputs(handoff), ReportRole.Ceo), "Equity Risk Assessment").Markdown;

        Assert.Contains("| DangerousCentaur | $6,500 | $10.0K | 153.8% | $500 | $700 |", section);
        Assert.Contains("**DangerousCentaur: draws exceed earnings** — $10.0K drawn against $6,500 earned", section);
        Assert.Contains("**DangerousCentaur: $700 of deposits sit in operating cash**", section);
        Assert.Contains("Debt serviced: DangerousCentaur $500/mo.", section);
        Assert.Contains("DangerousCentaur: Hosting is paid on the owner's personal card. (`dc.md:5`)", section);
        Assert.DoesNotContain("Invoices go out", section);
    }

    [Fact]
    public void AssetInventoryListsLoansEmailListsAndListingsFromTheInputs()
    {
        var section = Section(Report(Inputs(), ReportRole.Ceo), "Asset Inventory").Markdown;

        Assert.Contains("| DangerousCentaur | Loan | Equipment loan (Example Bank) | $500/mo |", section);
        Assert.Contains("| DangerousCentaur | Email list | largest audience sent to | 450 |", section);
        Assert.Contains("| DangerousCentaur | Listings | direct web, Upwork (not live) | — |", section);
    }

    [Fact]
    public void NoDrawsAndNoEarningsIsNotAShare()
    {
        var book = Book(new ReportInputsBuilder().Catalog(ReportInputsBuilder.SampleCatalog).Kpis([Month(Dc, "2026-11")]).Build());

        Assert.Equal("n/a: no draws, no earnings", book.Get(DrawsShare(Dc)).Display);
    }

    [Fact]
    public void AnEntityBelowItsMinimumCashQuotesTheCfoModelsTest()
    {
        // November: no cash on hand and $700 of customer deposits, so free cash is 0 − 700 = −$700 against the $2,000
        // default minimum (Finance:EntityMinimumCash): headroom −$2,700.
        var inputs = Inputs();
        var book = Book(inputs);
        var headroom = book.Get(ExecReports.Core.Reports.Finance.CfoMetricIds.Entity(Dc, "minimum-cash.headroom"));
        Assert.Equal(-2_700m, headroom.Value);

        var report = Report(inputs, ReportRole.Ceo);
        var section = Section(report, "Equity Risk Assessment").Markdown;

        Assert.Contains("below minimum cash** — free cash -$700 against its $2,000 minimum (headroom -$2,700)", section, StringComparison.Ordinal);
        Assert.Contains(report.Metrics, m => m.Id == headroom.Id);
    }
}
