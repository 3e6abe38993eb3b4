using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;

namespace ExecReports.Core.Reports.Metrics;

public sealed record AccountSuggestion(string Code, string Keyword);

// One expense line of the period with the account it is booked to, or why it is uncategorised and what to book it to.
public sealed record ExpenseRow(KpiMonth Month, int Number, ExpenseLine Line, Account? Account, AccountSuggestion? Suggestion)
{
    public bool Uncategorised => Account is null;
    public string MetricId => AccountingCalculator.ExpenseLineId(Month.EntityId, Number);

    public string Problem => Line.AccountCode is null ? "no account code" : $"code {Line.AccountCode} is not in the chart";
}

public enum RecognitionIssueKind { DepositBeforeService, Restatement, NetOfCommission, DepositBalance }

public sealed record RecognitionIssue(RecognitionIssueKind Kind, string EntityId, Period Booked, int Number, string Stream, string? Channel,
    DateOnly? ServiceDate, string IncomeCode)
{
    public string AmountId => Kind switch
    {
        // The balance itself is the entity's customer deposits held, quoted as is.
        RecognitionIssueKind.DepositBalance => EntityDeposits.Customer(EntityId),
        RecognitionIssueKind.DepositBeforeService => $"acct.revrec.{EntityId}.{Booked}.{Number}.deferred",
        RecognitionIssueKind.Restatement => $"acct.revrec.{EntityId}.{Booked}.{Number}.restate",
        _ => $"acct.revrec.{EntityId}.{Booked}.{Number}.commission",
    };

    // Revenue at gross is not the issue's own figure: it is the channel's gross OTA revenue, computed once.
    public string GrossId => RevenueRecognitionCalculator.GrossOta(EntityId, Channel ?? Stream);
}

// The accountant's figures: per-account totals, every expense line, revenue recognition issues and what fixing them is worth.
// The same static analysis feeds the calculator and the report, so both see the same rows.
public sealed class AccountingCalculator : MetricCalculator
{
    public override int Order => 20;

    public const string UncategorisedTotal = "acct.uncategorised.total";
    private const string CustomerDepositsField = "customerDeposits";
    public static string AccountTotal(string code) => $"acct.account.{code}";
    public static string ExpenseLineId(string entityId, int number) => $"acct.expense.{entityId}.{number}";
    public static string UncategorisedFor(string entityId) => $"acct.roadmap.{entityId}.uncategorised";
    public static string RecognitionFor(string entityId) => $"acct.roadmap.{entityId}.recognition";
    public static string LargestVariableQuarter(string entityId) => $"acct.roadmap.{entityId}.largest-variable.quarter";
    public static string UncategorisedYtd(string entityId, Period month, string kind, int number) => $"acct.uncategorised-ytd.{entityId}.{month}.{kind}.{number}";
    public static string ExpensesBooked(string entityId) => $"acct.pnl.{entityId}.expenses";
    public static string NetIncomeBooked(string entityId) => $"acct.pnl.{entityId}.net-income";
    public static string DebtCashBasis(string entityId) => $"acct.pnl.{entityId}.debt-service.cash-basis";
    public static string LoanPrincipal(string entityId) => $"acct.pnl.{entityId}.debt-service.principal";

    // An uncategorised line of the year to date: an expense with no code in the chart, or revenue whose stream matches no
    // income rule (it would land in Other income).
    public sealed record UncategorisedLine(string EntityId, Period Month, string Kind, int Number, string Description, decimal Amount)
    {
        public string MetricId => UncategorisedYtd(EntityId, Month, Kind, Number);
    }

    public static IReadOnlyList<UncategorisedLine> UncategorisedYearToDate(ReportInputs inputs) => inputs.Kpis
        .Where(k => k.Period.Year == inputs.Period.Year && k.Period <= inputs.Period)
        .OrderBy(k => k.EntityId, StringComparer.Ordinal).ThenBy(k => k.Period)
        .SelectMany(k => k.Expenses.Select((e, i) => (Line: e, Number: i + 1)).Where(x => inputs.Accounts.Find(x.Line.AccountCode) is null)
            .Select(x => new UncategorisedLine(k.EntityId, k.Period, "expense", x.Number, x.Line.Description, x.Line.Amount))
            .Concat(k.Revenue.Select((r, i) => (Line: r, Number: i + 1)).Where(x => Match(IncomeRules, x.Line.Stream) is null)
                .Select(x => new UncategorisedLine(k.EntityId, k.Period, "revenue", x.Number, x.Line.Stream, x.Line.Amount))))
        .ToList();

