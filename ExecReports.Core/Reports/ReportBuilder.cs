using System.Globalization;
using System.Text;
using ExecReports.Core.Reports.Metrics;
using ExecReports.Core.Reports.Rendering;

namespace ExecReports.Core.Reports;

// Generators write sections through this; it keeps track of every metric quoted and every missing input.
public sealed class ReportBuilder(ReportRole role, string period)
{
    private readonly List<SectionBuilder> _sections = [];
    private readonly List<string> _notices = [];

    public ReportRole Role => role;

    // Report-level warnings (stale inputs, data conflicts), as Markdown: the executive summary lists them all, so a
    // check that finds something only has to call Notice before the summary is written.
    public IReadOnlyList<string> Notices => _notices;

    public ReportBuilder Notice(string markdown)
    {
        if (!_notices.Contains(markdown, StringComparer.Ordinal))
        {
            _notices.Add(markdown.Trim());
        }

        return this;
    }

    public string Period => period;

    // Only the sections the registration lists, so an id or heading cannot drift from the registry.
    public SectionBuilder Section(ReportSectionDefinition definition)
    {
        var section = new SectionBuilder(Registered(definition).Id, definition.Heading, required: true);
        _sections.Add(section);
        return section;
    }

    // For the opening section, which summarises what the others quote and so is written last.
    public SectionBuilder SectionAtTop(ReportSectionDefinition definition)
    {
        var section = new SectionBuilder(Registered(definition).Id, definition.Heading, required: true);
        _sections.Insert(0, section);
        return section;
    }

    private ReportSectionDefinition Registered(ReportSectionDefinition definition) =>
        role.Sections.Contains(definition)
            ? definition
            : throw new InvalidOperationException($"Section '{definition.Id}' is not registered for the {role.Title} report.");

    // What the sections say so far, as Markdown: the engine reads it for the handoff notes a report quotes.
    internal IEnumerable<string> SectionTexts => _sections.Select(s => s.Text);

    public IReadOnlyList<Metric> Quoted => _sections.SelectMany(s => s.Quoted).DistinctBy(m => (m.Id, m.Period)).ToList();

    public Report Build(ReportMetadataInputs inputs, ReportEmailInputs? email = null)
    {
        var sections = _sections.Select(s => s.Build()).ToList();
        var quoted = _sections.SelectMany(s => s.Quoted).DistinctBy(m => (m.Id, m.Period))
            .OrderBy(m => m.Id, StringComparer.Ordinal).ThenByDescending(m => m.Period, StringComparer.Ordinal).ToList();
        var metadata = new ReportMetadata
        {
            Role = role.Id,
            Title = role.ReportTitle(period),
            Period = period,
            GeneratorCommit = inputs.GeneratorCommit,
            GeneratedAt = inputs.GeneratedAt,
            OldestHandoff = inputs.OldestHandoff,
            NewestHandoff = inputs.NewestHandoff,
            KpisLastEdited = inputs.KpisLastEdited,
            InputDigest = inputs.InputDigest,
            Sections = sections.Select(s => s.Heading).ToList(),
        };

        var (body, footer) = ComposeMarkdown(metadata, sections, quoted);
        email ??= ReportEmailInputs.None;
        return new Report
        {
            Role = role,
            Period = period,
            Sections = sections,
            Metrics = quoted,
            Metadata = metadata,
            Rendered = ReportRenderer.Render([body, footer]),
            ContentDigest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(body))),
            Email = EmailComposer.Compose(new EmailDraft(metadata.Title, Intro(), sections, footer,
                email.PreviewUrl?.Invoke(period, role.Id), email.SourceLabels)),
        };
    }

    // The footer changes with every input; the body only when what the report says changes.
    private (string Body, string Footer) ComposeMarkdown(ReportMetadata metadata, IReadOnlyList<ReportSection> sections, IReadOnlyList<Metric> quoted)
    {
        var sb = new StringBuilder();
        // Titles and headings are our own constants, written as they are so readers and the validator see them verbatim.
        sb.Append("# ").AppendLine(metadata.Title).AppendLine();
        sb.AppendLine(Intro()).AppendLine();
        foreach (var section in sections)
        {
            sb.Append("## ").AppendLine(section.Heading).AppendLine();
            sb.AppendLine(section.Markdown.TrimEnd()).AppendLine();
        }

        sb.Append("## ").AppendLine(ReportSections.Appendix).AppendLine();
        if (quoted.Count == 0)
        {
            sb.AppendLine("This report quotes no computed figures.").AppendLine();
        }
        else
        {
            sb.Append(MarkdownText.Table(
                ["Metric", "Period", "Value", "Kind", "Formula", "Inputs"],
                quoted.Select(m => (IReadOnlyList<string>)
                [
                    $"{MarkdownText.Cell(m.Label)} (`{m.Id}`)",
                    m.Period,
                    MarkdownText.Cell(m.Display),
                    m.Kind.ToString().ToLowerInvariant(),
                    MarkdownText.Cell(m.Formula),
                    m.Inputs.Count.ToString(CultureInfo.InvariantCulture),
                ]))).AppendLine();
        }

        var body = sb.ToString();
        sb.Clear();
        sb.AppendLine("---").AppendLine();
        sb.Append("Generated by ExecReports ").Append(Short(metadata.GeneratorCommit, 12))
            .Append(" at ").Append(metadata.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture))
            .Append(" · handoffs ").Append(metadata.OldestHandoff?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "none")
            .Append(" to ").Append(metadata.NewestHandoff?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "none")
            .Append(" · KPIs last edited ").Append(metadata.KpisLastEdited?.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture) ?? "never")
            .Append(" · inputs sha256 ").Append(Short(metadata.InputDigest, 16)).AppendLine();
        return (body, sb.ToString());
    }

    private string Intro() => $"*Written for {MarkdownText.Escape(role.Perspective)}. Period {period}.*";

    private static string Short(string value, int length) => value.Length > length ? value[..length] : value;
}

