using System.Globalization;
using ExecReports.Core.Kpis;
using ExecReports.Core.Reports.Finance;
using ExecReports.Core.Reports.Metrics;
using ExecReports.Core.Reports.Rendering;

namespace ExecReports.Core.Reports.Generators;

public sealed class AccountingReport : ReportGenerator
{
    public override void Write(ReportContext context, ReportBuilder report)
    {
        var rows = AccountingCalculator.ExpenseRows(context.Inputs);
        var issues = AccountingCalculator.RecognitionIssues(context.Inputs);
        WriteChart(context, report.Section(ReportSections.Accounting.ChartOfAccounts));
        WriteExpenses(context, report.Section(ReportSections.Accounting.ExpenseCategorization), rows);
        WriteRecognition(context, report.Section(ReportSections.Accounting.RecognitionIssues), issues);
        WriteRoadmap(context, report.Section(ReportSections.Accounting.ProfitabilityRoadmap), rows, issues);
    }

    private static string TypeText(AccountType type) => type switch
    {
        AccountType.CostOfSales => "cost of sales",
        _ => type.ToString().ToLowerInvariant(),
    };

    private static string AccountText(ReportContext context, string code) =>
        context.Accounts.Find(code) is { } a ? $"{a.Code} {a.Name}" : code;

    private static void WriteChart(ReportContext context, SectionBuilder section)
    {
        var accounts = context.Accounts.Accounts.OrderBy(a => a.Code, StringComparer.Ordinal).ToList();
        if (accounts.Count == 0)
        {
            section.Missing($"no chart of accounts loaded ({ChartOfAccounts.FileName} in Kpis:SamplesPath), so no account totals for {context.PeriodText}");
            return;
        }

        var used = accounts.Count(a => context.Metrics.Find(AccountingCalculator.AccountTotal(a.Code)) is { Value: not 0 });
        section.Paragraph($"{used} of {accounts.Count} accounts carry an amount in {context.PeriodText}, totalled across all entities. Expense and cost-of-sales "
            + "accounts sum the expense lines coded to them; income accounts sum revenue lines by stream (revenue lines carry no account code); "
            + "cash, customer deposits, owner draws and owner's equity come from the month-end KPI balances and flows.");
        section.Table(["Code", "Account", "Type", $"{context.PeriodText} (booked; balances at month end)", "Basis"],
            accounts.Select(a =>
            {
                var metric = context.Metrics.Find(AccountingCalculator.AccountTotal(a.Code));
                var figure = metric is { Value: not 0 } ? section.Quote(metric) : "unused this month";
                var basis = metric is { Value: not 0 } ? MarkdownText.Cell(metric.Formula)
                    : a.Type is AccountType.Income or AccountType.Expense or AccountType.CostOfSales || AccountingCalculator.BalanceField(a) is not null
                        ? "nothing booked here this month" : "no KPI input maps to this account";
                return (IReadOnlyList<string>)[a.Code, MarkdownText.Cell(a.Name), TypeText(a.Type), figure, basis];
            }), [false, false, false, true, false]);
    }

