namespace ExecReports.Core.Kpis;

// The entity ids KPI months may refer to; the entity catalog owns the list (see AddKpis).
public sealed class KnownEntities(Func<IReadOnlySet<string>> source)
{
    public IReadOnlySet<string> Ids => source();

    public static KnownEntities Of(IEnumerable<string> ids)
    {
        var set = ids.ToHashSet(StringComparer.Ordinal);
        return new KnownEntities(() => set);
    }
}
