using System.Text.RegularExpressions;
using ExecReports.Core.Reports;
using ExecReports.Core.Reports.Finance;
using ExecReports.Core.Reports.Metrics;

namespace ExecReports.Core.Validation;

// Every figure of a shared family any report states must be the book's figure for the period (or, for "Changed Since
// Last Month", last month's), as rounded for display: the CFO model's burn, runway, break-even and revenue target, and
// the figures several reports quote (unbilled value, receivables, deposits, pipeline, gross OTA revenue).
public static partial class FigureCheck
{
    private sealed record Family(string Name, Regex Keywords, Regex MetricIds, string Source = "metric book")
    {
        public bool Owns(Metric metric) => MetricIds.IsMatch(metric.Id);
    }

    private const string CfoModel = "CFO model";

    private static readonly Family[] Families =
    [
        new("burn rate", BurnWords(), BurnIds(), CfoModel),
        new("runway", RunwayWords(), RunwayIds(), CfoModel),
        new("break-even", BreakEvenWords(), BreakEvenIds(), CfoModel),
        new("revenue target", TargetWords(), TargetIds(), CfoModel),
        new("unbilled value", UnbilledWords(), UnbilledIds()),
        new("receivables", ReceivablesWords(), ReceivablesIds()),
        new("deposits", DepositWords(), DepositIds()),
        new("pipeline", PipelineWords(), PipelineIds()),
        new("gross OTA revenue", GrossRevenueWords(), GrossRevenueIds()),
    ];

    public static IEnumerable<Finding> Check(ReportText report, MetricBook book, MetricBook? previous = null, FinanceOptions? parameters = null)
    {
        // Labels and formulas count as well as values: a label may carry a configured amount ("the $10.0K minimum"),
        // a formula its window or buffer ("last 3 months", "× (1 + 10%)"), and reports repeat both.
        var known = Texts(book);
        // A configured parameter (the target buffer, the materiality thresholds, the minimum cash) is stated even in a
        // month whose book has no figure built from it; it is a setting, not a figure to hold against the model.
        var settings = Parameters(parameters ?? FinanceOptions.Default);
        // Last month's figures only where a line is about last month: "Changed Since Last Month" or a line naming it.
        var lastMonth = previous is null ? [] : Texts(previous);
        var lastPeriod = previous?.All.FirstOrDefault()?.Period;
        var conflictLines = ConflictLines(report.Lines);
        for (var i = 0; i < report.Lines.Count; i++)
        {
            if (ReportText.IsHandoffQuote(report.Lines[i]) || conflictLines.Contains(i)
                || report.SectionAt(i + 1) == Reports.ReportSections.Appendix)
            {
                // Handoff words (quoted, or stated in a data conflict) are not computed figures; the appendix repeats the book itself.
                continue;
            }

            // A variance's size and its materiality thresholds are derived from two quoted figures and configuration;
            // the figures it compares ("vs 2026-10 -$1,410/mo") are still checked.
            var line = MaterialityClause().Replace(VarianceSize().Replace(report.Lines[i], " vs "), "");
            // A line names its families; its section adds one ("18.8 months" in a Runway table row that says "burn").
            var section = report.SectionAt(i + 1);
            var lineFamilies = Families.Where(f => f.Keywords.IsMatch(line)).ToList();
            var fromSection = lineFamilies.Count == 0;
            var families = lineFamilies
                .Union(section is null ? [] : Families.Where(f => f.Keywords.IsMatch(section)))
                .ToList();
            if (families.Count == 0)
            {
                continue;
            }

            foreach (var figure in FigureToken().Matches(line).Select(t => t.Value.Trim().TrimEnd(',')).Distinct(StringComparer.Ordinal))
            {
                var isMonth = figure.Length == 7 && figure[4] == '-';
                // A table row in "Monthly Revenue Targets" names no family itself, and its month is the row's key.
                var aboutLastMonth = section == ReportSections.ChangedSinceLastMonth || (lastPeriod is not null && line.Contains(lastPeriod, StringComparison.Ordinal));
                if ((isMonth && fromSection) || figure == report.Period || known.Any(d => ContainsFigure(d, figure)) || IsParameter(figure, settings)
                    || (aboutLastMonth && lastMonth.Any(d => ContainsFigure(d, figure))))
                {
                    continue;
                }

                var candidates = book.All
                    .Where(m => families.Any(f => f.Owns(m)) && (m.Value is not null || m.Special is not null))
                    .ToList();
                var sameKind = candidates.Where(m => KindOf(m.Display) == KindOf(figure)).ToList();
                var expected = (sameKind.Count > 0 ? sameKind : candidates)
                    .OrderBy(m => Distance(m, figure))
                    .ThenBy(m => m.Id, StringComparer.Ordinal)
                    .FirstOrDefault();
                var family = families.FirstOrDefault(f => expected is not null && f.Owns(expected)) ?? families[0];
                yield return new Finding
                {
                    Severity = Severity.Error,
                    Rule = "figures/mismatch",
                    Report = report.Name,
                    Section = section,
                    Line = i + 1,
                    Message = $"{report.Name} line {i + 1}: the {family.Name} figure {figure} is not the {family.Source}'s for {book.All.FirstOrDefault()?.Period ?? report.Period}.",
                    Suggestion = expected is null ? null : $"The {family.Source} says {expected.Label}: {expected.Display}.",
                };
            }
        }
    }

