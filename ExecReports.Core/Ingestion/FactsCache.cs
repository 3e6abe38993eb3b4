using System.Runtime.CompilerServices;

namespace ExecReports.Core.Ingestion;

// A verdict over one entity's usable facts, worked out once per snapshot: the snapshot's fact lists are immutable and
// are the key, so a new scan (new lists) starts afresh and an old one's entries go with it. Lazy, so two reports
// generated side by side wait for one computation instead of both doing it. The entity is part of the value: a
// different catalog entity asking about the same list is computed, not served another's verdict.
public sealed class FactsCache<T>
    where T : class
{
    private readonly ConditionalWeakTable<IReadOnlyList<FactRef>, Entry> _entries = new();

    public T Get(IReadOnlyList<FactRef> facts, CatalogEntity entity, Func<CatalogEntity, IReadOnlyList<FactRef>, T> compute)
    {
        var entry = _entries.GetValue(facts, f => new Entry(entity, new Lazy<T>(() => compute(entity, f))));
        return ReferenceEquals(entry.Entity, entity) ? entry.Value.Value : compute(entity, facts);
    }

    private sealed record Entry(CatalogEntity Entity, Lazy<T> Value);
}
