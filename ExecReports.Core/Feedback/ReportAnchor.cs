using System.Text.RegularExpressions;

namespace ExecReports.Core.Feedback;

public sealed record Anchor(string? Section, int Line, string Quoted);

// Finds the line of the archived plain-text report a quoted line came from, and the section heading above it.
public static partial class ReportAnchor
{
    // Shorter quotes ("Yes", "-") match too many lines to mean anything.
    private const int MinimumQuote = 6;

    public static Anchor? Find(string reportText, IReadOnlyList<string> quotedLines)
    {
        var lines = reportText.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var normal = lines.Select(Normalise).ToArray();
        foreach (var quote in quotedLines)
        {
            var q = Normalise(quote);
            if (q.Length < MinimumQuote)
            {
                continue;
            }

            var index = Array.FindIndex(normal, l => l == q);
            if (index < 0)
            {
                index = Array.FindIndex(normal, l => l.Length > 0 && l.Contains(q, StringComparison.Ordinal));
            }

            if (index >= 0)
            {
                return new Anchor(SectionAbove(lines, index), index + 1, lines[index].Trim());
            }
        }

        return null;
    }

    // The heading a 1-based line of the plain text falls under, for a note picked on a preview.
    public static string? SectionOf(string reportText, int line)
    {
        var lines = reportText.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        return line >= 1 && line <= lines.Length ? SectionAbove(lines, line - 1) : null;
    }

    // A heading in the plain text is a line underlined with = - or ~ (PlainTextWriter).
    private static string? SectionAbove(string[] lines, int index)
    {
        for (var i = index; i >= 1; i--)
        {
            if (Underline().IsMatch(lines[i]) && lines[i - 1].Trim().Length > 0 && i != index)
            {
                return lines[i - 1].Trim();
            }
        }

        return null;
    }

    private static string Normalise(string line) => Spaces().Replace(line.Trim(), " ");

    [GeneratedRegex(@"^(={3,}|-{3,}|~{3,})\s*$")]
    private static partial Regex Underline();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