    private static void WriteExpenses(ReportContext context, SectionBuilder section, IReadOnlyList<ExpenseRow> rows)
    {
        if (rows.Count == 0)
        {
            section.Missing($"no expense lines recorded for any entity in {context.PeriodText}");
            return;
        }

        var uncategorised = rows.Where(r => r.Uncategorised).ToList();
        var total = section.Quote(context.Metrics.Get(AccountingCalculator.UncategorisedTotal));
        section.Paragraph($"All {rows.Count} expense lines of {context.PeriodText}. A line with no account code, or a code not in the chart, is flagged "
            + (uncategorised.Count == 0 ? $"**uncategorised**; none is this month ({total} uncategorised)." : $"**uncategorised**: {total} across {uncategorised.Count} line(s)."));
        section.Paragraph("Suggestion rule: the first keyword found in the description, then the vendor, then the category picks the account "
            + $"({MarkdownText.Escape(AccountingCalculator.RuleText(AccountingCalculator.ExpenseRules))}); a single word matches the start of a word; "
            + $"when nothing matches, {MarkdownText.Escape(AccountText(context, AccountingCalculator.UncategorisedCode))} until the receipt says otherwise.");
        section.Table(["Entity", "Description", "Vendor", "Category", "Account", "Amount (booked)"],
            rows.Select(r => (IReadOnlyList<string>)
            [
                MarkdownText.Cell(context.NameOf(r.Month.EntityId)),
                MarkdownText.Cell(context.Redact(r.Line.Description)),
                r.Line.Vendor is null ? "not recorded" : MarkdownText.Cell(context.Redact(r.Line.Vendor)),
                MarkdownText.Cell(r.Line.Category),
                r.Account is { } a ? MarkdownText.Cell($"{a.Code} {a.Name}") : MarkdownText.Cell(Flag(context, r)),
                section.Quote(context.Metrics.Get(r.MetricId)),
            ]), [false, false, false, false, false, true]);
        var yearToDate = AccountingCalculator.UncategorisedYearToDate(context.Inputs);
        if (yearToDate.Count == 0)
        {
            section.Paragraph($"No uncategorised expense or revenue line in {context.Period.Year.ToString(CultureInfo.InvariantCulture)} to date.");
        }
        else
        {
            section.Paragraph($"Uncategorised lines, {context.Period.Year.ToString(CultureInfo.InvariantCulture)} year to date, for clean-up (an expense with no account code in the chart; "
                + "revenue whose stream matches no income rule):");
            section.Table(["Entity", "Month", "Line", "Description", "Amount (booked)"],
                yearToDate.Select(l => (IReadOnlyList<string>)
                [
                    MarkdownText.Cell(context.NameOf(l.EntityId)), l.Month.ToString(), l.Kind, MarkdownText.Cell(context.Redact(l.Description)),
                    section.Quote(context.Metrics.Get(l.MetricId)),
                ]), [false, false, false, false, true]);
        }

        if (uncategorised.Count > 0)
        {
            section.Paragraph("To categorise:");
            section.Bullets(uncategorised.Select(r =>
                $"{MarkdownText.Escape(context.NameOf(r.Month.EntityId))} — {MarkdownText.Escape(context.Redact(r.Line.Description))} "
                + $"({section.Quote(context.Metrics.Get(r.MetricId))}): {MarkdownText.Escape(Flag(context, r))}."));
        }
    }

    private static string Flag(ReportContext context, ExpenseRow row) => row.Suggestion switch
    {
        null => $"uncategorised ({row.Problem}); no suggestion: the chart has no {AccountingCalculator.UncategorisedCode}",
        { Keyword: "" } s => $"uncategorised ({row.Problem}); suggest {AccountText(context, s.Code)} (no keyword matched: confirm with the receipt)",
        { } s => $"uncategorised ({row.Problem}); suggest {AccountText(context, s.Code)} (keyword \"{s.Keyword}\")",
    };

