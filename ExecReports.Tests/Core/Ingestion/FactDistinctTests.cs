using ExecReports.Core.Ingestion;

namespace ExecReports.Tests.Core.Ingestion;

// FactRef.Distinct became one dictionary pass (issue 19). It must keep exactly what the grouping it replaced kept:
// per entity and normalised text, the newest note's fact (the first in order among equally new or undated ones), in
// the order the facts came. The grouping is kept here as the reference and both run over seeded random facts.
public sealed class FactDistinctTests
{
    private static readonly string?[] Entities = [null, "jada", "JADA", "quickdumpnow"];
    private static readonly string[] Words = ["Stripe", "webhook", "stripe", "is", "unauthenticated", "ÉTÉ", "été", "İstanbul", "key"];
    private static readonly string[] Gaps = [" ", "  ", "\t", "\u00A0", "\u2003", "\n"];

    [Fact]
    public void DistinctKeepsWhatTheGroupingKeptInTheSameOrder()
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var random = new Random(seed);
            var facts = Enumerable.Range(0, random.Next(1, 120)).Select(i => RandomFact(random, i)).ToList();

            var expected = Reference(facts).ToList();
            var actual = FactRef.Distinct(facts).ToList();

            Assert.True(expected.SequenceEqual(actual, ReferenceEqualityComparer.Instance),
                $"seed {seed}: expected {string.Join(", ", expected.Select(f => f.Source))}, got {string.Join(", ", actual.Select(f => f.Source))}");
        }
    }

    [Fact]
    public void TheNewestNoteWinsAndAnUndatedOneNeverBeatsADatedOne()
    {
        var undated = Fact("a.md", null, "Stripe webhook is unauthenticated", "jada");
        var older = Fact("b.md", new DateOnly(2026, 10, 1), "stripe  webhook is\tunauthenticated", "jada");
        var newer = Fact("c.md", new DateOnly(2026, 11, 1), " Stripe webhook is unauthenticated ", "jada");
        var sameDay = Fact("d.md", new DateOnly(2026, 11, 1), "STRIPE WEBHOOK IS UNAUTHENTICATED", "jada");
        var otherEntity = Fact("e.md", null, "Stripe webhook is unauthenticated", "quickdumpnow");

        var kept = FactRef.Distinct([undated, older, newer, sameDay, otherEntity]).ToList();

        Assert.Equal([newer, otherEntity], kept);
    }

    private static FactRef RandomFact(Random random, int index)
    {
        var words = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Words[random.Next(Words.Length)]);
        var text = (random.Next(4) == 0 ? Gaps[random.Next(Gaps.Length)] : "")
            + string.Join("", words.Select(w => w + Gaps[random.Next(Gaps.Length)])).TrimEnd(random.Next(2) == 0 ? [' '] : []);
        DateOnly? updated = random.Next(4) == 0 ? null : new DateOnly(2026, 11, 1).AddDays(random.Next(3));
        return Fact($"{index:D3}.md", updated, text, Entities[random.Next(Entities.Length)]);
    }

    private static FactRef Fact(string file, DateOnly? updated, string text, string? entity)
    {
        var fact = new HandoffFact(SectionKind.KnownIssues, text, [], [], 3);
        var document = new HandoffDocument
        {
            File = file, EntityId = entity, Updated = updated, Status = HandoffStatus.Ok, Title = file,
            Sections = [new HandoffSection(SectionKind.KnownIssues, "Known issues", 2, [fact])],
        };
        return new FactRef(document, fact);
    }

    // The implementation before issue 19.
    private static IEnumerable<FactRef> Reference(IEnumerable<FactRef> facts) =>
        facts
            .Select((f, order) => (Fact: f, Order: order))
            .GroupBy(x => (Entity: x.Fact.Document.EntityId ?? "", Text: string.Join(' ', x.Fact.Fact.Text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))))
            .Select(g => g.OrderByDescending(x => x.Fact.Document.Updated).ThenBy(x => x.Order).First())
            .OrderBy(x => x.Order)
            .Select(x => x.Fact);
}
