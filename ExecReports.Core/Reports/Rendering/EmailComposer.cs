using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ExecReports.Core.Reports.Rendering;

// What the email carries, for one report.
public sealed record EmailDraft(
    string Title,
    string Intro,
    IReadOnlyList<ReportSection> Sections,
    string Footer,
    string? PreviewUrl,
    IReadOnlyDictionary<string, string> SourceLabels);

// The email body: the report's own sections, bounded, without the metrics appendix, internals turned into words, in a
// 600 px single-column layout that a 375 px phone shows without sideways scrolling. The preview and the archive keep
// the full report; the email says what it left out and links to the preview when App:BaseUrl is set.
// Every HTML part stays at most MaxHtmlBytes and every text part at most MaxTextBytes however large the inputs:
// the lists and cells shrink level by level, and at the last level sections beyond the budget become one line each.
public static partial class EmailComposer
{
    public const int MaxHtmlBytes = 100 * 1024;
    public const int MaxTextBytes = 60 * 1024;
    public const int MaxWidthPx = 600;

    internal sealed record Level(int Items, int Rows, int CellChars);

    private static readonly Level[] Levels = [new(5, 8, 220), new(4, 5, 140), new(3, 3, 90), new(2, 2, 60)];

    public static RenderedReport Compose(EmailDraft draft)
    {
        RenderedReport? email = null;
        foreach (var level in Levels)
        {
            email = Render(draft, level, sectionBudget: null);
            if (Fits(email))
            {
                return email;
            }
        }

        // Still too large at the tightest level (thousands of subsections): keep whole sections while they fit.
        for (var budget = draft.Sections.Count - 1; budget >= 0; budget--)
        {
            email = Render(draft, Levels[^1], budget);
            if (Fits(email))
            {
                return email;
            }
        }

        return email!;
    }

    public static bool Fits(RenderedReport email) =>
        Encoding.UTF8.GetByteCount(email.Html) <= MaxHtmlBytes && Encoding.UTF8.GetByteCount(email.Text) <= MaxTextBytes;

    private static RenderedReport Render(EmailDraft draft, Level level, int? sectionBudget)
    {
        var sb = new StringBuilder();
        sb.Append("# ").AppendLine(draft.Title).AppendLine();
        sb.AppendLine(draft.Intro).AppendLine();
        if (draft.PreviewUrl is { } url)
        {
            sb.Append("[Open this report in ExecReports](").Append(url)
                .AppendLine(") for the contents, how every figure was derived and the full lists.").AppendLine();
        }

        var omitted = new List<string>();
        for (var i = 0; i < draft.Sections.Count; i++)
        {
            var section = draft.Sections[i];
            if (sectionBudget is { } budget && i >= budget)
            {
                omitted.Add(section.Heading);
                continue;
            }

            sb.Append("## ").AppendLine(section.Heading).AppendLine();
            // The summary is the point of the email: it is never cut.
            var plain = Plain(section.Markdown, draft.SourceLabels);
            sb.AppendLine((section.Id == ReportSections.Summary.Id ? plain : Bound(plain, level)).TrimEnd()).AppendLine();
        }

        if (omitted.Count > 0)
        {
            sb.Append("*Not in this email, to keep it readable: ").Append(string.Join(", ", omitted))
                .AppendLine(draft.PreviewUrl is null ? ". See the report preview in ExecReports.*" : ". See the report preview.*").AppendLine();
        }

        var rendered = ReportRenderer.RenderEmail([sb.ToString(), draft.Footer]);
        return rendered with { Html = Document(draft.Title, PhoneTables(rendered.Html)) };
    }

    // Internals become words: "jada.md:31" a short source note, a metric id or a KPI field path nothing (the preview
    // and the archived JSON keep them), and the escapes inside code spans go, since a code span shows them verbatim.
    internal static string Plain(string markdown, IReadOnlyDictionary<string, string> labels)
    {
        string Label(string file) => labels.TryGetValue(ReportTextUnescape(file), out var label) ? label : Path.GetFileNameWithoutExtension(ReportTextUnescape(file)) + " handoff";

        markdown = MetricEvidence().Replace(markdown, "the figures in the report preview");
        markdown = BareMetricId().Replace(markdown, "the figure in the report preview");
        markdown = KpiSource().Replace(markdown, m => labels.TryGetValue("kpi:" + m.Groups["entity"].Value, out var label) ? label : "the KPI inputs");
        markdown = SourceCell().Replace(markdown, m => Label(m.Groups["file"].Value));
        markdown = CodedSource().Replace(markdown, m => "source: " + Label(m.Groups["file"].Value));
        markdown = BareSource().Replace(markdown, m => "source: " + Label(m.Groups["file"].Value));
        markdown = markdown.Replace("Evidence: source: ", "Evidence: ", StringComparison.Ordinal);
        return CodeSpan().Replace(markdown, m => "`" + CodeEscape().Replace(m.Groups["code"].Value, "$1") + "`");
    }

