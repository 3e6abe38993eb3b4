
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

    // Handoffs repeat a known issue note after note; a report states it once, from the newest note that has it (the
    // first in file order among equally new ones), in the order the facts came. One pass with a dictionary: grouping
    // and sorting every fact was seconds at 16,000 handoffs (issue 19).
    public static IEnumerable<FactRef> Distinct(IEnumerable<FactRef> facts)
    {
        var all = facts as IReadOnlyList<FactRef> ?? facts.ToList();
        var newest = new Dictionary<(string Entity, string Text), int>();
        var keep = new bool[all.Count];
        for (var i = 0; i < all.Count; i++)
        {
            var key = (all[i].Document.EntityId ?? "", Normalise(all[i].Fact.Text));
            if (!newest.TryGetValue(key, out var kept))
            {
                newest[key] = i;
                keep[i] = true;
            }
            else if (Newer(all[i].Document.Updated, all[kept].Document.Updated))
            {
                keep[kept] = false;
                keep[i] = true;
                newest[key] = i;
            }
        }

        for (var i = 0; i < all.Count; i++)
        {
            if (keep[i])
            {
                yield return all[i];
            }
        }
    }

    // An undated note is older than any dated one.
    private static bool Newer(DateOnly? candidate, DateOnly? kept) =>
        candidate is { } c && (kept is not { } k || c > k);

    // Lower case, the words joined by single spaces. Most facts already are, and skip the split.
    private static string Normalise(string text)
    {
        var lower = text.ToLowerInvariant();
        return IsCollapsed(lower) ? lower : string.Join(' ', lower.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static bool IsCollapsed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) && (text[i] != ' ' || i == 0 || i == text.Length - 1 || text[i - 1] == ' '))
            {
                return false;
            }
        }

        return true;
    }
}
