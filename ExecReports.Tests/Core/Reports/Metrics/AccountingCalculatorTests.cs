using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reports;
using ExecReports.Core.Reports.Finance;
using ExecReports.Core.Reports.Metrics;
using ExecReports.Core.Reports.Rendering;
using ExecReports.Tests.Support;
using static ExecReports.Tests.Core.Reports.Metrics.BusinessInputs;

namespace ExecReports.Tests.Core.Reports.Metrics;

// Every expected value below was worked out by hand from the months in the test.
public class AccountingCalculatorTests
{
    [Fact]
    public void UncategorisedLinesAreFlaggedWithASuggestedAccount()
    {
        // Line 3 of the builder is "Amazon order" with no account code.
        var month = new KpiMonthBuilder().With(m => m with
        {
            Expenses =
            [
                .. m.Expenses,
                new ExpenseLine { Description = "Bottom paint", Vendor = "West Marine", Category = "Uncategorised", Amount = 318m },
                new ExpenseLine { Description = "Old code", Category = "Misc", AccountCode = "9999", Amount = 20m },
            ],
        });
        var inputs = Inputs([month]);

        var rows = AccountingCalculator.ExpenseRows(inputs);
        var book = Engine().Metrics(inputs);
        var section = Section(Engine().Generate(inputs), ReportRole.Accounting, "Expense Categorization");

        Assert.Equal(["Amazon order", "Bottom paint", "Old code"], rows.Where(r => r.Uncategorised).Select(r => r.Line.Description));
        Assert.Equal(new AccountSuggestion("6900", ""), rows[2].Suggestion);
        Assert.Equal(new AccountSuggestion("6020", "west marine"), rows[3].Suggestion);
        Assert.Equal("code 9999 is not in the chart", rows[4].Problem);
        Assert.Equal(550m, book.Get(AccountingCalculator.UncategorisedTotal).Value); // 212 + 318 + 20
        Assert.Equal(550m, book.Get(AccountingCalculator.UncategorisedFor("jada")).Value);
        Assert.Contains(MarkdownText.Escape("uncategorised (no account code); suggest 6020 Repairs and maintenance (keyword \"west marine\")"), section.Markdown);
        Assert.Contains(MarkdownText.Escape("uncategorised (no account code); suggest 6900 Miscellaneous (no keyword matched: confirm with the receipt)"), section.Markdown);
        Assert.Contains(MarkdownText.Escape("uncategorised (code 9999 is not in the chart)"), section.Markdown);
    }

    [Theory]
    [InlineData("Cash withdrawal", null, "3100")]
    [InlineData("Tow service", null, "6050")]
    [InlineData("Gardener", null, "6020")]
    [InlineData("Conference ticket", null, "6030")]
    [InlineData("Monthly charge", "Stripe", "6100")]
    [InlineData("Unloads", null, "6900")]
    public void SuggestionRuleMatchesKeywordsAtTheStartOfWords(string description, string? vendor, string code)
    {
        var line = new ExpenseLine { Description = description, Vendor = vendor, Category = "Uncategorised", Amount = 1m };

        Assert.Equal(code, AccountingCalculator.Suggest(line, Chart)!.Code);
    }

    [Fact]
    public void DepositsForServicesAfterThePeriodEndAreIssuesWithTheirAmounts()
    {
        var march = new KpiMonthBuilder().For("jada", "2026-03").With(m => m with
        {
            Revenue = [new RevenueLine { Stream = "Charter deposit (summer trip)", Amount = 2400m, Received = 2400m, ServiceDate = new DateOnly(2027, 1, 9) }],
        });
        var delivered = new KpiMonthBuilder().For("jada", "2026-04").With(m => m with
        {
            Revenue = [new RevenueLine { Stream = "Charter deposit (summer trip)", Amount = 3000m, Received = 3000m, ServiceDate = new DateOnly(2026, 7, 12) }],
        });
        var lastYear = new KpiMonthBuilder().For("jada", "2025-12").With(m => m with
        {
            Revenue = [new RevenueLine { Stream = "Charter deposit", Amount = 900m, Received = 900m, ServiceDate = new DateOnly(2027, 2, 1) }],
        });
        var november = new KpiMonthBuilder().With(m => m with
        {
            Revenue = [.. m.Revenue, new RevenueLine { Stream = "Charter deposit (summer trip)", Amount = 1500m, Received = 1500m, ServiceDate = new DateOnly(2027, 7, 12) }],
        });
        var inputs = Inputs([lastYear, march, delivered, november]);

        var issues = AccountingCalculator.RecognitionIssues(inputs);
        var deposits = issues.Where(i => i.Kind == RecognitionIssueKind.DepositBeforeService).ToList();
        var restated = Assert.Single(issues, i => i.Kind == RecognitionIssueKind.Restatement);
        var book = Engine().Metrics(inputs);

        // The trailing 12 months run 2025-12..2026-11: the December deposit for 2027 is in the window; the April one's
        // July trip has sailed, so it is restated rather than deferred.
        Assert.Equal(["2025-12", "2026-03", "2026-11"], deposits.Select(d => d.Booked.ToString()));
        Assert.Equal(900m, book.Get(deposits[0].AmountId).Value);
        Assert.Equal(2400m, book.Get(deposits[1].AmountId).Value);
        Assert.Equal(1500m, book.Get(deposits[2].AmountId).Value);
        Assert.Equal(("2026-04", 3000m), (restated.Booked.ToString(), book.Get(restated.AmountId).Value));
        Assert.All(deposits, d => Assert.Equal("4000", d.IncomeCode));
        // 900 + 2,400 + 1,500 deferred + 3,000 restated + the $300 Sailo commission to gross up.
        Assert.Equal(8100m, book.Get(AccountingCalculator.RecognitionFor("jada")).Value);
    }