    public const string UncategorisedCode = "6900";

    // Keyword → account, first match wins. Matched against description, vendor and category; a single word matches the
    // start of a word ("landscap" → "landscaping"), a phrase matches anywhere.
    public static readonly IReadOnlyList<(string Keyword, string Code)> ExpenseRules =
    [
        ("cash withdrawal", "3100"), ("atm", "3100"),
        ("commission", "5050"),
        ("fuel", "5010"),
        ("captain", "5000"), ("crew", "5000"), ("deckhand", "5000"),
        ("landfill", "5020"), ("disposal", "5020"), ("dump fee", "5020"),
        ("subcontract", "5030"), ("contractor", "5030"), ("driver", "5030"),
        ("slip", "6000"), ("moorage", "6000"), ("marina", "6000"),
        ("insurance", "6010"),
        ("repair", "6020"), ("maintenance", "6020"), ("west marine", "6020"), ("home depot", "6020"), ("gardener", "6020"), ("landscap", "6020"),
        ("ads", "6030"), ("advertis", "6030"), ("marketing", "6030"), ("listing", "6030"), ("conference", "6030"),
        ("software", "6040"), ("hosting", "6040"), ("aws", "6040"), ("saas", "6040"), ("subscription", "6040"),
        ("truck", "6050"), ("vehicle", "6050"), ("tow", "6050"), ("laptop", "6050"), ("equipment", "6050"),
        ("bookkeep", "6060"), ("accountant", "6060"), ("legal", "6060"), ("attorney", "6060"),
        ("mortgage", "6070"), ("property tax", "6080"),
        ("water", "6090"), ("electric", "6090"), ("utilit", "6090"), ("trash", "6090"),
        ("stripe", "6100"), ("bank fee", "6100"), ("merchant fee", "6100"),
        ("coworking", "6110"), ("office rent", "6110"),
        ("loan", "6120"),
    ];

    // Revenue lines carry no account code: the stream's words pick the income account.
    public static readonly IReadOnlyList<(string Keyword, string Code)> IncomeRules =
    [
        ("charter", "4000"), ("sail", "4000"),
        ("tour", "4010"), ("event", "4010"), ("cruise", "4010"), ("party", "4010"),
        ("dumpster", "4100"), ("junk", "4100"), ("haul", "4100"),
        ("retainer", "4200"), ("project", "4200"), ("consult", "4200"),
        ("rent", "4300"),
        ("delivery", "4400"),
    ];

    public const string OtherIncomeCode = "4900";

