using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ExecReports.Core.Ingestion;

// Turns one handoff file's bytes into a document. Pure: the store does the file system.
public static partial class HandoffParser
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseTaskLists().Build();
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly HashSet<string> FrontMatterKeys = new(StringComparer.OrdinalIgnoreCase) { "entity", "updated", "title", "author", "tags" };
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/MM/dd", "MMMM d, yyyy", "MMM d, yyyy", "d MMMM yyyy", "d MMM yyyy"];

    // Checked in this order, so "Architecture decisions" is a decision and "Current issues" an issue.
    private static readonly (SectionKind Kind, Regex Pattern)[] HeadingSynonyms =
    [
        (SectionKind.Decisions, DecisionsHeading()),
        (SectionKind.KnownIssues, KnownIssuesHeading()),
        (SectionKind.NextSteps, NextStepsHeading()),
        (SectionKind.Metrics, MetricsHeading()),
        (SectionKind.Stack, StackHeading()),
        (SectionKind.CurrentState, CurrentStateHeading()),
    ];

    public static HandoffDocument Parse(string file, byte[] content, DateTimeOffset modified, EntityCatalog catalog, CancellationToken cancel = default)
    {
        try
        {
            return ParseUnguarded(file, content, modified, catalog, cancel);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            throw;
        }
        catch (InsufficientExecutionStackException)
        {
            return HandoffDocument.Failed(file, content.Length, modified, "nested too deeply to read");
        }
        catch (Exception e)
        {
            // A third-party parser's exception is a fact about this file, never a reason to stop ingesting the others.
            return HandoffDocument.Failed(file, content.Length, modified, $"could not be parsed ({e.GetType().Name}: {e.Message})");
        }
    }

    private static HandoffDocument ParseUnguarded(string file, byte[] content, DateTimeOffset modified, EntityCatalog catalog, CancellationToken cancel)
    {
        if (content.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || content.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return HandoffDocument.Failed(file, content.Length, modified, "UTF-16 text; save the file as UTF-8");
        }

        var nul = Array.IndexOf(content, (byte)0);
        if (nul >= 0)
        {
            return HandoffDocument.Failed(file, content.Length, modified, $"binary content (NUL byte at offset {nul}); handoffs must be UTF-8 text");
        }

        string text;
        try
        {
            var bom = content.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
            text = StrictUtf8.GetString(content, bom, content.Length - bom);
        }
        catch (DecoderFallbackException e)
        {
            var offset = e.Index >= 0 ? $" near byte offset {e.Index}" : "";
            return HandoffDocument.Failed(file, content.Length, modified, $"not valid UTF-8{offset}; save the file as UTF-8");
        }

        return new Builder(file, text.ReplaceLineEndings("\n"), content.Length, modified, catalog, cancel).Build();
    }

    private sealed class Builder(string file, string text, long size, DateTimeOffset modified, EntityCatalog catalog, CancellationToken cancel)
    {
        private readonly List<(bool Error, string Message)> _problems = [];
        private readonly string[] _lines = text.Split('\n');
        private int _factCount;

        public HandoffDocument Build()
        {
            var frontMatter = ReadFrontMatter(out var bodyStartLine);
            if (frontMatter is null)
            {
                return Result(null, EntityAssignment.Unassigned, null, UpdatedSource.None, Path.GetFileNameWithoutExtension(file), []);
            }

            // Too deep for Markdig's recursive renderer (and ours): refused before either sees it, and the raw text
            // is dropped so no page renders it either.
            if (NestingGuard.CheckMarkdownLines(_lines, bodyStartLine) is { } tooDeep)
            {
                return Unreadable(tooDeep.Line, $"Markdown {tooDeep.Message}; flatten the note");
            }

            // Front matter lines are blanked, not cut, so Markdig's line numbers stay the file's line numbers.
            var body = string.Join('\n', _lines.Select((line, i) => i < bodyStartLine ? "" : line));
            MarkdownDocument document;
            try
            {
                document = Markdown.Parse(body, Pipeline);
            }
            catch (ArgumentException e) when (e.Message.Contains("too deeply nested", StringComparison.Ordinal))
            {
                // Markdig's own depth check (deeply nested links, for one) is the same refusal in its words.
                return Unreadable(0, "Markdown nested too deeply to read; flatten the note");
            }

            cancel.ThrowIfCancellationRequested();
            if (NestingGuard.CheckMarkdownTree(document) is { } tooDeepTree)
            {
                return Unreadable(tooDeepTree.Line, $"{tooDeepTree.Message}; flatten the note");
            }

            var h1 = document.Descendants<HeadingBlock>().FirstOrDefault(h => h.Level == 1);
            var writtenTitle = frontMatter.Title ?? (h1 is null ? null : InlineText(h1.Inline, []));
            var title = string.IsNullOrEmpty(writtenTitle) ? Path.GetFileNameWithoutExtension(file) : writtenTitle;
            var metaLines = ReadMetadataLines(bodyStartLine);

            var (entityId, assignment) = AssignEntity(frontMatter, metaLines, writtenTitle);
            var (updated, updatedSource) = AssignUpdated(frontMatter, metaLines);
            var sections = ReadSections(document, h1);
            if (!sections.Any(s => s.Facts.Count > 0))
            {
                Warn(null, "no list items found, so no facts for the reports (facts are '-' or '1.' list items)");
            }

            return Result(entityId, assignment, updated, updatedSource, title, sections);
        }

        private HandoffDocument Result(string? entityId, EntityAssignment assignment, DateOnly? updated, UpdatedSource updatedSource, string title, IReadOnlyList<HandoffSection> sections) => new()
        {
            File = file,
            EntityId = entityId,
            EntityAssignment = assignment,
            Updated = updated,
            UpdatedSource = updatedSource,
            Status = _problems.Any(p => p.Error) ? HandoffStatus.Error : _problems.Count > 0 ? HandoffStatus.Warning : HandoffStatus.Ok,
            Problems = _problems.Select(p => p.Message).ToList(),
            Title = title,
            Sections = sections,
            Raw = text,
            SizeBytes = size,
            Modified = modified,
        };

        private HandoffDocument Unreadable(int line, string problem) =>
            HandoffDocument.Failed(file, size, modified, problem) with { Problems = [Located(line, problem)] };

        private sealed record FrontMatter(string? Entity, int EntityLine, string? Updated, int UpdatedLine, string? Title);

        // Null when the front matter is present but unusable: the whole file is then an error rather than
        // guessed at, because its entity and date would be wrong.
        private FrontMatter? ReadFrontMatter(out int bodyStartLine)
        {
            bodyStartLine = 0;
            if (_lines.Length == 0 || _lines[0].TrimEnd() != "---")
            {
                return new FrontMatter(null, 0, null, 0, null);
            }

            var end = Array.FindIndex(_lines, 1, l => l.TrimEnd() is "---" or "...");
            if (end < 0)
            {
                Error(1, "invalid front matter: the opening '---' has no closing '---'");
                return null;
            }

            bodyStartLine = end + 1;
            var yaml = string.Join('\n', _lines[1..end]);
            // Checked first by the non-recursive event parser: 20,000 nested '[' would overflow the node tree's stack.
            if (NestingGuard.CheckYaml(yaml) is { } problem)
            {
                Error(problem.Line + 1, $"invalid front matter: {problem.Message}");
                return null;
            }

            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(yaml));
            }
            catch (YamlException e)
            {
                Error((int)e.Start.Line + 1, $"invalid front matter: {(e.InnerException?.Message ?? e.Message).Trim()}");
                return null;
            }

            if (stream.Documents.Count == 0)
            {
                return new FrontMatter(null, 0, null, 0, null);
            }

            if (stream.Documents[0].RootNode is not YamlMappingNode map)
            {
                Error(2, "invalid front matter: expected 'key: value' lines such as 'entity: JADA'");
                return null;
            }

            string? entity = null, updated = null, title = null;
            int entityLine = 0, updatedLine = 0;
            foreach (var (keyNode, valueNode) in map.Children)
            {
                var key = (keyNode as YamlScalarNode)?.Value ?? "";
                var line = (int)keyNode.Start.Line + 1;
                if (!FrontMatterKeys.Contains(key))
                {
                    Warn(line, $"unknown front matter key '{key}' ignored; known keys: {string.Join(", ", FrontMatterKeys)}");
                    continue;
                }

                var value = (valueNode as YamlScalarNode)?.Value?.Trim();
                switch (key.ToLowerInvariant())
                {
                    case "entity":
                        (entity, entityLine) = (value, line);
                        break;
                    case "updated":
                        (updated, updatedLine) = (value, line);
                        break;
                    case "title":
                        title = string.IsNullOrWhiteSpace(value) ? null : value;
                        break;
                }
            }

            return new FrontMatter(entity, entityLine, updated, updatedLine, title);
        }

        private Dictionary<string, (string Value, int Line)> ReadMetadataLines(int bodyStartLine)
        {
            var found = new Dictionary<string, (string, int)>(StringComparer.OrdinalIgnoreCase);
            var fence = (string?)null;
            for (var i = bodyStartLine; i < _lines.Length; i++)
            {
                var trimmed = _lines[i].TrimStart();
                if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
                {
                    var marker = trimmed[..3];
                    fence = fence is null ? marker : fence == marker ? null : fence;
                    continue;
                }

                if (fence is null && MetadataLine().Match(_lines[i]) is { Success: true } match)
                {
                    var key = match.Groups["key"].Value.StartsWith("last", StringComparison.OrdinalIgnoreCase) ? "updated" : match.Groups["key"].Value;
                    found.TryAdd(key, (match.Groups["value"].Value.Trim().Trim('*', '_').Trim(), i + 1));
                }
            }

            return found;
        }

        private (string?, EntityAssignment) AssignEntity(FrontMatter frontMatter, Dictionary<string, (string Value, int Line)> metaLines, string? title)
        {
            if (!string.IsNullOrEmpty(frontMatter.Entity))
            {
                if (catalog.Find(frontMatter.Entity) is { } entity)
                {
                    return (entity.Id, EntityAssignment.FrontMatter);
                }

                Warn(frontMatter.EntityLine, $"front matter entity '{frontMatter.Entity}' is not an id, name or alias in the catalog");
            }

            if (metaLines.TryGetValue("entity", out var line))
            {
                if (catalog.Find(line.Value) is { } entity)
                {
                    return (entity.Id, EntityAssignment.EntityLine);
                }

                Warn(line.Line, $"'Entity: {line.Value}' is not an id, name or alias in the catalog");
            }

            if (!string.IsNullOrEmpty(title) && Infer(title) is { } byTitle)
            {
                return (byTitle, EntityAssignment.Title);
            }

            if (Infer(Path.GetFileNameWithoutExtension(file)) is { } byFile)
            {
                return (byFile, EntityAssignment.FileName);
            }

            Warn(null, "no entity: add 'entity: <name or id>' front matter or an 'Entity:' line (the title and file name match no catalog name or alias)");
            return (null, EntityAssignment.Unassigned);
        }

        // The longest catalog name, id or alias contained in the text wins; a tie between two entities is no answer.
        private string? Infer(string text)
        {
            var haystack = Normalize(text);
            var best = catalog.Entities
                .SelectMany(e => new[] { e.Id, e.Name }.Concat(e.Aliases).Select(k => (Entity: e, Key: Normalize(k))))
                .Where(c => c.Key.Length >= 4 && haystack.Contains(c.Key, StringComparison.Ordinal))
                .GroupBy(c => c.Key.Length)
                .OrderByDescending(g => g.Key)
                .FirstOrDefault();
            if (best is null)
            {
                return null;
            }

            var ids = best.Select(c => c.Entity.Id).Distinct().ToList();
            if (ids.Count > 1)
            {
                Warn(null, $"'{text}' matches more than one entity ({string.Join(", ", ids)}); say which with 'entity:' front matter");
                return null;
            }

            return ids[0];
        }

        private (DateOnly?, UpdatedSource) AssignUpdated(FrontMatter frontMatter, Dictionary<string, (string Value, int Line)> metaLines)
        {
            if (!string.IsNullOrEmpty(frontMatter.Updated))
            {
                if (ParseDate(frontMatter.Updated) is { } date)
                {
                    return (date, UpdatedSource.FrontMatter);
                }

                Warn(frontMatter.UpdatedLine, $"front matter updated '{frontMatter.Updated}' is not a date (use yyyy-MM-dd)");
            }

            if (metaLines.TryGetValue("updated", out var line))
            {
                if (ParseDate(line.Value) is { } date)
                {
                    return (date, UpdatedSource.UpdatedLine);
                }

                Warn(line.Line, $"'Updated: {line.Value}' is not a date (use yyyy-MM-dd)");
            }

            return (DateOnly.FromDateTime(modified.UtcDateTime), UpdatedSource.FileModified);
        }

        private List<HandoffSection> ReadSections(MarkdownDocument document, HeadingBlock? h1)
        {
            var sections = new List<HandoffSection>();
            var headings = new List<(int Level, SectionKind Kind)>();
            (SectionKind Kind, string? Heading, int Line) current = (SectionKind.Other, null, 0);
            var facts = new List<HandoffFact>();

            void Close()
            {
                if (facts.Count > 0 || current.Heading is not null)
                {
                    sections.Add(new HandoffSection(current.Kind, current.Heading, current.Line, facts));
                }

                facts = [];
            }

            for (var i = 0; i < document.Count; i++)
            {
                cancel.ThrowIfCancellationRequested();
                var block = document[i];
                var (level, text) = block switch
                {
                    HeadingBlock heading when heading != h1 => (heading.Level, InlineText(heading.Inline, [])),
                    ParagraphBlock paragraph when i + 1 < document.Count && document[i + 1] is ListBlock => (PseudoHeadingLevel, PseudoHeading(_lines, paragraph)),
                    _ => (0, null),
                };

                if (text is null)
                {
                    if (block is not HeadingBlock)
                    {
                        CollectFacts(block, current.Kind, facts);
                    }

                    continue;
                }

                Close();
                headings.RemoveAll(h => h.Level >= level);
                var kind = Classify(text);
                // "### Payments" under "## Known issues" is still an issue.
                if (kind == SectionKind.Other && headings.Count > 0)
                {
                    kind = headings[^1].Kind;
                }

                headings.Add((level, kind));
                current = (kind, text, block.Line + 1);
            }

            Close();
            return sections;
        }

        private void CollectFacts(Block block, SectionKind kind, List<HandoffFact> facts)
        {
            switch (block)
            {
                case ListBlock list:
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        var urls = new List<string>();
                        var text = string.Join(" ", item.OfType<ParagraphBlock>().Select(p => InlineText(p.Inline, urls))).Trim();
                        if (text.Length > 0 && !MetadataLine().IsMatch(text) && CountFact(item.Line + 1))
                        {
                            facts.Add(new HandoffFact(kind, text, FactClassifier.Tags(text), FactClassifier.References(text, urls), item.Line + 1));
                        }

                        foreach (var child in item.Where(b => b is not ParagraphBlock))
                        {
                            CollectFacts(child, kind, facts);
                        }
                    }

                    break;
                case QuoteBlock quote:
                    foreach (var child in quote)
                    {
                        CollectFacts(child, kind, facts);
                    }

                    break;
            }
        }

        // The first MaxFactsPerFile facts are kept and the note says the rest were dropped, once.
        private bool CountFact(int line)
        {
            cancel.ThrowIfCancellationRequested();
            if (++_factCount <= InputLimits.MaxFactsPerFile)
            {
                return true;
            }

            if (_factCount == InputLimits.MaxFactsPerFile + 1)
            {
                Warn(line, $"more than {InputLimits.MaxFactsPerFile:N0} facts; only the first {InputLimits.MaxFactsPerFile:N0} are used");
            }

            return false;
        }

        private void Warn(int? line, string message) => _problems.Add((false, Located(line, message)));

        private void Error(int? line, string message) => _problems.Add((true, Located(line, message)));

        private string Located(int? line, string message) => line is > 0 ? $"{file}:{line}: {message}" : $"{file}: {message}";
    }

    // Notes written without markdown headings often use "Problems:" or "**Next steps**" on a line of its own
    // above a list; those act as headings one level below any real one.
    private const int PseudoHeadingLevel = 7;

    private static string? PseudoHeading(string[] lines, ParagraphBlock paragraph)
    {
        // Markdig drops a paragraph's source lines once its inlines are parsed, so read the file's line.
        if (paragraph.Line >= lines.Length || paragraph.Span.Length > lines[paragraph.Line].Length)
        {
            return null;
        }

        var line = lines[paragraph.Line].Trim();
        var bold = line.Length > 4 && (line.StartsWith("**", StringComparison.Ordinal) && line.EndsWith("**", StringComparison.Ordinal)
            || line.StartsWith("__", StringComparison.Ordinal) && line.EndsWith("__", StringComparison.Ordinal));
        var text = line.Trim('*', '_').Trim().TrimEnd(':').Trim();
        return text.Length is > 0 and <= 60 && (bold || line.EndsWith(':') || Classify(text) != SectionKind.Other) && !MetadataLine().IsMatch(line)
            ? text
            : null;
    }

    private static SectionKind Classify(string heading)
    {
        foreach (var (kind, pattern) in HeadingSynonyms)
        {
            if (pattern.IsMatch(heading))
            {
                return kind;
            }
        }

        return SectionKind.Other;
    }

    private static string InlineText(ContainerInline? container, List<string> urls)
    {
        if (container is null)
        {
            return "";
        }

        var text = new StringBuilder();
        Append(container, text, urls);
        return MultipleSpaces().Replace(text.ToString(), " ").Trim();
    }

    private static void Append(Inline inline, StringBuilder text, List<string> urls)
    {
        switch (inline)
        {
            case LiteralInline literal:
                text.Append(literal.Content.ToString());
                break;
            case CodeInline code:
                text.Append(code.Content);
                break;
            case AutolinkInline autolink:
                text.Append(autolink.Url);
                urls.Add(autolink.Url);
                break;
            case HtmlEntityInline entity:
                text.Append(entity.Transcoded.ToString());
                break;
            case LineBreakInline:
                text.Append(' ');
                break;
            case HtmlInline or TaskList:
                break;
            case LinkInline link:
                if (!link.IsImage && link.Url is { Length: > 0 } url)
                {
                    urls.Add(url);
                }

                foreach (var child in link)
                {
                    Append(child, text, urls);
                }

                break;
            case ContainerInline container:
                foreach (var child in container)
                {
                    Append(child, text, urls);
                }

                break;
        }
    }

    private static DateOnly? ParseDate(string value)
    {
        if (IsoDate().Match(value) is { Success: true } iso &&
            DateOnly.TryParseExact(iso.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var isoDate))
        {
            return isoDate;
        }

        return DateOnly.TryParseExact(value.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var date) ? date : null;
    }

    private static string Normalize(string text) =>
        new(text.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());

    [GeneratedRegex(@"(?<![\w])(?:decisions?|adrs?|decision log|design choices|rationale|trade-?offs)(?![\w])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DecisionsHeading();

    [GeneratedRegex(@"(?<![\w])(?:known issues|issues|problems|bugs|risks?|gotchas|caveats|tech(nical)? debt|security|blockers|concerns|limitations|vulnerabilities|open questions)(?![\w])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KnownIssuesHeading();

    [GeneratedRegex(@"(?<![\w])(?:next steps?|next|todos?|to-?dos?|to do|roadmap|action items|plan|backlog|follow-?ups?|what's next|upcoming)(?![\w])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NextStepsHeading();

    [GeneratedRegex(@"(?<![\w])(?:metrics|kpis?|numbers|stats|statistics|figures|dora|financials|revenue|costs?)(?![\w])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetricsHeading();

    [GeneratedRegex(@"(?<![\w])(?:stack|tech|technology|architecture|infrastructure|infra|hosting|services|components|dependencies|ci/cd|ci|cd|deployment|deploys?)(?![\w])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StackHeading();

    [GeneratedRegex(@"(?<![\w])(?:current state|current status|status|state|overview|summary|where things stand|snapshot|context|current)(?![\w])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CurrentStateHeading();

    [GeneratedRegex(@"^\s*(?:[-*+]\s+)?(?:\*\*|__)?(?<key>entity|updated|last updated)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?(?<value>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetadataLine();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex MultipleSpaces();
}
