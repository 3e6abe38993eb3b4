using System.Text.RegularExpressions;
using ExecReports.Core.Reports;

namespace ExecReports.Core.Validation;

// A report as text: what the checks read, whether it was just generated or read back from a file.
public sealed partial record ReportText(string Name, ReportRole? Role, string? Period, string Text)
{
    private IReadOnlyList<string>? _lines;

    public IReadOnlyList<string> Lines => _lines ??= Text.Replace("\r\n", "\n").Split('\n');

    public static ReportText From(Report report) => new(report.FileStem + ".md", report.Role, report.Period, report.Rendered.Markdown);

    // Role and period from the title line ("# CFO report — 2026-11") or, failing that, the file name ("cfo-report.md").
    public static ReportText FromFile(string name, string text)
    {
        var title = TitleLine().Match(text);
        var role = title.Success
            ? ReportRole.All.FirstOrDefault(r => string.Equals(r.Title, title.Groups["title"].Value.Trim(), StringComparison.OrdinalIgnoreCase))
            : null;
        role ??= ReportRole.All.FirstOrDefault(r => Path.GetFileName(name).StartsWith(r.Id + "-report", StringComparison.OrdinalIgnoreCase));
        var period = title.Success ? title.Groups["period"].Value : null;
        return new ReportText(name, role, period, text);
    }

    // A line that quotes a handoff fact ends with its source, "(shipcaptaincrew.md:23)": its words are the
    // handoff's, not figures the report computed.
    public static bool IsHandoffQuote(string line) => HandoffSource().IsMatch(line);

    // The "## " section a line falls in, for findings.
    public string? SectionAt(int lineNumber)
    {
        for (var i = Math.Min(lineNumber, Lines.Count) - 1; i >= 0; i--)
        {
            if (Lines[i].StartsWith("## ", StringComparison.Ordinal))
            {
                return Lines[i][3..].Trim();
            }
        }

        return null;
    }

    public IReadOnlyList<(string Heading, int Line, string Body)> Sections()
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

    [GeneratedRegex(@"\([\w.\-/]+\.md:\d+\)")]
    private static partial Regex HandoffSource();

    [GeneratedRegex(@"^(?:#\s+)?(?<title>.+?) report — (?<period>\d{4}-\d{2})\s*$", RegexOptions.Multiline)]
    private static partial Regex TitleLine();
}
