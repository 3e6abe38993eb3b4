namespace ExecReports.Core.Reports.Finance;

// Opening cash to closing cash in one month: operations, the owner's draws and injections, and the deposits held for
// others. Whatever the inputs do not explain is a line of its own, so the bridge always ties and a gap is visible.
public sealed record CashBridge(decimal Opening, decimal Operating, decimal OwnerDraws, decimal CapitalInjections,
    decimal CustomerDepositsChange, decimal SecurityDepositsChange, decimal Closing)
{
    public decimal Unexplained => Closing - Opening - Operating + OwnerDraws - CapitalInjections - CustomerDepositsChange - SecurityDepositsChange;

    public static CashBridge Between(PortfolioMonth opening, PortfolioMonth closing) => new(
        opening.Cash, -closing.NetBurn, closing.OwnerDraws, closing.CapitalInjections,
        closing.CustomerDeposits - opening.CustomerDeposits, closing.SecurityDeposits - opening.SecurityDeposits, closing.Cash);

    // Signed as they move cash: a draw is negative, deposits taken positive, deposits released or refunded negative.
    public IReadOnlyList<(string Id, string Label, decimal Amount)> Lines =>
    [
        ("operating", "Operating cash flow (cash received − expenses)", Operating),
        ("owner-draws", "Owner draws", -OwnerDraws),
        ("capital-injections", "Capital injections", CapitalInjections),
        ("customer-deposits", "Customer deposits taken − released", CustomerDepositsChange),
        ("security-deposits", "Tenant security deposits taken − refunded", SecurityDepositsChange),
        ("unexplained", "Not explained by the inputs", Unexplained),
    ];
}
