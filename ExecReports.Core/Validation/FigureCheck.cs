using System.Text.RegularExpressions;
using ExecReports.Core.Reports.Finance;
using ExecReports.Core.Reports.Metrics;

namespace ExecReports.Core.Validation;

// Every burn, runway, break-even and revenue-target figure any report states must be the CFO model's figure
// for the period, as rounded for display.
public static partial class FigureCheck
{
    private sealed record Family(string Name, Regex Keywords, string MetricPrefix);

    private static readonly Family[] Families =
    [
        new("burn rate", BurnWords(), "cfo.burn."),
        new("runway", RunwayWords(), "cfo.runway."),
        new("break-even", BreakEvenWords(), "cfo.break-even."),
        new("revenue target", TargetWords(), "cfo.target"),
    ];

    public static IEnumerable<Finding> Check(ReportText report, MetricBook book)
    {
        // Labels count as well as values: a label may carry a configured amount ("the $10,000 minimum").
        var known = book.All.SelectMany(m => new[] { m.Display, m.Label }).ToList();
        for (var i = 0; i < report.Lines.Count; i++)
        {
            var line = report.Lines[i];
            if (ReportText.IsHandoffQuote(line) || report.SectionAt(i + 1) == Reports.ReportSections.Appendix)
            {
                // Handoff words are not computed figures; the appendix repeats the book itself.
                continue;
            }

            var family = Families.FirstOrDefault(f => f.Keywords.IsMatch(line));
            var fromSection = false;
            if (family is null && report.SectionAt(i + 1) is { } section)
            {
                // A table row in "Monthly Revenue Targets" names no family itself; its section does.
                family = Families.FirstOrDefault(f => f.Keywords.IsMatch(section));
                fromSection = true;
            }

            if (family is null)
            {
                continue;
            }

            foreach (Match token in FigureToken().Matches(line))
            {
                var figure = token.Value.Trim();
                var isMonth = figure.Length == 7 && figure[4] == '-';
                if ((isMonth && fromSection) || figure == report.Period || known.Any(d => ContainsFigure(d, figure)))
                {
                    continue;
                }

                var expected = book.All
                    .Where(m => m.Id.StartsWith(family.MetricPrefix, StringComparison.Ordinal) || (family.MetricPrefix == "cfo.target" && m.Id == CfoMetricIds.RevenueTarget))
                    .Where(m => m.Value is not null || m.Special is not null)
                    .OrderBy(m => Distance(m, figure))
                    .FirstOrDefault();
                yield return new Finding
                {
                    Severity = Severity.Error,
                    Rule = "figures/mismatch",
                    Report = report.Name,
                    Section = report.SectionAt(i + 1),
                    Line = i + 1,
                    Message = $"{report.Name} line {i + 1}: the {family.Name} figure {figure} is not the CFO model's for {book.All.FirstOrDefault()?.Period ?? report.Period}.",
                    Suggestion = expected is null ? null : $"The CFO model says {expected.Label}: {expected.Display}.",
                };
            }
        }
    }

    private static bool ContainsFigure(string display, string figure)
    {
        var at = display.IndexOf(figure, StringComparison.Ordinal);
        while (at >= 0)
        {
            var before = at == 0 || !char.IsLetterOrDigit(display[at - 1]) && display[at - 1] is not '.' and not ',';
            var end = at + figure.Length;
            var after = end >= display.Length || !char.IsDigit(display[end]) && display[end] is not '.' and not ',' and not 'K' and not 'M';
            if (before && after)
            {
                return true;
            }

            at = display.IndexOf(figure, at + 1, StringComparison.Ordinal);
        }

        return false;
    }

    private static decimal Distance(Metric metric, string figure)
    {
        var number = NumberIn().Match(figure);
        if (!number.Success || metric.Value is null || !decimal.TryParse(number.Value.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            return decimal.MaxValue;
        }

        var scale = figure.Contains('K') ? 1_000m : figure.Contains('M') ? 1_000_000m : 1m;
        return Math.Abs(metric.Value.Value - value * scale);
    }

    [GeneratedRegex(@"\bburn", RegexOptions.IgnoreCase)]
    private static partial Regex BurnWords();

    [GeneratedRegex(@"\brunway\b|cash reaches zero|minimum cash", RegexOptions.IgnoreCase)]
    private static partial Regex RunwayWords();

    [GeneratedRegex(@"break[- ]?even|margin of safety|payback", RegexOptions.IgnoreCase)]
    private static partial Regex BreakEvenWords();

    [GeneratedRegex(@"revenue targets?\b", RegexOptions.IgnoreCase)]
    private static partial Regex TargetWords();

    // $7,500/mo, -$1.2K, $12.3K, 11.4 months, 2027-10, ∞, 12.5%
    [GeneratedRegex(@"-?\$\d[\d,]*(?:\.\d+)?[KM]?(?:/mo)?|\b\d+(?:\.\d+)? months\b|\b20\d\d-(?:0[1-9]|1[0-2])\b|∞|-?\b\d+(?:\.\d+)?%")]
    private static partial Regex FigureToken();

    [GeneratedRegex(@"\d[\d,]*(?:\.\d+)?")]
    private static partial Regex NumberIn();
}
