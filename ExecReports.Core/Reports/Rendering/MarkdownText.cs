using System.Text;

namespace ExecReports.Core.Reports.Rendering;

// Text that comes from a handoff or a KPI field is data, never markup: escape it before it enters a report.
public static class MarkdownText
{
    // Characters that are markup anywhere in a line. '-', '+', '#' and '.' are markup only where a line starts,
    // handled below, so figures like "$36.7K" and "2026-11" stay as written in the Markdown too.
    private const string Special = "\\`*_[]<>|~&";

    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var sb = new StringBuilder(text.Length + 8);
        if (text[0] is '-' or '+' or '#' or '=' || LeadingNumberedItem(text))
        {
            sb.Append('\\');
        }

        foreach (var c in text)
        {
            if (c is '\r')
            {
                continue;
            }

            if (c is '\n')
            {
                sb.Append(' ');
                continue;
            }

            if (Special.Contains(c))
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    private static bool LeadingNumberedItem(string text)
    {
        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        return digits > 0 && digits < text.Length && text[digits] is '.' or ')';
    }

    // A table cell: escaped text with pipes and line breaks neutralised.
    public static string Cell(string? text) => Escape(text);

    public static string Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<bool>? rightAlign = null)
    {
        var sb = new StringBuilder();
        sb.Append("| ").AppendJoin(" | ", headers).AppendLine(" |");
        sb.Append('|');
        for (var i = 0; i < headers.Count; i++)
        {
            sb.Append(rightAlign is not null && i < rightAlign.Count && rightAlign[i] ? " ---: |" : " --- |");
        }

        sb.AppendLine();
        foreach (var row in rows)
        {
            sb.Append("| ").AppendJoin(" | ", row).AppendLine(" |");
        }

        return sb.ToString();
    }
}
