namespace ExecReports.Core.Ingestion;

public enum HandoffStatus
{
    Ok,
    Warning,
    Error,
}

public enum SectionKind
{
    CurrentState,
    KnownIssues,
    Decisions,
    NextSteps,
    Stack,
    Metrics,
    Other,
}

public enum EntityAssignment
{
    Unassigned,
    FrontMatter,
    EntityLine,
    Title,
    FileName,
}

public enum UpdatedSource
{
    None,
    FrontMatter,
    UpdatedLine,
    FileModified,
}

public enum ReferenceKind
{
    File,
    Endpoint,
    Url,
}

public sealed record HandoffReference(ReferenceKind Kind, string Value);

public sealed record HandoffFact(SectionKind Section, string Text, IReadOnlyList<string> Tags, IReadOnlyList<HandoffReference> References, int Line);

public sealed record HandoffSection(SectionKind Kind, string? Heading, int Line, IReadOnlyList<HandoffFact> Facts);

public sealed record HandoffDocument
{
    // Relative to the handoffs folder, '/'-separated.
    public required string File { get; init; }
    public string? EntityId { get; init; }
    public EntityAssignment EntityAssignment { get; init; }
    public DateOnly? Updated { get; init; }
    public UpdatedSource UpdatedSource { get; init; }
    public required HandoffStatus Status { get; init; }
    public IReadOnlyList<string> Problems { get; init; } = [];
    public required string Title { get; init; }
    public IReadOnlyList<HandoffSection> Sections { get; init; } = [];
    public string Raw { get; init; } = "";
    public long SizeBytes { get; init; }
    public DateTimeOffset Modified { get; init; }

    public IEnumerable<HandoffFact> Facts => Sections.SelectMany(s => s.Facts);

    public int FactCount(SectionKind kind) => Sections.Where(s => s.Kind == kind).Sum(s => s.Facts.Count);

    // Content that could not be ingested at all: listed with the reason, never parsed.
    public static HandoffDocument Failed(string file, long size, DateTimeOffset modified, string problem) => new()
    {
        File = file,
        Status = HandoffStatus.Error,
        Problems = [$"{file}: {problem}"],
        Title = Path.GetFileNameWithoutExtension(file),
        SizeBytes = size,
        Modified = modified,
    };
}

public sealed record HandoffSnapshot(
    string Folder,
    long Version,
    DateTimeOffset ScannedAt,
    int StaleAfterDays,
    IReadOnlyList<HandoffDocument> Documents,
    string? FolderProblem)
{
    // Immutable, so its usable facts are worked out once however many calculators, months and sections ask.
    private IReadOnlyList<FactRef>? _facts;
    private Dictionary<string, IReadOnlyList<FactRef>>? _factsByEntity;

    // A `with` copy may hold other documents: it starts without the facts of this one.
    private HandoffSnapshot(HandoffSnapshot original)
    {
        Folder = original.Folder;
        Version = original.Version;
        ScannedAt = original.ScannedAt;
        StaleAfterDays = original.StaleAfterDays;
        Documents = original.Documents;
        FolderProblem = original.FolderProblem;
    }

    public IReadOnlyList<FactRef> UsableFacts => LazyInitializer.EnsureInitialized(ref _facts, () => HandoffFacts.Usable(Documents));

    // Reports ask for one entity's facts section after section; a scan of every fact each time grew with the folder.
    public IReadOnlyList<FactRef> UsableFactsOf(string entityId) =>
        LazyInitializer.EnsureInitialized(ref _factsByEntity, () => UsableFacts
                .Where(f => f.Document.EntityId is not null)
                .GroupBy(f => f.Document.EntityId!, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<FactRef>)g.ToList(), StringComparer.OrdinalIgnoreCase))
            .GetValueOrDefault(entityId, []);

    public int? AgeInDays(HandoffDocument document) =>
        document.Updated is { } updated ? DateOnly.FromDateTime(ScannedAt.UtcDateTime).DayNumber - updated.DayNumber : null;

    public bool IsStale(HandoffDocument document) => AgeInDays(document) > StaleAfterDays;

    public IEnumerable<HandoffDocument> ForEntity(string entityId) =>
        Documents.Where(d => string.Equals(d.EntityId, entityId, StringComparison.OrdinalIgnoreCase));
}