    private static void WriteRecognition(ReportContext context, SectionBuilder section, IReadOnlyList<RecognitionIssue> issues)
    {
        var m = context.Metrics;
        var end = context.Period.LastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        section.Paragraph("Checked: revenue lines of the trailing twelve months booked before their service month "
            + $"(restated into the service month once the service has happened, by {end}; held in deferred revenue while it is still ahead), payouts booked net of commission "
            + $"in {context.PeriodText} (revenue must be gross, commission an expense), and customer deposit balances at month end.");
        if (issues.Count == 0)
        {
            section.Missing($"no revenue recognition issue found in the {context.PeriodText} KPI inputs");
            return;
        }

        if (issues.All(i => i.Kind is not (RecognitionIssueKind.DepositBeforeService or RecognitionIssueKind.Restatement)))
        {
            section.Paragraph("No revenue of the trailing twelve months was booked before its service month.");
        }

        foreach (var entity in context.Catalog.Entities)
        {
            if (RevenueRecognitionCalculator.Finding(m, entity.Id, entity.Name, section.Quote) is { } finding)
            {
                section.Paragraph($"**Finding** — {finding}");
            }
        }

        var deferred = AccountText(context, "2000");
        var commissions = AccountText(context, "5050");
        section.Table(["Entity", "Stream", "Issue", "Amount (booked)", "Correcting entry"],
            issues.Select(i =>
            {
                var amount = section.Quote(m.Get(i.AmountId));
                var income = AccountText(context, i.IncomeCode);
                var (issue, entry) = i.Kind switch
                {
                    RecognitionIssueKind.DepositBeforeService =>
                        ($"deposit booked as revenue in {i.Booked} for a service on {i.ServiceDate:yyyy-MM-dd} (still to come)",
                            $"Debit {income} and credit {deferred} by {amount}; on {i.ServiceDate:yyyy-MM-dd}, when the service is delivered, debit {deferred} and credit {income}."),
                    RecognitionIssueKind.Restatement =>
                        ($"booked as revenue in {i.Booked} for a service delivered on {i.ServiceDate:yyyy-MM-dd}",
                            $"Restate: take {amount} out of {i.Booked} {income} and into {Primitives.Period.Of(i.ServiceDate!.Value)} {income}; no deferred-revenue entry, the service has happened."),
                    RecognitionIssueKind.NetOfCommission =>
                        ($"{i.Channel ?? "marketplace"} payout booked net of commission",
                            $"Debit {commissions} and credit {income} by {amount}, so revenue shows the gross {section.Quote(m.Get(i.GrossId))} and the commission is an expense."),
                    _ =>
                        ("customer deposits held at month end",
                            $"Keep {amount} in {deferred} (a liability) until the service is delivered or the deposit refunded, then debit {deferred} and credit {income}; confirm none of it is also in revenue."),
                };
                return (IReadOnlyList<string>)
                [
                    MarkdownText.Cell(context.NameOf(i.EntityId)), MarkdownText.Cell(i.Stream), MarkdownText.Cell(issue), amount, MarkdownText.Cell(entry),
                ];
            }), [false, false, false, true, false]);
        WriteRestatement(context, section);
    }

    // The restated monthly revenue of each entity with early bookings whose service has happened.
    private static void WriteRestatement(ReportContext context, SectionBuilder section)
    {
        var early = RevenueRecognitionCalculator.EarlyBookings(context.Inputs);
        foreach (var entity in context.Catalog.Entities)
        {
            var months = RevenueRecognitionCalculator.RestatedMonths(early.Where(e => e.EntityId == entity.Id));

            // An entity without inputs this period has no restatement figures to quote.
            if (months.Count == 0 || context.Metrics.Find(RevenueRecognitionCalculator.AsBooked(entity.Id, months[0])) is null)
            {
                continue;
            }

            section.Paragraph($"{MarkdownText.Escape(entity.Name)} monthly revenue restated into the service months:");
            section.Table(["Month", "Revenue (booked), as booked", "Revenue (booked), restated"],
                months.Select(month => (IReadOnlyList<string>)
                [
                    month.ToString(),
                    section.Quote(context.Metrics.Get(RevenueRecognitionCalculator.AsBooked(entity.Id, month))),
                    section.Quote(context.Metrics.Get(RevenueRecognitionCalculator.Restated(entity.Id, month))),
                ]), [false, true, true]);
        }
    }

