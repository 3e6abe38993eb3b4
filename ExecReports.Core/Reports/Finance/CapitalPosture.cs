namespace ExecReports.Core.Reports.Finance;

public enum Posture { CashPositive, PreserveCash, Selective, Invest }

// The posture follows the conservative runway, never the most flattering one: "Invest" needs 12 months on every
// definition, free cash and after the owner's draws.
public static class CapitalPosture
{
    public const decimal SelectiveFrom = 6m;
    public const decimal InvestFrom = 12m;

    public static string Rule(string selectiveFrom, string investFrom) =>
        $"posture follows the conservative runway: under {selectiveFrom} preserve cash; from {selectiveFrom} selective; from {investFrom} invest; ∞ (cash-positive after draws) fund growth from operating cash";

    public static Posture For(decimal? conservativeMonths, bool infinite) => conservativeMonths switch
    {
        null when infinite => Posture.CashPositive,
        null => Posture.PreserveCash,
        < SelectiveFrom => Posture.PreserveCash,
        < InvestFrom => Posture.Selective,
        _ => Posture.Invest,
    };

    public static string Advice(Posture posture) => posture switch
    {
        Posture.CashPositive => "Cash-positive: fund growth from operating cash; hold the minimum-cash reserve and invest the surplus in the highest-return channel.",
        Posture.PreserveCash => "Preserve cash: freeze discretionary spend, defer new listings that carry fixed fees, and pursue receivables and deposits first.",
        Posture.Selective => "Selective: spend only on items that pay back within one quarter (commission-only OTA listings, collections, fixing revenue leaks).",
        _ => "Invest: runway allows experiments that pay back within two quarters, while keeping the minimum-cash reserve.",
    };
}
