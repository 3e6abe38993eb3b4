namespace ExecReports.Core.Reports;

public enum ReportKind { Executive, Domain }

// A heading a report writes, with the id its section keeps whatever the data: the completeness check, the
// dashboard and links key on the id, readers and the validator on the heading.
public sealed record ReportSectionDefinition(string Id, string Heading);

// One registration per report (all of them in ReportRegistry.cs). A domain report is about one catalog entity;
// an executive report covers the whole portfolio (EntityId null).
public sealed partial record ReportRole
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Perspective { get; init; }
    public required ReportKind Kind { get; init; }
    public string? EntityId { get; init; }
    public required Type Generator { get; init; }

    // In report order, "Changed Since Last Month" first.
    public required IReadOnlyList<ReportSectionDefinition> Sections { get; init; }

    // The catalog entity a domain report is about; asking an executive report for one is a programming error.
    public string Entity => EntityId ?? throw new InvalidOperationException($"The {Title} report is not about one entity.");

    public static ReportRole? Find(string id) => All.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));

    public static ReportRole? ForEntity(string entityId) =>
        All.FirstOrDefault(r => r.EntityId is not null && string.Equals(r.EntityId, entityId, StringComparison.OrdinalIgnoreCase));

    public static ReportRole ForGenerator(Type generator) =>
        All.SingleOrDefault(r => r.Generator == generator)
        ?? throw new InvalidOperationException($"{generator.Name} is not registered in ReportRegistry.");

    // "CFO report — 2026-11", "Expert Yacht Delivery report — 2026-11"
    public string ReportTitle(string period) => $"{Title} report — {period}";
}
