using ExecReports.Core.Kpis;

namespace ExecReports.Core.Reports.Metrics;

// Mortgage and loan payments: debt service, not an operating expense (NOI leaves them out; DSCR divides by them).
public static class DebtService
{
    public const string MortgageCode = "6070";
    public const string LoanCode = "6120";

    public static bool Is(ExpenseLine expense) =>
        expense.AccountCode is { Length: > 0 } code
            ? code is MortgageCode or LoanCode
            : expense.Category.Equals("Mortgage", StringComparison.OrdinalIgnoreCase) || expense.Category.Equals("Loan", StringComparison.OrdinalIgnoreCase);

    // A payment with the lender's split: principal is financing (it repays the loan), only the interest is an expense.
    public static bool IsSplit(ExpenseLine expense) => expense.Principal is not null && expense.Interest is not null;

    // Debt service counted whole because the input gives no split: labelled "debt service, cash basis" wherever it
    // enters net income or break-even.
    public static bool IsCashBasis(ExpenseLine expense) => Is(expense) && !IsSplit(expense);

    public const string CashBasisLabel = "debt service, cash basis";

    // What of a line is an expense in net income and break-even: the whole line, except the principal of a split payment.
    public static decimal ExpensePart(ExpenseLine expense) => expense.Amount - (IsSplit(expense) ? expense.Principal!.Value : 0m);

    public static decimal PrincipalOf(KpiMonth month) => month.Expenses.Where(IsSplit).Sum(e => e.Principal!.Value);

    public static decimal CashBasisOf(KpiMonth month) => month.Expenses.Where(IsCashBasis).Sum(e => e.Amount);
}
