namespace ExecReports.Core.Kpis;

// The entity ids KPI months may refer to. The entity catalog owns the real list; until it is
// wired in, the ids agreed for the sample data stand in.
public sealed class KnownEntities(Func<IReadOnlySet<string>> source)
{
    public static IReadOnlySet<string> SampleIds { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "jada",
        "queenofsandiego",
        "quickdumpnow",
        "dangerouscentaur",
        "rental-3028-51st",
        "expert-yacht-delivery",
        "dangerouscentaur-portfolio",
    };

    public IReadOnlySet<string> Ids => source();

    public static KnownEntities Of(IEnumerable<string> ids)
    {
        var set = ids.ToHashSet(StringComparer.Ordinal);
        return new KnownEntities(() => set);
    }
}