public sealed record ReportMetadataInputs(
    string GeneratorCommit,
    DateTimeOffset GeneratedAt,
    DateOnly? OldestHandoff,
    DateOnly? NewestHandoff,
    DateTimeOffset? KpisLastEdited,
    string InputDigest);

// What the email needs beyond the report: where its preview is (App:BaseUrl; null, no link) and the short names of
// the sources it cites ("jada.md" → "JADA handoff, 18 Nov", "kpi:jada" → "JADA KPI inputs").
public sealed record ReportEmailInputs(Func<string, string, string?>? PreviewUrl, IReadOnlyDictionary<string, string> SourceLabels)
{
    public static readonly ReportEmailInputs None = new(null, new Dictionary<string, string>());
}

public sealed class SectionBuilder(string id, string heading, bool required)
{
    private readonly StringBuilder _markdown = new();
    private readonly List<string> _missing = [];
    private readonly List<Metric> _quoted = [];

    internal IReadOnlyList<Metric> Quoted => _quoted;

    internal string Text => _markdown.ToString();

    // The only way a figure enters a report: quoting a metric, so every number has a derivation.
    public string Quote(Metric metric)
    {
        _quoted.Add(metric);
        return MarkdownText.Escape(metric.Display);
    }

    public SectionBuilder Paragraph(string markdown)
    {
        _markdown.AppendLine(markdown.TrimEnd()).AppendLine();
        return this;
    }

    public SectionBuilder Subheading(string text)
    {
        _markdown.Append("### ").AppendLine(MarkdownText.Escape(text)).AppendLine();
        return this;
    }

    // However many inputs there are, a list or table in the report shows at most this many items (generators write
    // them most material first) and counts the rest; the email shows fewer (EmailComposer). Sixteen thousand distinct
    // handoffs would otherwise make an 11 MB report.
    public const int FullListLimit = 50;

    // Items past the limit are counted, not written. A projection over a list is not run for them at all: at 16,000
    // handoffs the CTO report quoted (redacted and escaped) thousands of findings only to show 50 (issue 19).
    private static (List<T> Shown, int Count) Limited<T>(IEnumerable<T> items)
    {
        if (items.TryGetNonEnumeratedCount(out var count))
        {
            return ([.. items.Take(FullListLimit)], count);
        }

        var shown = new List<T>();
        var n = 0;
        foreach (var item in items)
        {
            if (++n <= FullListLimit)
            {
                shown.Add(item);
            }
        }

        return (shown, n);
    }

    public SectionBuilder Bullets(IEnumerable<string> markdownItems)
    {
        var (shown, n) = Limited(markdownItems);
        foreach (var item in shown)
        {
            _markdown.Append("- ").AppendLine(item.Trim());
        }

        if (n > FullListLimit)
        {
            _markdown.Append("- *").Append(MoreItems(n - FullListLimit)).AppendLine("*");
        }

        if (n > 0)
        {
            _markdown.AppendLine();
        }

        return this;
    }

    public SectionBuilder Numbered(IEnumerable<string> markdownItems)
    {
        var (shown, n) = Limited(markdownItems);
        for (var i = 0; i < shown.Count; i++)
        {
            _markdown.Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append(". ").AppendLine(shown[i].Trim());
        }

        if (n > FullListLimit)
        {
            _markdown.AppendLine().Append('*').Append(MoreItems(n - FullListLimit)).AppendLine("*");
        }

        if (n > 0)
        {
            _markdown.AppendLine();
        }

        return this;
    }

    public SectionBuilder Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<bool>? rightAlign = null)
    {
        var (shown, count) = Limited(rows);
        _markdown.Append(MarkdownText.Table(headers, shown, rightAlign)).AppendLine();
        if (count > FullListLimit)
        {
            _markdown.Append('*').Append(MoreItems(count - FullListLimit)).AppendLine("*").AppendLine();
        }

        return this;
    }

    private static string MoreItems(int count) =>
        string.Create(CultureInfo.InvariantCulture, $"and {count} more, ranked lower (the Handoffs and KPI pages list them all)");

    // Says plainly what is missing ("no pipeline items recorded for QuickDumpNow in 2026-11") instead of inventing content.
    public SectionBuilder Missing(string message)
    {
        _missing.Add(message);
        _markdown.Append('*').Append(MarkdownText.Escape(message)).AppendLine("*").AppendLine();
        return this;
    }

    public ReportSection Build() => new()
    {
        Id = id,
        Heading = heading,
        Markdown = _markdown.Length == 0 ? "*No content.*" : _markdown.ToString(),
        MissingInputs = _missing,
        MetricIds = _quoted.Select(m => m.Id).Distinct().ToList(),
        Required = required,
    };
}
