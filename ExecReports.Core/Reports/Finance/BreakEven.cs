namespace ExecReports.Core.Reports.Finance;

// Break-even on trailing averages (cash basis), the same arithmetic for the portfolio and for each entity:
// contribution-margin ratio = (revenue − variable) ÷ revenue, break-even = fixed ÷ ratio, margin of safety =
// (revenue − break-even) ÷ revenue. Special says why a figure is missing.
public sealed record BreakEven(decimal? ContributionMarginRatio, decimal? Revenue, decimal? MarginOfSafety, string? Special)
{
    public static BreakEven From(decimal revenue, decimal variableCosts, decimal fixedCosts)
    {
        if (revenue <= 0)
        {
            return new BreakEven(null, null, null, "no revenue received");
        }

        var ratio = (revenue - variableCosts) / revenue;
        if (ratio <= 0)
        {
            return new BreakEven(ratio, null, null, "unreachable: variable costs exceed revenue");
        }

        var breakEven = fixedCosts / ratio;
        return new BreakEven(ratio, breakEven, (revenue - breakEven) / revenue, null);
    }
}
