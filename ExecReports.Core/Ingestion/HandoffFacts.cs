
namespace ExecReports.Core.Ingestion;

// Calculators have no ReportContext; this gives them the same usable facts, in the same order.
public static class HandoffFacts
{
    // Kept on the snapshot (HandoffSnapshot.UsableFacts), which is immutable: worked out once per snapshot.
    public static IReadOnlyList<FactRef> All(HandoffSnapshot handoffs) => handoffs.UsableFacts;

    internal static List<FactRef> Usable(IEnumerable<HandoffDocument> documents) =>
        FactRef.Distinct(documents
            .Where(d => d.Status != HandoffStatus.Error)
            .OrderBy(d => d.File, StringComparer.Ordinal)
            .SelectMany(d => d.Facts.Select(f => new FactRef(d, f)))).ToList();

    public static IEnumerable<FactRef> For(HandoffSnapshot handoffs, string entityId) => handoffs.UsableFactsOf(entityId);

    // A plan ("rotate the key") or a decision ("secrets live in the environment") is not evidence of a present problem.
    public static bool DescribesCurrentState(FactRef fact) =>
        fact.Fact.Section is not (SectionKind.NextSteps or SectionKind.Decisions);

    public static bool HasTag(FactRef fact, string tag) => fact.Fact.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase);
}

public sealed record FactRef(HandoffDocument Document, HandoffFact Fact)
{
    public string Source => $"{Document.File}:{Fact.Line}";

    // Handoffs repeat a known issue note after note; a report states it once, from the newest note that has it.
    public static IEnumerable<FactRef> Distinct(IEnumerable<FactRef> facts) =>
        facts
            .Select((f, order) => (Fact: f, Order: order))
            .GroupBy(x => (Entity: x.Fact.Document.EntityId ?? "", Text: Normalise(x.Fact.Fact.Text)))
            .Select(g => g.OrderByDescending(x => x.Fact.Document.Updated).ThenBy(x => x.Order).First())
            .OrderBy(x => x.Order)
            .Select(x => x.Fact);

    private static string Normalise(string text) =>
        string.Join(' ', text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
