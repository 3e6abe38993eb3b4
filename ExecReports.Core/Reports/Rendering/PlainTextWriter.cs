using System.Text;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ExecReports.Core.Reports.Rendering;

// Plain text that reads well in any mail client: underlined headings, aligned tables, links spelled out, lines
// wrapped at Width characters. A table that would be wider becomes an aligned list, one block per row.
internal static partial class PlainTextWriter
{
    public const int Width = 78;

    public static string Write(MarkdownDocument document)
    {
        var sb = new StringBuilder();
        foreach (var block in document)
        {
            WriteBlock(sb, block, indent: "");
        }

        var wrapped = new StringBuilder(sb.Length + sb.Length / 16);
        foreach (var line in sb.ToString().TrimEnd().Split('\n'))
        {
            Wrap(wrapped, line);
        }

        return wrapped.ToString().TrimEnd() + "\n";
    }

    // Continuation lines hang under the text of a list item or a quote; a word longer than a line is split, except
    // a link, which would stop working: it gets a line of its own.
    private static void Wrap(StringBuilder sb, string line)
    {
        line = line.TrimEnd();
        if (line.Length <= Width)
        {
            sb.Append(line).Append('\n');
            return;
        }

        var lead = LeadOf(line);
        var first = line[..lead];
        var hanging = new string(' ', first.Length);
        if (first.TrimStart().StartsWith('>'))
        {
            hanging = first.Replace("- ", "  ", StringComparison.Ordinal);
        }

        var current = new StringBuilder(first);
        var empty = true;
        foreach (var raw in line[lead..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var word = raw;
            while (true)
            {
                var room = Width - current.Length - (empty ? 0 : 1);
                if (word.Length <= room)
                {
                    current.Append(empty ? "" : " ").Append(word);
                    empty = false;
                    break;
                }

                if (!empty)
                {
                    sb.Append(current.ToString().TrimEnd()).Append('\n');
                    current.Clear().Append(hanging);
                    empty = true;
                    continue;
                }

                if (word.StartsWith("http", StringComparison.OrdinalIgnoreCase) || Width - current.Length < 10)
                {
                    current.Append(word);
                    empty = false;
                    break;
                }

                var take = Width - current.Length;
                sb.Append(current).Append(word[..take]).Append('\n');
                current.Clear().Append(hanging);
                word = word[take..];
            }
        }

        if (!empty || current.Length > hanging.Length)
        {
            sb.Append(current.ToString().TrimEnd()).Append('\n');
        }
    }

    private static int LeadOf(string line)
    {
        // "  Finding:  text" (a table row as a list): continuation lines hang under the value.
        if (NamedValue().Match(line) is { Success: true } named)
        {
            return named.Length;
        }

        var i = 0;
        while (i < line.Length && (line[i] == ' ' || (line[i] == '>' && i + 1 < line.Length && line[i + 1] == ' ')))
        {
            i += line[i] == '>' ? 2 : 1;
        }

        if (line.AsSpan(i).StartsWith("- "))
        {
            return i + 2;
        }

        var digits = i;
        while (digits < line.Length && char.IsAsciiDigit(line[digits]))
        {
            digits++;
        }

        return digits > i && digits + 1 < line.Length && line[digits] == '.' && line[digits + 1] == ' ' ? digits + 2 : i;
    }

    private static void WriteBlock(StringBuilder sb, Block block, string indent)
    {
        switch (block)
        {
            case HeadingBlock heading:
                var title = Inline(heading.Inline);
                sb.AppendLine(title);
                sb.AppendLine(new string(heading.Level == 1 ? '=' : heading.Level == 2 ? '-' : '~', Math.Clamp(title.Length, 3, Width)));
                sb.AppendLine();
                break;
            case ParagraphBlock paragraph:
                foreach (var line in Inline(paragraph.Inline).Split('\n'))
                {
                    sb.Append(indent).AppendLine(line);
                }

                sb.AppendLine();
                break;
            case ListBlock list:
                var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var bullet = list.IsOrdered ? $"{number++}. " : "- ";
                    var first = true;
                    foreach (var child in item)
                    {
                        var inner = new StringBuilder();
                        WriteBlock(inner, child, "");
                        foreach (var line in inner.ToString().TrimEnd().Split('\n'))
                        {
                            sb.Append(indent).Append(first ? bullet : new string(' ', bullet.Length)).AppendLine(line);
                            first = false;
                        }
                    }
                }

                sb.AppendLine();
                break;
            case Table table:
                WriteTable(sb, table, indent);
                break;
            case QuoteBlock quote:
                foreach (var child in quote)
                {
                    WriteBlock(sb, child, indent + "> ");
                }

                break;
            case FencedCodeBlock or CodeBlock:
                var code = (LeafBlock)block;
                foreach (var line in code.Lines.Lines.Take(code.Lines.Count))
                {
                    sb.Append(indent).Append("    ").AppendLine(line.ToString());
                }

                sb.AppendLine();
                break;
            case ThematicBreakBlock:
                sb.AppendLine(new string('-', 40)).AppendLine();
                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    WriteBlock(sb, child, indent);
                }

                break;
            case LeafBlock leaf when leaf.Inline is not null:
                sb.Append(indent).AppendLine(Inline(leaf.Inline)).AppendLine();
                break;
        }
    }

    private static void WriteTable(StringBuilder sb, Table table, string indent)
    {
        var rows = table.OfType<TableRow>()
            .Select(r => r.OfType<TableCell>().Select(c => string.Join(" ", c.OfType<ParagraphBlock>().Select(p => Inline(p.Inline)))).ToList())
            .ToList();
        if (rows.Count == 0)
        {
            return;
        }

        var columns = rows.Max(r => r.Count);
        var widths = Enumerable.Range(0, columns).Select(i => rows.Max(r => i < r.Count ? r[i].Length : 0)).ToArray();
        var header = ((TableRow)table[0]).IsHeader;
        if (indent.Length + widths.Sum() + 2 * (columns - 1) > Width)
        {
            WriteTableAsList(sb, rows, header, indent);
            return;
        }

        var right = Enumerable.Range(0, columns)
            .Select(i => i < table.ColumnDefinitions.Count && table.ColumnDefinitions[i].Alignment == TableColumnAlign.Right)
            .ToArray();
        for (var r = 0; r < rows.Count; r++)
        {
            sb.Append(indent);
            for (var i = 0; i < columns; i++)
            {
                var cell = i < rows[r].Count ? rows[r][i] : "";
                sb.Append(right[i] ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]));
                if (i < columns - 1)
                {
                    sb.Append("  ");
                }
            }

            sb.Append('\n');
            if (r == 0 && header)
            {
                sb.Append(indent).AppendJoin("  ", widths.Select(w => new string('-', w))).Append('\n');
            }
        }

        sb.AppendLine();
    }

    // "- JADA" then "  Severity: critical" per row: the header names every value, and nothing needs padding.
    private static void WriteTableAsList(StringBuilder sb, List<List<string>> rows, bool header, string indent)
    {
        var names = header ? rows[0] : [];
        var width = names.Count == 0 ? 0 : names.Skip(1).Select(n => n.Length).DefaultIfEmpty(0).Max();
        foreach (var row in rows.Skip(header ? 1 : 0))
        {
            sb.Append(indent).Append("- ").Append(row.Count > 0 ? row[0] : "").Append('\n');
            for (var i = 1; i < row.Count; i++)
            {
                if (row[i].Length == 0)
                {
                    continue;
                }

                var name = i < names.Count ? names[i] : "";
                sb.Append(indent).Append("  ").Append(name.Length == 0 ? "" : (name + ":").PadRight(Math.Min(width, 24) + 1) + " ").Append(row[i]).Append('\n');
            }
        }

        sb.AppendLine();
    }

    private static string Inline(ContainerInline? container)
    {
        if (container is null)
        {
            return "";
        }

        var sb = new StringBuilder();
        foreach (var inline in container)
        {
            AppendInline(sb, inline);
        }

        // Trailing spaces on a line come from escaped text; trim per line.
        return string.Join('\n', sb.ToString().Split('\n').Select(l => l.TrimEnd()));
    }

    private static void AppendInline(StringBuilder sb, Markdig.Syntax.Inlines.Inline inline)
    {
        switch (inline)
        {
            case LiteralInline literal:
                sb.Append(literal.Content.ToString());
                break;
            case CodeInline code:
                sb.Append(code.Content);
                break;
            case LineBreakInline:
                sb.Append('\n');
                break;
            case LinkInline link:
                var text = new StringBuilder();
                foreach (var child in link)
                {
                    AppendInline(text, child);
                }

                var url = link.Url ?? "";
                sb.Append(text.Length == 0 || text.ToString() == url || "mailto:" + text == url ? url : $"{text} ({url})");
                break;
            case AutolinkInline autolink:
                sb.Append(autolink.Url);
                break;
            case HtmlEntityInline entity:
                sb.Append(entity.Transcoded.ToString());
                break;
            case ContainerInline container:
                foreach (var child in container)
                {
                    AppendInline(sb, child);
                }

                break;
            default:
                sb.Append(inline.ToString());
                break;
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^  [^\s:][^:]{0,28}: +")]
    private static partial System.Text.RegularExpressions.Regex NamedValue();
}
