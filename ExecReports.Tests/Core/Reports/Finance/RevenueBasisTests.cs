using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reports;
using ExecReports.Core.Reports.Finance;
using ExecReports.Core.Reports.Metrics;
using ExecReports.Core.Reports.Rendering;
using ExecReports.Tests.Support;
using static ExecReports.Tests.Core.Reports.Metrics.BusinessInputs;

namespace ExecReports.Tests.Core.Reports.Finance;

// Revenue recognition's one answer, the booked-to-received bridge and the uncategorised clean-up list.
// Every expected value below was worked out by hand from the months in the test or the shipped samples.
public class RevenueBasisTests
{
    private static readonly ReportInputs Samples = ReportInputsBuilder.Samples();

    private static ReportInputs SamplesAt(string period)
    {
        var p = Period.Parse(period);
        return Samples with { Period = p, Kpis = Samples.Kpis.Where(k => k.Period <= p).ToList() };
    }

    private static string Text(ReportSet set, ReportRole role) => string.Join("\n", set.For(role)!.Sections.Select(s => s.Markdown));

    // The JADA finding at a sample month, checked to be printed word for word in both the CEO and the Accounting report.
    private static (MetricBook Book, string Finding) JadaFindingInBothReports(string period)
    {
        var inputs = SamplesAt(period);
        var set = TestReportEngine.Default.Generate(inputs);
        var book = TestReportEngine.Default.Metrics(inputs);
        var finding = RevenueRecognitionCalculator.Finding(book, "jada", inputs.Catalog.Entities.Single(e => e.Id == "jada").Name, m => MarkdownText.Escape(m.Display))!;
        Assert.Contains(finding, Text(set, ReportRole.Ceo), StringComparison.Ordinal);
        Assert.Contains(finding, Text(set, ReportRole.Accounting), StringComparison.Ordinal);
        Assert.DoesNotContain("move revenue booked before the service month to customer deposits", Text(set, ReportRole.Ceo), StringComparison.Ordinal);
        return (book, finding);
    }

    [Fact]
    public void TheSampleEarlyDepositsAreRestatedInBothTheCeoAndTheAccountingReport()
    {
        var (book, finding) = JadaFindingInBothReports("2026-11");

        // JADA booked 1,500 + 1,800 + 2,400 + 3,000 + 2,200 in January–May for the 2026-07-12 trip, which has sailed.
        Assert.Equal(10_900m, book.Get(RevenueRecognitionCalculator.Restate("jada")).Value);
        Assert.Equal(0m, book.Get(RevenueRecognitionCalculator.ToDeposits("jada")).Value);
        Assert.Contains("$10.9K", finding, StringComparison.Ordinal);
        Assert.Contains("restate the months involved", finding, StringComparison.Ordinal);
    }

    [Fact]
    public void DepositsForAServiceStillAheadAreMovedToDepositsInBothReports()
    {
        // At 2026-05 the same five deposits are for a July trip still to come.
        var (book, finding) = JadaFindingInBothReports("2026-05");

        Assert.Equal(10_900m, book.Get(RevenueRecognitionCalculator.ToDeposits("jada")).Value);
        Assert.Equal(0m, book.Get(RevenueRecognitionCalculator.Restate("jada")).Value);
        Assert.Contains("move it to customer deposits", finding, StringComparison.Ordinal);
        Assert.DoesNotContain("restate", finding, StringComparison.Ordinal);
    }

    [Fact]
    public void RestatementMovesRevenueFromTheBookingMonthToTheServiceMonth()
    {
        RevenueLine Charter(decimal amount) => new() { Stream = "Private charters", Amount = amount, Received = amount };
        var march = new KpiMonthBuilder().For("jada", "2026-03").With(m => m with
        {
            Revenue = [Charter(5_000), new RevenueLine { Stream = "Charter deposit", Amount = 2_400, Received = 2_400, ServiceDate = new DateOnly(2026, 7, 12) }],
        });
        var july = new KpiMonthBuilder().For("jada", "2026-07").With(m => m with { Revenue = [Charter(8_000)] });
        var book = Book(march, july, new KpiMonthBuilder());

        Assert.Equal(7_400m, book.Get(RevenueRecognitionCalculator.AsBooked("jada", Period.Parse("2026-03"))).Value);
        Assert.Equal(5_000m, book.Get(RevenueRecognitionCalculator.Restated("jada", Period.Parse("2026-03"))).Value);    // 7,400 − 2,400
        Assert.Equal(10_400m, book.Get(RevenueRecognitionCalculator.Restated("jada", Period.Parse("2026-07"))).Value);   // 8,000 + 2,400
    }

    [Fact]
    public void BookedToReceivedBridgeTiesForEverySampleMonth()
    {
        foreach (var period in Period.Range(Period.Parse("2026-01"), Period.Parse("2026-11")))
        {
            var book = TestReportEngine.Default.Metrics(SamplesAt(period.ToString()));
            Assert.True(book.Get(ReceivedBridge.Unexplained).Value == 0m, $"{period}: unexplained {book.Get(ReceivedBridge.Unexplained).Display}");
        }

        // 2026-11: booked 29,428 − receivables 14,175 − 13,140 = 1,035 + deposits 3,800 − 1,200 = 2,600
        // = received 28,393 + 2,600 = 30,993.
        var november = TestReportEngine.Default.Metrics(SamplesAt("2026-11"));
        Assert.Equal(29_428m, november.Get(ReceivedBridge.Booked).Value);
        Assert.Equal(1_035m, november.Get(ReceivedBridge.ReceivablesChange).Value);
        Assert.Equal(2_600m, november.Get(ReceivedBridge.DepositsChange).Value);
        Assert.Equal(30_993m, november.Get(ReceivedBridge.Received).Value);

        // The first sample month has no prior receivables balance: the bridge says so instead of guessing.
        var first = TestReportEngine.Default.Metrics(SamplesAt("2025-12"));
        Assert.Null(first.Get(ReceivedBridge.Unexplained).Value);
        Assert.Equal("no KPI inputs for 2025-11, so the change in receivables and deposits is unknown", first.Get(ReceivedBridge.Unexplained).Display);
    }

    [Fact]
    public void UncategorisedLinesOfTheYearToDateAreListedForCleanUp()
    {
        // The builder's month carries "Amazon order" (212) with no account code; December 2025 is last year.
        var lastYear = new KpiMonthBuilder().For("jada", "2025-12");
        var february = new KpiMonthBuilder().For("jada", "2026-02").With(m => m with
        {
            Revenue = [.. m.Revenue, new RevenueLine { Stream = "Mystery income", Amount = 75, Received = 75 }],
        });
        var inputs = Inputs([lastYear, february, new KpiMonthBuilder()]);
        var section = Section(Engine().Generate(inputs), ReportRole.Accounting, "Expense Categorization");

        var lines = AccountingCalculator.UncategorisedYearToDate(inputs);

        Assert.Equal([("2026-02", "expense", "Amazon order", 212m), ("2026-02", "revenue", "Mystery income", 75m), ("2026-11", "expense", "Amazon order", 212m)],
            lines.Select(l => (l.Month.ToString(), l.Kind, l.Description, l.Amount)));
        Assert.Contains("| JADA | 2026-02 | revenue | Mystery income | $75 |", section.Markdown, StringComparison.Ordinal);
    }
}
