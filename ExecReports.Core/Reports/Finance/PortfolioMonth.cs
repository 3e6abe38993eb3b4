using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reports.Metrics;

namespace ExecReports.Core.Reports.Finance;

// The whole portfolio in one month, cash basis: revenue received (not invoiced) against expenses paid.
// Owner draws and capital injections are financing, kept apart from burn.
public sealed record PortfolioMonth
{
    public required Period Period { get; init; }
    public required IReadOnlyList<KpiMonth> Entities { get; init; }

    public decimal CashIn => Entities.Sum(e => e.CashReceived);
    public decimal Expenses => Entities.Sum(e => e.ExpenseTotal);
    // Costs for break-even are what enters net income: a split loan payment's principal is financing and left out.
    public decimal FixedCosts => Entities.Sum(e => e.Expenses.Where(x => x.Fixed).Sum(DebtService.ExpensePart));
    public decimal VariableCosts => Entities.Sum(e => e.Expenses.Where(x => !x.Fixed).Sum(DebtService.ExpensePart));
    public decimal LoanPrincipal => Entities.Sum(DebtService.PrincipalOf);
    public decimal DebtServiceCashBasis => Entities.Sum(DebtService.CashBasisOf);
    public decimal Cash => Entities.Sum(e => e.CashOnHand);
    // Balances for the month-on-month deposit flows of the cash bridges; the balance held this month is quoted from
    // EntityDeposits.
    public decimal CustomerDeposits => Entities.Sum(e => e.CustomerDeposits);
    public decimal SecurityDeposits => Entities.Sum(e => e.SecurityDeposits);

    public decimal OwnerDraws => Entities.Sum(e => e.OwnerDraws);
    public decimal CapitalInjections => Entities.Sum(e => e.CapitalInjections);
    public decimal RevenueBooked => Entities.Sum(e => e.RevenueBooked);
    public decimal? RevenueTarget => Entities.Any(e => e.Targets?.MonthlyRevenueTarget is not null)
        ? Entities.Sum(e => e.Targets?.MonthlyRevenueTarget ?? 0m)
        : null;

    public decimal NetIncome => CashIn - Expenses;
    public decimal NetBurn => Expenses - CashIn;

    // What the owner-operator's cash actually loses each month: operations plus what they take out.
    public decimal NetBurnAfterDraws => NetBurn + OwnerDraws;

    public static IReadOnlyList<PortfolioMonth> Series(IEnumerable<KpiMonth> months) =>
        months.GroupBy(m => m.Period)
            .OrderBy(g => g.Key)
            .Select(g => new PortfolioMonth { Period = g.Key, Entities = g.OrderBy(e => e.EntityId, StringComparer.Ordinal).ToList() })
            .ToList();

    // One input per entity and field, so a figure can be walked back to the KPI entries it came from.
    public IEnumerable<MetricInput> Inputs(string field, Func<KpiMonth, decimal> value) =>
        Entities.Select(e => MetricInput.Kpi(e.EntityId, field, Period.ToString(), MetricFormat.Money(value(e))));
}
