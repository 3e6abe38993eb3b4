using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ExecReports.Core.Ingestion;

// Line is 1-based within the text checked; 0 when unknown.
public sealed record InputProblem(int Line, string Message);

// Measures nesting without recursion, so text too deep for a recursive parser is refused before one sees it.
public static class NestingGuard
{
    // YamlDotNet's event parser keeps its own state stack; only the node tree built on top of it recurses.
    // Any exception it throws (an unclosed flow sequence gives an InvalidOperationException) is a problem, not a crash.
    public static InputProblem? CheckYaml(string yaml, int maxDepth = InputLimits.MaxYamlDepth, int maxNodes = InputLimits.MaxYamlNodes)
    {
        var parser = new Parser(new StringReader(yaml));
        var open = new Stack<(string? Anchor, long NodesBefore)>();
        var anchorSizes = new Dictionary<string, long>(StringComparer.Ordinal);
        long nodes = 0;
        var line = 0;
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                line = (int)Math.Min(current.Start.Line, int.MaxValue);
                switch (current)
                {
                    case SequenceStart or MappingStart:
                        nodes++;
                        if (open.Count >= maxDepth)
                        {
                            return new InputProblem(line, $"nested more than {maxDepth} levels deep");
                        }

                        var anchor = ((NodeEvent)current).Anchor;
                        open.Push((anchor.IsEmpty ? null : anchor.Value, nodes - 1));
                        break;
                    case SequenceEnd or MappingEnd when open.Count > 0:
                        var (name, before) = open.Pop();
                        if (name is not null)
                        {
                            anchorSizes[name] = nodes - before;
                        }

                        break;
                    case Scalar scalar:
                        nodes++;
                        if (!scalar.Anchor.IsEmpty)
                        {
                            anchorSizes[scalar.Anchor.Value] = 1;
                        }

                        break;
                    case AnchorAlias alias:
                        nodes += anchorSizes.GetValueOrDefault(alias.Value.Value, 1);
                        break;
                }

                if (nodes > maxNodes)
                {
                    return new InputProblem(line, $"more than {maxNodes:N0} values once aliases are expanded");
                }
            }
        }
        catch (YamlException e)
        {
            return new InputProblem((int)Math.Min(e.Start.Line, int.MaxValue), (e.InnerException?.Message ?? e.Message).Trim());
        }
        catch (Exception e)
        {
            return new InputProblem(line, $"malformed YAML after this line (the parser failed with {e.GetType().Name}); check for an unclosed '[', '{{' or quote");
        }

        return null;
    }

    // An upper bound on Markdig's container depth per line: a line continues at most the containers already open
    // (each needs two columns of indentation or a '>') and opens one per quote or list marker in its prefix.
    public static InputProblem? CheckMarkdownLines(IReadOnlyList<string> lines, int firstLine = 0, int maxDepth = InputLimits.MaxMarkdownDepth)
    {
        var open = 0;
        for (var i = firstLine; i < lines.Count; i++)
        {
            var line = lines[i];
            int columns = 0, markers = 0, p = 0;
            while (p < line.Length && Math.Min(columns / 2, open) + markers <= maxDepth)
            {
                var c = line[p];
                if (c == ' ')
                {
                    columns++;
                    p++;
                }
                else if (c == '\t')
                {
                    columns += 4;
                    p++;
                }
                else if (c == '>')
                {
                    markers++;
                    p++;
                }
                else if (c is '-' or '+' or '*' && (p + 1 == line.Length || line[p + 1] is ' ' or '\t'))
                {
                    markers++;
                    p++;
                }
                else if (char.IsAsciiDigit(c) && OrderedMarkerEnd(line, p) is { } end)
                {
                    markers++;
                    p = end;
                }
                else
                {
                    break;
                }
            }

            var depth = Math.Min(columns / 2, open) + markers;
            if (depth > maxDepth)
            {
                return new InputProblem(i + 1, $"quotes and lists nested more than {maxDepth} levels deep");
            }

            open = Math.Max(open, depth);
        }

        return null;
    }

    // The parsed tree, blocks and inlines, walked with an explicit stack before any recursive walker or renderer.
    public static InputProblem? CheckMarkdownTree(MarkdownDocument document, int maxDepth = InputLimits.MaxMarkdownDepth * 2)
    {
        var pending = new Stack<(MarkdownObject Node, int Depth, int Line)>();
        pending.Push((document, 0, 0));
        while (pending.Count > 0)
        {
            var (node, depth, line) = pending.Pop();
            if (node is Block block)
            {
                line = block.Line + 1;
            }

            if (depth > maxDepth)
            {
                return new InputProblem(line, $"Markdown nested more than {maxDepth} levels deep (quotes, lists, emphasis or links)");
            }

            switch (node)
            {
                case ContainerBlock container:
                    foreach (var child in container)
                    {
                        pending.Push((child, depth + 1, line));
                    }

                    break;
                case LeafBlock { Inline: { } inline }:
                    pending.Push((inline, depth + 1, line));
                    break;
                case ContainerInline inlines:
                    foreach (var child in inlines)
                    {
                        pending.Push((child, depth + 1, line));
                    }

                    break;
            }
        }

        return null;
    }

    private static int? OrderedMarkerEnd(string line, int start)
    {
        var p = start;
        while (p < line.Length && p - start < 9 && char.IsAsciiDigit(line[p]))
        {
            p++;
        }

        return p < line.Length && line[p] is '.' or ')' && (p + 1 == line.Length || line[p + 1] is ' ' or '\t') ? p + 1 : null;
    }
}