    // A data conflict is one bullet, wrapped over several lines in plain text ("> - …" then "> " + hanging indent).
    private static HashSet<int> ConflictLines(IReadOnlyList<string> lines)
    {
        var marked = new HashSet<int>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (!BulletStart().IsMatch(lines[i]))
            {
                continue;
            }

            var end = i + 1;
            while (end < lines.Count && BulletContinuation().IsMatch(lines[end]))
            {
                end++;
            }

            var item = string.Join(' ', Enumerable.Range(i, end - i).Select(n => n == i ? lines[n] : QuotePrefix().Replace(lines[n], "")));
            if (Reconciliation.DataConflictsBox.IsConflictLine(Whitespace().Replace(item, " ")))
            {
                marked.UnionWith(Enumerable.Range(i, end - i));
            }

            i = end - 1;
        }

        return marked;
    }

    [GeneratedRegex(@"^(?:> ?)*\s*[-*] ")]
    private static partial Regex BulletStart();

    [GeneratedRegex(@"^(?:> ?)*\s{2,}\S")]
    private static partial Regex BulletContinuation();

    [GeneratedRegex(@"^(?:> ?)*\s*")]
    private static partial Regex QuotePrefix();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private sealed record Setting(FigureKind Kind, decimal Value);

    private static List<Setting> Parameters(FinanceOptions options) =>
    [
        new(FigureKind.Percent, options.TargetBufferPercent * 100m),
        new(FigureKind.Percent, options.MaterialityPercent * 100m),
        new(FigureKind.Money, options.MaterialityAmount),
        new(FigureKind.Money, options.MinimumCash),
    ];

    // "10%" is the 0.10 buffer; "$10.0K" and "$10,000" are the 10,000 minimum, as rounded for display.
    private static bool IsParameter(string figure, List<Setting> settings)
    {
        var kind = KindOf(figure);
        var number = NumberIn().Match(figure);
        if (kind is not (FigureKind.Percent or FigureKind.Money) || !number.Success || figure.StartsWith('-')
            || !decimal.TryParse(number.Value.Replace(",", ""), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        var scale = kind == FigureKind.Money && figure.Contains('K') ? 1_000m : kind == FigureKind.Money && figure.Contains('M') ? 1_000_000m : 1m;
        var decimals = number.Value.Contains('.') ? number.Value.Length - number.Value.IndexOf('.') - 1 : 0;
        return settings.Any(s => s.Kind == kind && Math.Round(s.Value / scale, Math.Min(decimals, 28), MidpointRounding.AwayFromZero) == value);
    }

    private static List<string> Texts(MetricBook book) =>
        book.All.SelectMany(m => new[] { m.Display, m.Label, m.Formula }).Distinct(StringComparer.Ordinal).ToList();

    private enum FigureKind { Money, Months, Percent, Month, Other }

    private static FigureKind KindOf(string text) =>
        text.Contains('$') ? FigureKind.Money
        : text.EndsWith("months", StringComparison.Ordinal) ? FigureKind.Months
        : text.EndsWith('%') ? FigureKind.Percent
        : MonthToken().IsMatch(text) ? FigureKind.Month
        : FigureKind.Other;

    private static bool ContainsFigure(string display, string figure)
    {
        var at = display.IndexOf(figure, StringComparison.Ordinal);
        while (at >= 0)
        {
            var before = at == 0 || !char.IsLetterOrDigit(display[at - 1]) && display[at - 1] is not '.' and not ',';
            var end = at + figure.Length;
            // "$1" is not in "$1,410" nor "$46" in "$46.4K", but "2025-12" is in "since 2025-12, extended".
            var next = end < display.Length ? display[end] : ' ';
            var afterNext = end + 1 < display.Length ? display[end + 1] : ' ';
            var after = next is '.' or ',' ? !char.IsDigit(afterNext) : !char.IsDigit(next) && next is not 'K' and not 'M';
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

    // "$4,285/mo (+303.8%) vs ", "-23.6 pp vs ", "48 vs " as written by Variance.Assess: a change derived
    // from the two quoted figures that follow and precede it.
    [GeneratedRegex(@"(?:-?\$\d[\d,]*(?:\.\d+)?[KM]?(?:/mo)?|-?\d+(?:\.\d+)?(?:%| pp| months| h| days)?)(?: \([+-]?\d+(?:\.\d+)?%\))? vs ")]
    private static partial Regex VarianceSize();

    [GeneratedRegex(@"\(material at ±\d+(?:\.\d+)?(?:%| pp)(?: and ±\$\d[\d,]*(?:\.\d+)?[KM]?)?\)")]
    private static partial Regex MaterialityClause();

    [GeneratedRegex(@"\bburn", RegexOptions.IgnoreCase)]
    private static partial Regex BurnWords();

    [GeneratedRegex(@"\brunway\b|cash reaches zero|minimum cash", RegexOptions.IgnoreCase)]
    private static partial Regex RunwayWords();

    [GeneratedRegex(@"break[- ]?even|margin of safety|payback", RegexOptions.IgnoreCase)]
    private static partial Regex BreakEvenWords();

    [GeneratedRegex(@"revenue targets?\b", RegexOptions.IgnoreCase)]
    private static partial Regex TargetWords();

    [GeneratedRegex(@"\bunbilled\b", RegexOptions.IgnoreCase)]
    private static partial Regex UnbilledWords();

    [GeneratedRegex(@"\breceivables?\b|\boverdue\b|past due|not yet paid|days sales outstanding|\bDSO\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReceivablesWords();

    [GeneratedRegex(@"\bdeposits?\b", RegexOptions.IgnoreCase)]
    private static partial Regex DepositWords();

    [GeneratedRegex(@"\bpipeline\b|\bnew deals?\b", RegexOptions.IgnoreCase)]
    private static partial Regex PipelineWords();

    [GeneratedRegex(@"\bgross (?:OTA )?revenue\b|\brevenue (?:at gross|\(gross\))|\bgross bookings\b", RegexOptions.IgnoreCase)]
    private static partial Regex GrossRevenueWords();

    [GeneratedRegex(@"^cfo\.burn\.")]
    private static partial Regex BurnIds();

    [GeneratedRegex(@"^cfo\.runway\.")]
    private static partial Regex RunwayIds();

    [GeneratedRegex(@"^cfo\.break-even\.")]
    private static partial Regex BreakEvenIds();

    [GeneratedRegex(@"^cfo\.target|^cfo\.revenue\.target$")]
    private static partial Regex TargetIds();

    // ReceivablesCalculator's unbilled hours and value, its benchmark rate, and the billing audit's per-client hours.
    [GeneratedRegex(@"^ceo\.[^.]+\.unbilled-|^receivables\.[^.]+\.(?:benchmark-rate|client\.[^.]+\.unbilled-value)$|^portfolio-billing\.client\.[^.]+\.unbilled-hours$")]
    private static partial Regex UnbilledIds();

    [GeneratedRegex(@"^receivables\.|^ceo\.[^.]+\.(?:overdue-receivables|oldest-overdue-days)$|^portfolio-billing\.client\.[^.]+\.(?:outstanding|overdue|overdue-days)$|^acct\.account\.1100$")]
    private static partial Regex ReceivablesIds();

    [GeneratedRegex(@"^cfo\.deposits\.|^entity\.[^.]+\.deposits\.(?:customer|security)$|^rental\.security-deposits$|^owner\.[^.]+\.deposits-held$|\.deferred$")]
    private static partial Regex DepositIds();

    [GeneratedRegex(@"(?:^|\.)pipeline\.")]
    private static partial Regex PipelineIds();

    [GeneratedRegex(@"^entity\.[^.]+\.ota\.[^.]+\.gross-revenue$|^cmo\.(?:channel|ota)\.[^.]+\.[^.]+\.revenue$")]
    private static partial Regex GrossRevenueIds();

    // $7,500/mo, -$1.2K, $12.3K, 11.4 months, 2027-10, ∞, 12.5%
    [GeneratedRegex(@"-?\$\d[\d,]*(?:\.\d+)?[KM]?(?:/mo)?|\b\d+(?:\.\d+)? months\b|\b20\d\d-(?:0[1-9]|1[0-2])\b|∞|-?\b\d+(?:\.\d+)?%")]
    private static partial Regex FigureToken();

    [GeneratedRegex(@"\b20\d\d-(?:0[1-9]|1[0-2])\b")]
    private static partial Regex MonthToken();

    [GeneratedRegex(@"\d[\d,]*(?:\.\d+)?")]
    private static partial Regex NumberIn();
}
