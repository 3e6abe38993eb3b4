using ExecReports.Core.Primitives;

namespace ExecReports.Core.Reports.Finance;

// The monthly figures behind the trailing ones, one set per month of the trend.
public enum CfoHistory { CashIn, Expenses, NetBurn, Cash, OwnerDraws, NetBurnAfterDraws }

public static class CfoMetricIds
{
    public const string CashIn = "cfo.cash-in";
    public const string GrossBurn = "cfo.burn.gross";
    public const string NetBurn = "cfo.burn.net";
    public const string NetBurnAverage = "cfo.burn.net.avg3";
    public const string NetBurnLow = "cfo.burn.net.low3";
    public const string NetBurnHigh = "cfo.burn.net.high3";
    public const string Cash = "cfo.cash";
    public const string CustomerDeposits = "cfo.deposits.customer";
    public const string SecurityDeposits = "cfo.deposits.security";
    public const string FreeCash = "cfo.cash.free";
    public const string NetBurnAfterDraws = "cfo.burn.net-after-draws";
    public const string NetBurnAfterDrawsAverage = "cfo.burn.net-after-draws.avg3";
    public const string BridgeOpening = "cfo.bridge.opening";
    public const string OwnerDraws = "cfo.financing.owner-draws";
    public const string CapitalInjections = "cfo.financing.capital-injections";
    public const string RunwayTrailing = "cfo.runway.trailing";
    public const string RunwayForecast = "cfo.runway.forecast";
    public const string RunwayCashChange = "cfo.runway.cash-change";
    public const string RunwayFreeCashAfterDraws = "cfo.runway.free-cash-after-draws";
    public const string RunwayConservative = "cfo.runway.conservative";
    public const string PostureSelectiveFrom = "cfo.posture.selective-from";
    public const string PostureInvestFrom = "cfo.posture.invest-from";
    public const string CashZeroMonth = "cfo.runway.cash-zero-month";
    public const string RunwayToMinimumCash = "cfo.runway.to-minimum-cash";
    public const string RevenueAverage = "cfo.revenue.avg3";
    public const string FixedCostsAverage = "cfo.fixed-costs.avg3";
    public const string VariableCostsAverage = "cfo.variable-costs.avg3";
    public const string DebtServiceCashBasis = "cfo.debt-service.cash-basis.avg3";
    public const string LoanPrincipal = "cfo.debt-service.principal.avg3";
    public const string ContributionMarginRatio = "cfo.contribution-margin-ratio";
    public const string BreakEvenRevenue = "cfo.break-even.revenue";
    public const string MarginOfSafety = "cfo.break-even.margin-of-safety";
    public const string BreakEvenMonth = "cfo.break-even.month";
    public const string BreakEvenMonthLinear = "cfo.break-even.month.linear";
    public const string RunwayForecastLinear = "cfo.runway.forecast.linear";
    public const string ForecastMethod = "cfo.forecast.method";
    public const string BookingsNeeded = "cfo.break-even.bookings-needed";
    public const string RevenueTarget = "cfo.revenue.target";
    public const string MaterialityPercent = "finance.materiality.percent";
    public const string MaterialityAmount = "finance.materiality.amount";

    // One line of the cash bridge: "cfo.bridge.owner-draws".
    public static string Bridge(string line) => $"cfo.bridge.{line}";

    // Per entity: "cfo.entity.jada.runway".
    public static string Entity(string entityId, string figure) => $"cfo.entity.{entityId}.{figure}";

    public static string TargetFor(Period month) => $"cfo.target.{month}";

    // Budget against actual: "cfo.entity.jada.budget.revenue.ytd.variance" (figure revenue|burn, scope month|ytd,
    // part actual|budget|variance).
    public static string Budget(string entityId, string figure, string scope, string part) => Entity(entityId, $"budget.{figure}.{scope}.{part}");

    // "cfo.forecast.2026-12.net-burn": cash-in, expenses, net-burn, net-burn.linear.
    public static string ForecastFor(Period month, string figure) => $"cfo.forecast.{month}.{figure}";

    // "cfo.forecast.growth.cash-in"
    public static string ForecastGrowth(string figure) => $"cfo.forecast.growth.{figure}";

    // "cfo.history.2026-09.net-burn"
    public static string History(Period month, CfoHistory figure) => $"cfo.history.{month}." + figure switch
    {
        CfoHistory.CashIn => "cash-in",
        CfoHistory.Expenses => "expenses",
        CfoHistory.NetBurn => "net-burn",
        CfoHistory.OwnerDraws => "owner-draws",
        CfoHistory.NetBurnAfterDraws => "net-burn-after-draws",
        _ => "cash",
    };

    // The figures an owner reads first; "what changed" lists their moves before any other.
    public static bool IsHeadline(string id) => id is RunwayConservative or Cash or FreeCash or CashIn or NetBurn or NetBurnAverage or NetBurnAfterDrawsAverage or RunwayTrailing or MarginOfSafety;

    // Net burn below zero is cash generated; a move across zero is said in these words, not as a percent.
    public static Metrics.SignWords? SignWords(string id) =>
        id.StartsWith("cfo.burn.net", StringComparison.Ordinal) || (id.StartsWith("cfo.history.", StringComparison.Ordinal) && id.EndsWith(".net-burn", StringComparison.Ordinal))
            ? new Metrics.SignWords("generated", "burned")
            : null;

    public static Metrics.Favourable? Better(string id) => id switch
    {
        FreeCash => Metrics.Favourable.Higher,
        NetBurnAfterDraws or NetBurnAfterDrawsAverage => Metrics.Favourable.Lower,
        CashIn or RevenueAverage or Cash or ContributionMarginRatio or MarginOfSafety => Metrics.Favourable.Higher,
        RunwayTrailing or RunwayForecast or RunwayForecastLinear or RunwayCashChange or RunwayToMinimumCash or RunwayFreeCashAfterDraws or RunwayConservative => Metrics.Favourable.Higher,
        GrossBurn or NetBurn or NetBurnAverage or NetBurnLow or NetBurnHigh or FixedCostsAverage or VariableCostsAverage => Metrics.Favourable.Lower,
        BreakEvenRevenue or BookingsNeeded => Metrics.Favourable.Lower,
        _ => null,
    };
}
