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
}