    private static void WriteRoadmap(ReportContext context, SectionBuilder section, IReadOnlyList<ExpenseRow> rows, IReadOnlyList<RecognitionIssue> issues)
    {
        var m = context.Metrics;
        var quarter = context.Period.Quarter.Next();
        var months = quarter.Months;
        var revenue = m.Find(PortfolioCalculator.PortfolioRevenue);
        section.Paragraph($"For {quarter} ({months[0]} to {months[^1]}), from portfolio revenue booked of {(revenue is null ? "nothing recorded" : section.Quote(revenue))} "
            + $"in {context.PeriodText}. Portfolio targets from the CFO model, quoted unchanged:");
        var targets = months.Select(p => (Period: p, Metric: m.Find(CfoMetricIds.TargetFor(p)))).ToList();
        if (targets.All(t => t.Metric is null))
        {
            section.Missing($"the CFO model set no targets for {quarter} (no revenue recorded for {context.PeriodText})");
        }
        else
        {
            section.Table(["Month", "CFO model target (received)"],
                targets.Select(t => (IReadOnlyList<string>)[t.Period.ToString(), t.Metric is null ? "not set by the CFO model" : section.Quote(t.Metric)]), [false, true]);
        }

        var entities = AccountingCalculator.MonthsOf(context.Inputs).Select(k => k.EntityId).ToList();
        if (entities.Count == 0)
        {
            section.Missing($"no KPI inputs for any entity in {context.PeriodText}, so no current net income to plan from");
            return;
        }

        section.Paragraph($"Where each entity stands in {context.PeriodText}, booked basis (revenue as booked against expenses as booked; a split loan payment's principal "
            + $"is financing and left out, an unsplit one counts whole as {DebtService.CashBasisLabel}):");
        section.Table(["Entity", "Revenue (booked)", "Expenses (booked)", "Net income (booked)", $"Of which {DebtService.CashBasisLabel}", "Loan principal (financing, not in net income)"],
            entities.Select(id => (IReadOnlyList<string>)
            [
                MarkdownText.Cell(context.NameOf(id)),
                section.Quote(m.Get(PortfolioCalculator.Revenue(id))),
                section.Quote(m.Get(AccountingCalculator.ExpensesBooked(id))),
                section.Quote(m.Get(AccountingCalculator.NetIncomeBooked(id))),
                section.Quote(m.Get(AccountingCalculator.DebtCashBasis(id))),
                section.Quote(m.Get(AccountingCalculator.LoanPrincipal(id))),
            ]), [false, true, true, true, true, true]);
        section.Paragraph(ReceivedBridge.Line(m, section.Quote));

        var actions = new List<string>();
        foreach (var id in entities)
        {
            var name = MarkdownText.Escape(context.NameOf(id));
            if (m.Find(AccountingCalculator.UncategorisedFor(id)) is { } open)
            {
                actions.Add($"**Categorise** {name}'s uncategorised expenses ({section.Quote(open)}) using the suggestions above before the first close of {quarter}, "
                    + "so the quarter's cost lines are complete.");
            }

            if (m.Find(AccountingCalculator.RecognitionFor(id)) is { Value: > 0 } restate)
            {
                var kinds = issues.Where(i => i.EntityId == id && i.Kind != RecognitionIssueKind.DepositBalance).Select(i => i.Kind).Distinct()
                    .Select(k => k switch
                    {
                        RecognitionIssueKind.DepositBeforeService => "defer deposits for later trips",
                        RecognitionIssueKind.Restatement => "restate early bookings into their service months",
                        _ => "gross up payouts booked net of commission",
                    });
                actions.Add($"**Fix recognition** for {name}: restate {section.Quote(restate)} ({string.Join(" and ", kinds)}), so margins per channel are real.");
            }

            if (AccountingCalculator.LargestVariable(rows, id) is { } largest)
            {
                var vendor = largest.Line.Vendor is null ? "" : $" ({MarkdownText.Escape(context.Redact(largest.Line.Vendor))})";
                actions.Add($"**Cut or renegotiate** {name}'s largest variable cost, {MarkdownText.Escape(context.Redact(largest.Line.Description))}{vendor}: "
                    + $"{section.Quote(m.Get(largest.MetricId))} this month, {section.Quote(m.Get(AccountingCalculator.LargestVariableQuarter(id)))} over {quarter} at this rate.");
            }
        }

        if (actions.Count == 0)
        {
            section.Missing($"no categorisation, recognition or variable-cost action found for {quarter}");
        }
        else
        {
            section.Paragraph("Actions, with the amount each is worth:");
            section.Numbered(actions);
        }
    }
}
