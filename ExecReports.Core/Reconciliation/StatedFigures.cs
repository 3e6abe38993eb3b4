using System.Globalization;
using System.Text.RegularExpressions;

namespace ExecReports.Core.Reconciliation;

public enum ClaimRule
{
    TechCost,
    AdSpend,
    SecurityDeposits,
    Invoiced,
    GrossBookings,
    Collected,
    DeliveriesCompleted,
    Bookings,
    Enquiries,
    Deployments,
    RetainerRates,
    HourlyRates,
    Occupancy,
}

// One figure a sentence states: its rule, its value(s) or state, the unit it is about ("B" for "unit B vacant") and the
// month the sentence names ("in October"), if any. MonthNamed is 1–12.
public sealed record StatedFigure(ClaimRule Rule, IReadOnlyList<decimal> Values, string? Subject = null, bool? State = null, int? MonthNamed = null);

// Reads the figures a handoff sentence states, by phrase. Only phrases it knows become figures: a sentence it does not
// understand states nothing, rather than a guess. Bounded work: each pattern is linear and the fact text is capped by
// ingestion (InputLimits), and the regexes run with a timeout.
public static partial class StatedFigures
{
    private const string Money = @"\$\s?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?(?:[kK]\b)?";
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(250);
    // Compiled: every phrase runs over every usable fact of the folder, once per set.
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;

    private static readonly (ClaimRule Rule, Regex Pattern)[] Phrases =
    [
        (ClaimRule.TechCost, new($@"\bAWS\b[^$\n]{{0,40}}?(?<m>{Money})", Options, Timeout)),
        (ClaimRule.AdSpend, new($@"(?:\b(?:google|facebook|meta|bing)\s+ads\b|\bad\s?spend\b|\bads\s+spend\b)[^$\n]{{0,40}}?(?<m>{Money})", Options, Timeout)),
        (ClaimRule.SecurityDeposits, new($@"\bsecurity\s+deposits?\b[^$\n]{{0,30}}?(?<m>{Money})", Options, Timeout)),
        (ClaimRule.Invoiced, new($@"(?<m>{Money})\s+(?:invoiced|billed)\b|\b(?:invoiced|billed)\s+(?<m>{Money})", Options, Timeout)),
        (ClaimRule.GrossBookings, new($@"(?<m>{Money})\s+gross\s+bookings\b", Options, Timeout)),
        (ClaimRule.Collected, new($@"\bcollected\s+(?<m>{Money})", Options, Timeout)),
        (ClaimRule.DeliveriesCompleted, new(@"\b(?<c>\d{1,6})\s+deliver(?:y|ies)\s+completed\b", Options, Timeout)),
        (ClaimRule.Bookings, new(@"\b(?<c>\d{1,6})\s+(?:bookings|charters)\b", Options, Timeout)),
        (ClaimRule.Enquiries, new(@"\b(?<c>\d{1,6})\s+(?:quote\s+requests|enquiries|inquiries)\b", Options, Timeout)),
        (ClaimRule.Deployments, new(@"\bdeployed\s+(?<c>\d{1,6})\s+times\b", Options, Timeout)),
        (ClaimRule.RetainerRates, new($@"\bretainers?\b[^$\n]{{0,20}}?(?<list>{Money}(?:\s*(?:,|\band\b|,\s*and\b)\s*{Money})*)", Options, Timeout)),
        (ClaimRule.HourlyRates, new($@"\bhourly\s+at\s+(?<m>{Money})|(?<m>{Money})\s*/\s*(?:hour|hr)\b", Options, Timeout)),
    ];

    // Unit names are capitals or digits ("units A and C"), so "units are occupied" names no unit.
    [GeneratedRegex(@"\bunits?\s+(?<u>(?-i:[A-Z0-9]{1,3})(?:(?:\s*,\s*|\s+and\s+)(?-i:[A-Z0-9]{1,3}))*)\s+(?:(?:is|are)\s+)?(?<s>vacant|occupied)\b", Options, 250)]
    private static partial Regex Occupancy();

    // Capitalised only: "may" in a sentence is a verb.
    [GeneratedRegex(@"\b(?<mon>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b", RegexOptions.CultureInvariant, 250)]
    private static partial Regex MonthName();

    [GeneratedRegex(@"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?(?<k>[kK])?", RegexOptions.CultureInvariant, 250)]
    private static partial Regex Number();

    [GeneratedRegex(@"\$\s?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?(?:[kK]\b)?", RegexOptions.CultureInvariant, 250)]
    private static partial Regex MoneyToken();

    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static IReadOnlyList<StatedFigure> Read(string text)
    {
        try
        {
            return ReadUnchecked(text);
        }
        catch (RegexMatchTimeoutException)
        {
            // A sentence too tangled to read in time states nothing we can hold against the books.
            return [];
        }
    }

    private static List<StatedFigure> ReadUnchecked(string text)
    {
        var month = MonthName().Match(text) is { Success: true } m
            ? Array.IndexOf(Months, m.Groups["mon"].Value[..3].ToLowerInvariant()) + 1
            : (int?)null;
        var figures = new List<StatedFigure>();
        foreach (var (rule, pattern) in Phrases)
        {
            var match = pattern.Match(text);
            if (!match.Success)
            {
                continue;
            }

            IReadOnlyList<decimal> values = rule switch
            {
                ClaimRule.RetainerRates => MoneyToken().Matches(match.Groups["list"].Value).Select(t => ParseMoney(t.Value)).OfType<decimal>().ToList(),
                _ when match.Groups["c"].Success => decimal.TryParse(match.Groups["c"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? [count] : [],
                _ => ParseMoney(match.Groups["m"].Value) is { } amount ? [amount] : [],
            };
            if (values.Count > 0)
            {
                figures.Add(new StatedFigure(rule, values, MonthNamed: month));
            }
        }

        foreach (Match match in Occupancy().Matches(text))
        {
            var occupied = match.Groups["s"].Value.Equals("occupied", StringComparison.OrdinalIgnoreCase);
            foreach (var unit in UnitNames().Matches(match.Groups["u"].Value).Select(u => u.Value).Distinct(StringComparer.Ordinal))
            {
                figures.Add(new StatedFigure(ClaimRule.Occupancy, [], unit, occupied, month));
            }
        }

        return figures;
    }

    [GeneratedRegex(@"(?-i:[A-Z0-9]{1,3})(?=\s|,|$)", RegexOptions.CultureInvariant, 250)]
    private static partial Regex UnitNames();

    // "$1,500" → 1500, "$9.5K" → 9500; null for a number decimal cannot hold.
    public static decimal? ParseMoney(string token)
    {
        var number = Number().Match(token);
        if (!number.Success)
        {
            return null;
        }

        var digits = number.Value.TrimEnd('k', 'K').Replace(",", "", StringComparison.Ordinal);
        if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        return number.Groups["k"].Success ? value * 1_000m : value;
    }
}