    [Fact]
    public void PayoutsBookedNetOfCommissionAreIssuesWithCommissionAndGross()
    {
        var inputs = Inputs([new KpiMonthBuilder().With(m => m with { CustomerDeposits = 3800m })]);

        var issues = AccountingCalculator.RecognitionIssues(inputs);
        var book = Engine().Metrics(inputs);
        var section = Section(Engine().Generate(inputs), ReportRole.Accounting, "Revenue Recognition Issues");

        var net = Assert.Single(issues, i => i.Kind == RecognitionIssueKind.NetOfCommission);
        Assert.Equal("Sailo", net.Channel);
        Assert.Equal(300m, book.Get(net.AmountId).Value);
        Assert.Equal(2000m, book.Get(net.GrossId).Value); // 1,700 payout + 300 commission
        var held = Assert.Single(issues, i => i.Kind == RecognitionIssueKind.DepositBalance);
        Assert.Equal(3800m, book.Get(held.AmountId).Value);
        Assert.Contains("Debit 5050 OTA commissions and credit 4000 Charter revenue by $300, so revenue shows the gross $2,000", section.Markdown);
        Assert.Contains("No revenue of the trailing twelve months was booked before its service month.", section.Markdown);
    }

    [Fact]
    public void AccountTotalsSumLinesAcrossEntitiesAndMarkUnusedAccounts()
    {
        var jada = new KpiMonthBuilder();
        var queen = new KpiMonthBuilder().For("queenofsandiego", "2026-11").With(m => m with
        {
            Revenue = [new RevenueLine { Stream = "Harbour tours", Amount = 1656m, Received = 1656m }],
            Expenses = [new ExpenseLine { Description = "Vessel charter fee", Category = "Boat lease", AccountCode = "6000", Amount = 3400m, Fixed = true }],
        });
        var inputs = Inputs([jada, queen]);

        var book = Engine().Metrics(inputs);
        var section = Section(Engine().Generate(inputs), ReportRole.Accounting, "Chart of Accounts");

        Assert.Equal(4850m, book.Get(AccountingCalculator.AccountTotal("6000")).Value); // 1,450 + 3,400
        Assert.Equal(6700m, book.Get(AccountingCalculator.AccountTotal("4000")).Value); // 5,000 + 1,700 charters as booked
        Assert.Equal(1656m, book.Get(AccountingCalculator.AccountTotal("4010")).Value);
        Assert.Null(book.Find(AccountingCalculator.AccountTotal("5050")));
        Assert.Contains("| 5050 | OTA commissions | cost of sales | unused this month |", section.Markdown);
    }

    [Fact]
    public void RoadmapCoversTheNextQuarterAndQuotesTheCfoTargetsUnchanged()
    {
        var months = new[] { "2026-09", "2026-10", "2026-11" }.Select(p => new KpiMonthBuilder().For("jada", p).Build()).ToList();
        var inputs = Inputs(months);

        var set = Engine().Generate(inputs);
        var section = Section(set, ReportRole.Accounting, "Profitability Roadmap");

        var quarter = November.Quarter.Next();
        Assert.Equal("Q1 2027", quarter.ToString());
        Assert.Equal(["2027-01", "2027-02", "2027-03"], quarter.Months.Select(p => p.ToString()));
        foreach (var month in quarter.Months)
        {
            var target = set.Metrics.Get(CfoMetricIds.TargetFor(month));
            Assert.Contains(target.Id, section.MetricIds);
            Assert.Contains($"| {month} | {target.Display} |", section.Markdown);
        }

        Assert.DoesNotContain(CfoMetricIds.TargetFor(Period.Parse("2026-12")), section.MetricIds);
        Assert.DoesNotContain(CfoMetricIds.TargetFor(Period.Parse("2027-04")), section.MetricIds);
        // The roadmap's net income is on the booked basis (revenue as booked, not cash received against booked revenue).
        Assert.Contains(AccountingCalculator.NetIncomeBooked("jada"), section.MetricIds);
        Assert.DoesNotContain(PortfolioCalculator.NetIncome("jada"), section.MetricIds);
        // 5,000 + 1,700 booked − (1,450 + 310.50 + 212) expenses; no loan line, so nothing is debt service.
        Assert.Equal(4_727.5m, set.Metrics.Get(AccountingCalculator.NetIncomeBooked("jada")).Value);
        // Largest variable cost: fuel $310.50 → $931.50 over the quarter.
        Assert.Equal(931.5m, set.Metrics.Get(AccountingCalculator.LargestVariableQuarter("jada")).Value);
        Assert.Contains(AccountingCalculator.UncategorisedFor("jada"), section.MetricIds);
        Assert.Contains(AccountingCalculator.RecognitionFor("jada"), section.MetricIds);
    }

    [Fact]
    public void NextQuarterWrapsIntoTheNextYear()
    {
        Assert.Equal("Q1 2027", Period.Parse("2026-12").Quarter.Next().ToString());
        Assert.Equal("Q4 2026", Period.Parse("2026-08").Quarter.Next().ToString());
    }
}