    public static string RuleText(IReadOnlyList<(string Keyword, string Code)> rules) =>
        string.Join("; ", rules.GroupBy(r => r.Code).Select(g => $"{string.Join("/", g.Select(r => $"\"{r.Keyword}\""))} → {g.Key}"));

    public static string? Match(IReadOnlyList<(string Keyword, string Code)> rules, params string?[] texts) => MatchRule(rules, texts)?.Code;

    public static (string Keyword, string Code)? MatchRule(IReadOnlyList<(string Keyword, string Code)> rules, params string?[] texts)
    {
        foreach (var text in texts.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!.ToLowerInvariant()))
        {
            var words = text.Split([' ', '-', '/', ',', '(', ')', ':', '.', '&'], StringSplitOptions.RemoveEmptyEntries);
            foreach (var (keyword, code) in rules)
            {
                if (keyword.Contains(' ') ? text.Contains(keyword, StringComparison.Ordinal) : words.Any(w => w.StartsWith(keyword, StringComparison.Ordinal)))
                {
                    return (keyword, code);
                }
            }
        }

        return null;
    }

    // Only suggests accounts the chart has; nothing matched → Miscellaneous, to be confirmed against the receipt.
    public static AccountSuggestion? Suggest(ExpenseLine line, ChartOfAccounts chart)
    {
        foreach (var text in new[] { line.Description, line.Vendor, line.Category })
        {
            if (MatchRule(ExpenseRules, text) is { } rule && chart.Contains(rule.Code))
            {
                return new AccountSuggestion(rule.Code, rule.Keyword);
            }
        }

        return chart.Contains(UncategorisedCode) ? new AccountSuggestion(UncategorisedCode, "") : null;
    }

    public static string IncomeAccount(string stream) => Match(IncomeRules, stream) ?? OtherIncomeCode;

    public static IReadOnlyList<KpiMonth> MonthsOf(ReportInputs inputs) =>
        inputs.Kpis.Where(k => k.Period == inputs.Period).OrderBy(k => k.EntityId, StringComparer.Ordinal).ToList();

    public static IReadOnlyList<ExpenseRow> ExpenseRows(ReportInputs inputs) => MonthsOf(inputs)
        .SelectMany(m => m.Expenses.Select((line, i) =>
        {
            var account = inputs.Accounts.Find(line.AccountCode);
            return new ExpenseRow(m, i + 1, line, account, account is null ? Suggest(line, inputs.Accounts) : null);
        }))
        .ToList();

    // Revenue booked before its service month (the revenue recognition calculator decides restate or move to deposits),
    // OTA payouts booked net of commission this month, and customer deposit balances held at month end.
    public static IReadOnlyList<RecognitionIssue> RecognitionIssues(ReportInputs inputs)
    {
        var period = inputs.Period;
        var issues = RevenueRecognitionCalculator.EarlyBookings(inputs)
            .Select(e => new RecognitionIssue(e.Fix == EarlyBookingFix.Restate ? RecognitionIssueKind.Restatement : RecognitionIssueKind.DepositBeforeService,
                e.EntityId, e.Booked, e.Number, e.Line.Stream, e.Line.Channel, e.Line.ServiceDate, IncomeAccount(e.Line.Stream)))
            .ToList();
        foreach (var month in MonthsOf(inputs))
        {
            for (var i = 0; i < month.Revenue.Count; i++)
            {
                var line = month.Revenue[i];
                if (line.BookedNetOfCommission)
                {
                    issues.Add(new RecognitionIssue(RecognitionIssueKind.NetOfCommission, month.EntityId, month.Period, i + 1, line.Stream, line.Channel,
                        line.ServiceDate, IncomeAccount(line.Stream)));
                }
            }
        }

        foreach (var month in MonthsOf(inputs).Where(m => m.CustomerDeposits != 0))
        {
            issues.Add(new RecognitionIssue(RecognitionIssueKind.DepositBalance, month.EntityId, period, 0, "customer deposits", null, null,
                month.Revenue.Select(r => IncomeAccount(r.Stream)).FirstOrDefault() ?? OtherIncomeCode));
        }

        return issues.OrderBy(x => x.EntityId, StringComparer.Ordinal).ThenBy(x => x.Kind).ThenBy(x => x.Booked).ThenBy(x => x.Number).ToList();
    }

    public static ExpenseRow? LargestVariable(IEnumerable<ExpenseRow> rows, string entityId) => rows
        .Where(r => r.Month.EntityId == entityId && !r.Line.Fixed && r.Line.Amount > 0)
        .OrderByDescending(r => r.Line.Amount).ThenBy(r => r.Number)
        .FirstOrDefault();

    public override void Compute(ReportCalculation calculation)
    {
        var inputs = calculation.Inputs;
        var book = calculation.Book;
        var p = inputs.Period.ToString();
        var months = MonthsOf(inputs);
        var rows = ExpenseRows(inputs);

        foreach (var row in rows)
        {
            var field = $"expenses[{row.Number - 1}].amount";
            book.Add(new Metric
            {
                Id = row.MetricId, EntityId = row.Month.EntityId, Label = $"{row.Month.EntityId} expense: {row.Line.Description}", Value = row.Line.Amount, Unit = MetricUnit.Usd, Period = p,
                Formula = $"expenses[{row.Number - 1}].amount", Inputs = [MetricInput.Kpi(row.Month.EntityId, field, p, MetricFormat.Money(row.Line.Amount))],
                Better = Favourable.Lower,
            });
        }

        AddAccountTotals(inputs, months, rows, book, p);

        var uncategorised = rows.Where(r => r.Uncategorised).ToList();
        book.Add(new Metric
        {
            Id = UncategorisedTotal, Label = "Uncategorised expenses", Value = uncategorised.Sum(r => r.Line.Amount), Unit = MetricUnit.Usd, Period = p,
            Formula = "sum of expense lines with no account code or a code not in the chart",
            Inputs = uncategorised.Select(r => MetricInput.Kpi(r.Month.EntityId, $"expenses[{r.Number - 1}].amount", p, MetricFormat.Money(r.Line.Amount))).ToList(),
            Better = Favourable.Lower,
        });
        foreach (var group in uncategorised.GroupBy(r => r.Month.EntityId))
        {
            book.Add(new Metric
            {
                Id = UncategorisedFor(group.Key), EntityId = group.Key, Label = $"{group.Key} expenses to categorise", Value = group.Sum(r => r.Line.Amount), Unit = MetricUnit.Usd,
                Period = p, Formula = "sum of this entity's uncategorised expense lines",
                Inputs = group.Select(r => MetricInput.Kpi(r.Month.EntityId, $"expenses[{r.Number - 1}].amount", p, MetricFormat.Money(r.Line.Amount))).ToList(),
                Better = Favourable.Lower,
            });
        }

        foreach (var line in UncategorisedYearToDate(inputs))
        {
            var field = line.Kind == "expense" ? $"expenses[{line.Number - 1}].amount" : $"revenue[{line.Number - 1}].amount";
            book.Add(new Metric
            {
                Id = line.MetricId, EntityId = line.EntityId, Label = $"{line.EntityId} uncategorised {line.Kind} {line.Month}: {line.Description}", Value = line.Amount,
                Unit = MetricUnit.Usd, Period = p, Formula = line.Kind == "expense" ? $"{field} with no account code in the chart" : $"{field} whose stream matches no income rule",
                Inputs = [MetricInput.Kpi(line.EntityId, field, line.Month.ToString(), MetricFormat.Money(line.Amount))],
            });
        }

        foreach (var month in months)
        {
            AddProfitAndLoss(month, book, p);
        }

        var issues = RecognitionIssues(inputs);
        foreach (var issue in issues)
        {
            AddIssue(inputs, issue, book, p);
        }

        foreach (var group in issues.Where(i => i.Kind != RecognitionIssueKind.DepositBalance).GroupBy(i => i.EntityId))
        {
            var parts = group.Select(i => book.Get(i.AmountId)).Where(m => m.Value is not null).ToList();
            book.Add(new Metric
            {
                Id = RecognitionFor(group.Key), EntityId = group.Key, Label = $"{group.Key} revenue to restate", Value = parts.Sum(m => m.Value!.Value), Unit = MetricUnit.Usd, Period = p,
                Formula = "early bookings to restate or defer + commissions to gross up",
                Inputs = parts.Select(MetricInput.Of).ToList(),
            });
        }

        foreach (var month in months)
        {
            if (LargestVariable(rows, month.EntityId) is { } largest)
            {
                book.Add(new Metric
                {
                    Id = LargestVariableQuarter(month.EntityId), EntityId = month.EntityId, Label = $"{month.EntityId} {largest.Line.Description}: a quarter at this month's rate",
                    Value = largest.Line.Amount * 3, Unit = MetricUnit.Usd, Period = p, Kind = MetricKind.Forecast,
                    Formula = "largest variable expense line this month × 3 months",
                    Inputs = [MetricInput.Kpi(month.EntityId, $"expenses[{largest.Number - 1}].amount", p, MetricFormat.Money(largest.Line.Amount))],
                    Better = Favourable.Lower,
                });
            }
        }
    }

    // Net income on the booked basis: revenue as booked against expenses as booked, a split loan payment counting only its
    // interest; an unsplit one counts whole and is labelled debt service, cash basis.
    private static void AddProfitAndLoss(KpiMonth month, MetricBook book, string p)
    {
        var id = month.EntityId;
        var expenses = month.Expenses.Sum(DebtService.ExpensePart);
        var expenseInputs = month.Expenses.Select((e, i) => MetricInput.Kpi(id, DebtService.IsSplit(e) ? $"expenses[{i}].amount − principal" : $"expenses[{i}].amount", p,
            MetricFormat.Money(DebtService.ExpensePart(e)))).ToList();
        var booked = book.Add(new Metric
        {
            Id = ExpensesBooked(id), EntityId = id, Label = $"{id} expenses (booked, loan principal excluded)", Value = expenses, Unit = MetricUnit.Usd, Period = p,
            Formula = "Σ expenses[].amount − principal of split loan and mortgage payments", Inputs = expenseInputs, Better = Favourable.Lower,
        });
        book.Add(new Metric
        {
            Id = NetIncomeBooked(id), EntityId = id, Label = $"{id} net income (booked)", Value = month.RevenueBooked - expenses, Unit = MetricUnit.Usd, Period = p,
            Formula = "Σ revenue[].amount − expenses (booked, loan principal excluded)",
            Inputs = [MetricInput.Kpi(id, "Σ revenue[].amount", p, MetricFormat.Money(month.RevenueBooked)), MetricInput.Of(booked)], Better = Favourable.Higher,
        });
        book.Add(new Metric
        {
            Id = DebtCashBasis(id), EntityId = id, Label = $"{id} {DebtService.CashBasisLabel} in expenses", Value = DebtService.CashBasisOf(month), Unit = MetricUnit.Usd, Period = p,
            Formula = "Σ loan and mortgage payments with no principal/interest split, counted whole",
            Inputs = month.Expenses.Select((e, i) => (e, i)).Where(x => DebtService.IsCashBasis(x.e)).Select(x => MetricInput.Kpi(id, $"expenses[{x.i}].amount", p, MetricFormat.Money(x.e.Amount)))
                .DefaultIfEmpty(MetricInput.Kpi(id, "expenses[] loan or mortgage payments without a split", p, "none")).ToList(),
        });
        book.Add(new Metric
        {
            Id = LoanPrincipal(id), EntityId = id, Label = $"{id} loan principal repaid (financing, not an expense)", Value = DebtService.PrincipalOf(month), Unit = MetricUnit.Usd, Period = p,
            Formula = "Σ expenses[].principal of split loan and mortgage payments",
            Inputs = month.Expenses.Select((e, i) => (e, i)).Where(x => DebtService.IsSplit(x.e)).Select(x => MetricInput.Kpi(id, $"expenses[{x.i}].principal", p, MetricFormat.Money(x.e.Principal!.Value)))
                .DefaultIfEmpty(MetricInput.Kpi(id, "expenses[].principal", p, "none")).ToList(),
        });
    }

    private static void AddAccountTotals(ReportInputs inputs, IReadOnlyList<KpiMonth> months, IReadOnlyList<ExpenseRow> rows, MetricBook book, string p)
    {
        foreach (var account in inputs.Accounts.Accounts.OrderBy(a => a.Code, StringComparer.Ordinal))
        {
            var parts = new List<(decimal Amount, MetricInput Input)>();
            foreach (var row in rows.Where(r => r.Account is not null && string.Equals(r.Account.Code, account.Code, StringComparison.OrdinalIgnoreCase)))
            {
                parts.Add((row.Line.Amount, MetricInput.Kpi(row.Month.EntityId, $"expenses[{row.Number - 1}].amount", p, MetricFormat.Money(row.Line.Amount))));
            }

            var formula = "sum of expenses[].amount coded " + account.Code;
            if (account.Type == AccountType.Income)
            {
                formula = $"sum of revenue[].amount whose stream maps to {account.Code} (stream keyword rule), as booked";
                foreach (var m in months)
                {
                    for (var i = 0; i < m.Revenue.Count; i++)
                    {
                        if (IncomeAccount(m.Revenue[i].Stream) == account.Code)
                        {
                            parts.Add((m.Revenue[i].Amount, MetricInput.Kpi(m.EntityId, $"revenue[{i}].amount", p, MetricFormat.Money(m.Revenue[i].Amount))));
                        }
                    }
                }
            }
            else if (BalanceField(account) is { } balance)
            {
                formula = $"sum of {balance.Field} over all entities";
                foreach (var m in months)
                {
                    // The deposit liability is the entities' customer deposits held, quoted rather than read again.
                    var (amount, input) = balance.Field == CustomerDepositsField && book.Get(EntityDeposits.Customer(m.EntityId)) is var held
                        ? (held.Value ?? 0m, MetricInput.Of(held))
                        : (balance.Value(m), MetricInput.Kpi(m.EntityId, balance.Field, p, MetricFormat.Money(balance.Value(m))));
                    if (amount != 0)
                    {
                        parts.Add((amount, input));
                    }
                }
            }

            if (parts.Count > 0)
            {
                book.Add(new Metric
                {
                    Id = AccountTotal(account.Code), Label = $"{account.Code} {account.Name}", Value = parts.Sum(x => x.Amount), Unit = MetricUnit.Usd, Period = p,
                    Formula = formula, Inputs = parts.Select(x => x.Input).ToList(),
                });
            }
        }
    }

    // Balance-sheet and owner accounts fed by a KPI field rather than by lines, recognised by the account's type and name.
    public static (string Field, Func<KpiMonth, decimal> Value)? BalanceField(Account account) => account.Type switch
    {
        AccountType.Asset when account.Name.Contains("cash", StringComparison.OrdinalIgnoreCase) => ("cashOnHand", m => m.CashOnHand),
        AccountType.Asset when account.Name.Contains("receivable", StringComparison.OrdinalIgnoreCase) =>
            ("portfolio.clients[].invoiced − paid", ReceivablesCalculator.BalanceOf),
        AccountType.Liability when account.Name.Contains("deposit", StringComparison.OrdinalIgnoreCase) => (CustomerDepositsField, m => m.CustomerDeposits),
        AccountType.Equity when account.Name.Contains("draw", StringComparison.OrdinalIgnoreCase) => ("ownerDraws", m => m.OwnerDraws),
        AccountType.Equity when account.Name.Contains("equity", StringComparison.OrdinalIgnoreCase) => ("capitalInjections", m => m.CapitalInjections),
        _ => null,
    };

    private static void AddIssue(ReportInputs inputs, RecognitionIssue issue, MetricBook book, string p)
    {
        var month = inputs.Kpis.First(k => k.Period == issue.Booked && k.EntityId == issue.EntityId);
        var booked = issue.Booked.ToString();
        switch (issue.Kind)
        {
            case RecognitionIssueKind.DepositBalance:
                // Already in the book: the CFO model adds each entity's deposits before any calculator runs.
                break;
            case RecognitionIssueKind.DepositBeforeService or RecognitionIssueKind.Restatement:
            {
                var line = month.Revenue[issue.Number - 1];
                book.Add(new Metric
                {
                    Id = issue.AmountId, EntityId = issue.EntityId, Label = $"{issue.EntityId} deposit booked as revenue in {booked} for service on {line.ServiceDate:yyyy-MM-dd}",
                    Value = line.Amount, Unit = MetricUnit.Usd, Period = p, Better = Favourable.Lower,
                    Formula = issue.Kind == RecognitionIssueKind.Restatement
                        ? $"revenue[{issue.Number - 1}].amount where serviceDate is after {issue.Booked.LastDay:yyyy-MM-dd} and on or before {inputs.Period.LastDay:yyyy-MM-dd}"
                        : $"revenue[{issue.Number - 1}].amount where serviceDate is after {inputs.Period.LastDay:yyyy-MM-dd}",
                    Inputs =
                    [
                        MetricInput.Kpi(issue.EntityId, $"revenue[{issue.Number - 1}].amount", booked, MetricFormat.Money(line.Amount)),
                        MetricInput.Kpi(issue.EntityId, $"revenue[{issue.Number - 1}].serviceDate", booked, $"{line.ServiceDate:yyyy-MM-dd}"),
                    ],
                });
                break;
            }
            default:
            {
                var line = month.Revenue[issue.Number - 1];
                var commissionInput = MetricInput.Kpi(issue.EntityId, $"revenue[{issue.Number - 1}].commission", booked,
                    line.Commission is { } c ? MetricFormat.Money(c) : "not recorded");
                book.Add(new Metric
                {
                    Id = issue.AmountId, EntityId = issue.EntityId, Label = $"{issue.EntityId} {line.Channel ?? line.Stream} commission netted out of revenue", Value = line.Commission,
                    Unit = MetricUnit.Usd, Period = p, Formula = $"revenue[{issue.Number - 1}].commission (payout booked net)", Inputs = [commissionInput],
                    Special = line.Commission is null ? "not recorded: take it from the payout statement" : null,
                });
                break;
            }
        }
    }
}
