using System.Net;
using System.Text.RegularExpressions;
using ExecReports.Core.Reports;

namespace ExecReports.Core.Validation;

// A report as text: what the checks read, whether it was just generated or read back from a file.
public sealed partial record ReportText(string Name, ReportRole? Role, string? Period, string Text)
{
    private IReadOnlyList<string>? _lines;
    private IReadOnlyList<(string Heading, int Line, string Body)>? _sections;

    public IReadOnlyList<string> Lines => _lines ??= Text.Replace("\r\n", "\n").Split('\n');

    // Checks read what a person reads: "$46\.4K" in the Markdown source is "$46.4K" on the page.
    public static ReportText From(Report report) => new(report.FileStem + ".md", report.Role, report.Period, Unescape(report.Rendered.Markdown));

    // Role and period from the title line ("# CFO report — 2026-11") or, failing that, the file name ("cfo-report.md").
    // .md is read without its backslash escapes; .html as text with <h1>/<h2> as "# "/"## " lines, keeping line numbers.
    public static ReportText FromFile(string name, string text)
    {
        var extension = Path.GetExtension(name).ToLowerInvariant();
        text = extension switch
        {
            ".md" or ".markdown" => Unescape(text),
            ".html" or ".htm" => HtmlToText(text),
            _ => text,
        };
        var title = TitleLine().Match(text);
        var role = title.Success
            ? ReportRole.All.FirstOrDefault(r => string.Equals(r.Title, title.Groups["title"].Value.Trim(), StringComparison.OrdinalIgnoreCase))
            : null;
        role ??= ReportRole.All.FirstOrDefault(r => Path.GetFileName(name).StartsWith(r.Id + "-report", StringComparison.OrdinalIgnoreCase));
        var period = title.Success ? title.Groups["period"].Value : null;
        return new ReportText(name, role, period, text);
    }

    // The section a line falls in ("## " or a dash-underlined plain-text heading), for findings.
    public string? SectionAt(int lineNumber) =>
        Sections().LastOrDefault(s => s.Line <= lineNumber).Heading;

    public IReadOnlyList<(string Heading, int Line, string Body)> Sections() => _sections ??= ReadSections();

    // A line that quotes a handoff fact ends with its source, "(shipcaptaincrew.md:23)": its words are the
    // handoff's, not figures the report computed.
    public static bool IsHandoffQuote(string line) => HandoffSource().IsMatch(line);

    public static string Unescape(string markdown) => MarkdownEscape().Replace(markdown, "$1");

    // Every tag becomes nothing but the line breaks inside it, so line N of the text is line N of the file;
    // a table row spanning lines is joined onto its first line ("cell | cell") so a label and its figure stay together.
    public static string HtmlToText(string html)
    {
        html = html.Replace("\r\n", "\n");
        html = HtmlComment().Replace(html, m => KeepNewlines(m.Value, ""));
        html = HtmlRow().Replace(html, row =>
        {
            var cells = HtmlCell().Matches(row.Value).Select(c => Collapse(HtmlTag().Replace(c.Groups["body"].Value, " ")));
            return KeepNewlines(row.Value, string.Join(" | ", cells));
        });
        html = HtmlHeading().Replace(html, m => m.Groups["level"].Value == "1" ? HeadingMarker1 : HeadingMarker2);
        html = HtmlBreak().Replace(html, " ");
        html = HtmlTag().Replace(html, m => KeepNewlines(m.Value, ""));
        var lines = html.Split('\n').Select(line =>
        {
            var text = WebUtility.HtmlDecode(line).Trim();
            return text.Contains(HeadingMarker1, StringComparison.Ordinal) ? "# " + text.Replace(HeadingMarker1, "", StringComparison.Ordinal).Trim()
                : text.Contains(HeadingMarker2, StringComparison.Ordinal) ? "## " + text.Replace(HeadingMarker2, "", StringComparison.Ordinal).Trim()
                : text;
        });
        return string.Join('\n', lines);
    }

    private const string HeadingMarker1 = "\u0001h1\u0001";
    private const string HeadingMarker2 = "\u0001h2\u0001";

    private static string KeepNewlines(string removed, string replacement) =>
        replacement + new string('\n', removed.Count(c => c == '\n'));

    private static string Collapse(string text) => WhiteSpace().Replace(text, " ").Trim();

    private List<(string Heading, int Line, string Body)> ReadSections()
    {
        var sections = new List<(string, int, string)>();
        string? heading = null;
        var start = 0;
        var body = new List<string>();
        for (var i = 0; i < Lines.Count; i++)
        {
            var line = Lines[i];
            var isHeading = line.StartsWith("## ", StringComparison.Ordinal) || (i + 1 < Lines.Count && IsUnderline(Lines[i + 1], '-') && line.Trim().Length > 0);
            if (isHeading)
            {
                if (heading is not null)
                {
                    sections.Add((heading, start, string.Join('\n', body).Trim()));
                }

                heading = line.StartsWith("## ", StringComparison.Ordinal) ? line[3..].Trim() : line.Trim();
                start = i + 1;
                body.Clear();
                if (!line.StartsWith("## ", StringComparison.Ordinal))
                {
                    i++;
                }

                continue;
            }

            if (heading is not null)
            {
                body.Add(line);
            }
        }

        if (heading is not null)
        {
            sections.Add((heading, start, string.Join('\n', body).Trim()));
        }

        return sections;
    }

    // The plain-text rendering underlines h2 with dashes; a table rule "----  ----" is not a heading underline.
    private static bool IsUnderline(string line, char c) => line.Length >= 3 && line.All(ch => ch == c);

    [GeneratedRegex(@"\\([!-/:-@\[-`{-~])")]
    private static partial Regex MarkdownEscape();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex HtmlComment();

    [GeneratedRegex(@"<tr\b[^>]*>.*?</tr\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex HtmlRow();

    [GeneratedRegex(@"<t[hd]\b[^>]*>(?<body>.*?)</t[hd]\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex HtmlCell();

    [GeneratedRegex(@"<h(?<level>[12])\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlHeading();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlBreak();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.Singleline)]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"\(`?[\w.\-/]+\.md:\d+`?\)")]
    private static partial Regex HandoffSource();

    [GeneratedRegex(@"^(?:#\s+)?(?<title>.+?) report — (?<period>\d{4}-\d{2})\s*$", RegexOptions.Multiline)]
    private static partial Regex TitleLine();
}