    private static string ReportTextUnescape(string text) => text.Replace("\\_", "_", StringComparison.Ordinal);

    // Lists and tables keep their first items (generators write them most material first) and count the rest;
    // subsections that only say something is missing collapse into one line; long cells are cut at a word.
    internal static string Bound(string markdown, Level level)
    {
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        var output = new List<string>();
        var quiet = new List<string>();
        var i = 0;
        while (i < lines.Length)
        {
            var line = lines[i];
            if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                var end = i + 1;
                while (end < lines.Length && !lines[end].StartsWith("### ", StringComparison.Ordinal))
                {
                    end++;
                }

                var body = lines[(i + 1)..end].Where(l => l.Trim().Length > 0).ToList();
                if (body.Count > 0 && body.All(IsNothingToSay))
                {
                    quiet.Add(line[4..].Trim());
                    i = end;
                    continue;
                }

                output.Add(line);
                i++;
                continue;
            }

            if (IsListItem(line))
            {
                var items = 0;
                var skipped = 0;
                var tail = new List<string>();
                while (i < lines.Length && (IsListItem(lines[i]) || (lines[i].StartsWith("  ", StringComparison.Ordinal) && lines[i].Trim().Length > 0)))
                {
                    var current = lines[i++];
                    if (MoreLine().Match(current) is { Success: true } more)
                    {
                        // The report already counted what it left out: an issue count is kept as written, any other
                        // count joins the email's own.
                        if (current.Contains("more issue", StringComparison.Ordinal))
                        {
                            tail.Add(current);
                        }
                        else
                        {
                            skipped += int.Parse(more.Groups["count"].Value, CultureInfo.InvariantCulture);
                        }

                        continue;
                    }

                    if (IsListItem(current))
                    {
                        items++;
                    }

                    if (items <= level.Items)
                    {
                        output.Add(Cut(current, level.CellChars * 2));
                    }
                    else if (IsListItem(current))
                    {
                        skipped++;
                    }
                }

                if (skipped > 0)
                {
                    output.Add($"- *and {skipped.ToString(CultureInfo.InvariantCulture)} more in the report preview*");
                }

                output.AddRange(tail);
                continue;
            }

            if (line.StartsWith('|'))
            {
                var rows = 0;
                var skipped = 0;
                while (i < lines.Length && lines[i].StartsWith('|'))
                {
                    rows++;
                    // Header and delimiter rows come first; data rows after.
                    if (rows <= 2 + level.Rows)
                    {
                        output.Add(rows <= 2 ? lines[i] : CutCells(lines[i], level.CellChars));
                    }
                    else
                    {
                        skipped++;
                    }

                    i++;
                }

                // "*and 46 more, ranked lower …*" under a table the report itself bounded.
                var next = i;
                while (next < lines.Length && lines[next].Trim().Length == 0)
                {
                    next++;
                }

                if (next < lines.Length && MoreNote().Match(lines[next]) is { Success: true } note)
                {
                    skipped += int.Parse(note.Groups["count"].Value, CultureInfo.InvariantCulture);
                    i = next + 1;
                }

                if (skipped > 0)
                {
                    output.Add("");
                    output.Add($"*{skipped.ToString(CultureInfo.InvariantCulture)} more row{(skipped == 1 ? "" : "s")} in the report preview.*");
                }

                continue;
            }

            output.Add(line.Length > level.CellChars * 3 ? Cut(line, level.CellChars * 3) : line);
            i++;
        }

        if (quiet.Count > 0)
        {
            output.Add("");
            output.Add($"*Nothing to report for: {string.Join(", ", quiet)}.*");
        }

