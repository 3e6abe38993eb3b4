using ExecReports.Core.Ingestion;

namespace ExecReports.Core.Reports.Engineering;

// Calculators have no ReportContext; this gives them the same usable facts, in the same order.
public static class HandoffFacts
{
    public static IEnumerable<FactRef> For(HandoffSnapshot handoffs, string entityId) =>
        handoffs.Documents
            .Where(d => d.Status != HandoffStatus.Error && string.Equals(d.EntityId, entityId, StringComparison.OrdinalIgnoreCase))
            .OrderBy(d => d.File, StringComparer.Ordinal)
            .SelectMany(d => d.Facts.Select(f => new FactRef(d, f)));

    // A plan ("rotate the key") or a decision ("secrets live in the environment") is not evidence of a present problem.
    public static bool DescribesCurrentState(FactRef fact) =>
        fact.Fact.Section is not (SectionKind.NextSteps or SectionKind.Decisions);

    public static bool HasTag(FactRef fact, string tag) => fact.Fact.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase);
}
