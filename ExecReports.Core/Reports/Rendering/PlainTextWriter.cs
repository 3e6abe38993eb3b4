using System.Text;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ExecReports.Core.Reports.Rendering;

// Plain text that reads well in any mail client: underlined headings, aligned tables, links spelled out.
internal static class PlainTextWriter
{
    public static string Write(MarkdownDocument document)
    {
        var sb = new StringBuilder();
        foreach (var block in document)
        {
            WriteBlock(sb, block, indent: "");
        }

        return sb.ToString().TrimEnd() + "\n";
    }

    private static void WriteBlock(StringBuilder sb, Block block, string indent)
    {
        switch (block)
        {
            case HeadingBlock heading:
                var title = Inline(heading.Inline);
                sb.AppendLine(title);
                sb.AppendLine(new string(heading.Level == 1 ? '=' : heading.Level == 2 ? '-' : '~', Math.Max(3, title.Length)));
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
            if (r == 0 && ((TableRow)table[0]).IsHeader)
            {
                sb.Append(indent).AppendJoin("  ", widths.Select(w => new string('-', w))).Append('\n');
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
}