        return string.Join('\n', output);
    }

    private static bool IsNothingToSay(string line)
    {
        var t = line.Trim();
        return (t.StartsWith('*') && t.EndsWith('*') && !t.StartsWith("**", StringComparison.Ordinal)) || t.StartsWith("No findings", StringComparison.Ordinal)
            || ZeroCount().IsMatch(t);
    }

    private static bool IsListItem(string line) => line.StartsWith("- ", StringComparison.Ordinal) || NumberedItem().IsMatch(line);

    private static string CutCells(string row, int max)
    {
        var cells = CellSplit().Split(row.Trim().Trim('|'));
        return "| " + string.Join(" | ", cells.Select(c => Cut(c.Trim(), max))) + " |";
    }

    // Cut at a word, never inside an escape, a code span or an emphasis pair.
    internal static string Cut(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', max - 1);
        var kept = text[..(cut > max / 2 ? cut : max - 1)];
        while (kept.EndsWith('\\'))
        {
            kept = kept[..^1];
        }

        if (UnescapedCount(kept, '`') % 2 == 1)
        {
            kept = kept[..kept.LastIndexOf('`')];
        }

        if (DoubleStar().Count(kept) % 2 == 1)
        {
            kept = kept[..kept.LastIndexOf("**", StringComparison.Ordinal)];
        }

        if (UnescapedCount(kept.Replace("**", ""), '*') % 2 == 1)
        {
            kept += "*";
        }

        return kept.TrimEnd(',', ';', ':', ' ', '(') + " …";
    }

    private static int UnescapedCount(string text, char c)
    {
        var n = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
                continue;
            }

            if (text[i] == c)
            {
                n++;
            }
        }

        return n;
    }

    // Tables fit the column: fixed layout at 100 % width and words that break, so nothing is wider than a 375 px
    // screen; below 480 px the fifth and later columns are hidden (a media query Gmail and Apple Mail apply; Outlook
    // on Windows, which ignores it, reads the 600 px desktop layout).
    private static string PhoneTables(string html)
    {
        html = html.Replace("<table style=\"", "<table role=\"table\" width=\"100%\" style=\"", StringComparison.Ordinal);
        return TableRow().Replace(html, row =>
        {
            var column = 0;
            return CellStart().Replace(row.Value, cell => column++ >= 4 ? cell.Value.Insert(3, " class=\"er-trim\"") : cell.Value);
        });
    }

    private static string Document(string title, string body) =>
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<meta name=\"color-scheme\" content=\"light dark\"><meta name=\"supported-color-schemes\" content=\"light dark\">"
        + "<title>" + System.Net.WebUtility.HtmlEncode(title) + "</title>"
        + "<style>@media only screen and (max-width:480px){.er-trim{display:none !important;}.er-body{padding:8px !important;}}</style>"
        + "</head>\n<body style=\"margin:0;padding:0;background:#ffffff;color:#222222;\">\n"
        + "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"width:100%;background:#ffffff;\"><tr><td align=\"center\" style=\"padding:0;\">\n"
        + $"<!--[if mso]><table role=\"presentation\" width=\"{MaxWidthPx}\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"><tr><td><![endif]-->\n"
        + $"<div class=\"er-body\" id=\"er-email\" style=\"max-width:{MaxWidthPx}px;box-sizing:border-box;margin:0 auto;padding:12px;text-align:left;background:#ffffff;{ReportRenderer.EmailWrapperStyle}\">\n"
        + body
        + "</div>\n<!--[if mso]></td></tr></table><![endif]-->\n</td></tr></table>\n</body></html>\n";

    [GeneratedRegex(@"(?<!\\)\*\*")]
    private static partial Regex DoubleStar();

    [GeneratedRegex(@"^- \*and (?<count>\d+) more")]
    private static partial Regex MoreLine();

    [GeneratedRegex(@"^\*and (?<count>\d+) more")]
    private static partial Regex MoreNote();

    // "Open findings: 0." says nothing on its own.
    [GeneratedRegex(@"^[A-Z][^.:]{0,40}: 0\.$")]
    private static partial Regex ZeroCount();

    [GeneratedRegex(@"^\d+\. ")]
    private static partial Regex NumberedItem();

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex CellSplit();

    [GeneratedRegex(@"<tr[^>]*>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex TableRow();

    [GeneratedRegex(@"<t[dh]\b")]
    private static partial Regex CellStart();

    [GeneratedRegex(@"(?:CFO )?metrics? `[a-z0-9-]+(?:\.[a-z0-9@-]+)+`(?:,? (?:and )?`[a-z0-9-]+(?:\.[a-z0-9@-]+)+`)*")]
    private static partial Regex MetricEvidence();

    // An id with two or more dots ("cfo.runway.cash-change") is a metric id, not a file name.
    [GeneratedRegex(@"`[a-z0-9-]+(?:\.[a-z0-9@-]+){2,}`")]
    private static partial Regex BareMetricId();

    [GeneratedRegex(@"`kpi:(?<entity>[a-z0-9-]+)[^`]*`")]
    private static partial Regex KpiSource();

    // A table cell holding only the source (a "Source" column): the label alone.
    [GeneratedRegex(@"(?<=\| )`(?<file>(?:[A-Za-z0-9.-]|\\_)+\.md):\d+`(?= \|)")]
    private static partial Regex SourceCell();

    [GeneratedRegex(@"`(?<file>(?:[A-Za-z0-9.-]|\\_)+\.md):\d+`")]
    private static partial Regex CodedSource();

    [GeneratedRegex(@"(?<![\w/])(?<file>(?:[A-Za-z0-9.-]|\\_)+\.md):\d+\b")]
    private static partial Regex BareSource();

    [GeneratedRegex(@"`(?<code>[^`\n]+)`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"\\([\\`*_\[\]<>~&])")]
    private static partial Regex CodeEscape();
}
