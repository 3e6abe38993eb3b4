using ExecReports.Core.Reports.Metrics;
using ExecReports.Core.Reports.Rendering;

namespace ExecReports.Core.Reports;

public sealed record ReportSection
{
    public required string Id { get; init; }
    public required string Heading { get; init; }
    public required string Markdown { get; init; }

    // Inputs the section needed and did not have, said in the report rather than papered over.
    public IReadOnlyList<string> MissingInputs { get; init; } = [];
    public IReadOnlyList<string> MetricIds { get; init; } = [];
    public bool Required { get; init; } = true;
}

public sealed record ReportMetadata
{
    public required string Role { get; init; }
    public required string Title { get; init; }
    public required string Period { get; init; }
    public required string GeneratorCommit { get; init; }
    public required DateTimeOffset GeneratedAt { get; init; }
    public required DateOnly? OldestHandoff { get; init; }
    public required DateOnly? NewestHandoff { get; init; }
    public required DateTimeOffset? KpisLastEdited { get; init; }
    public required string InputDigest { get; init; }
    public required IReadOnlyList<string> Sections { get; init; }
}

public sealed record Report
{
    public required ReportRole Role { get; init; }
    public required string Period { get; init; }
    public required IReadOnlyList<ReportSection> Sections { get; init; }
    public required IReadOnlyList<Metric> Metrics { get; init; }
    public required ReportMetadata Metadata { get; init; }
    public required RenderedReport Rendered { get; init; }

    // SHA-256 of what the report says (its body, without the footer's generated-at and input digest): equal digests
    // mean a recipient would read the same report, so "changed since sent" compares these.
    public required string ContentDigest { get; init; }

    // What the email carries: summary first, bounded, no appendix (EmailComposer); Rendered stays the full report
    // for the preview and the archive.
    public required RenderedReport Email { get; init; }

    public string Title => Metadata.Title;
    public string FileStem => $"{Role.Id}-report";
}
