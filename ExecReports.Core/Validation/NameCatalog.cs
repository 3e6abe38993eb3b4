using ExecReports.Core.Ingestion;

namespace ExecReports.Core.Validation;

// The catalog's names in the shapes the checks compare against: normalised entity keys, exact names and aliases,
// registrable domains, buckets, and the words that make a host or bucket look like one of ours.
internal sealed record NameCatalog(
    IReadOnlyList<NameCatalog.EntityKey> Keys,
    HashSet<string> Accepted,
    HashSet<string> AcceptedAliases,
    IReadOnlyList<NameCatalog.OurDomain> Domains,
    IReadOnlyList<string> Buckets,
    IReadOnlyList<string> OurWords)
{
    public sealed record EntityKey(string Key, CatalogEntity Entity);

    public sealed record OurDomain(string Domain, string Label, string Suffix, CatalogEntity Entity);

    private static readonly HashSet<string> SecondLevelSuffixes = new(StringComparer.OrdinalIgnoreCase) { "co", "com", "org", "net", "ac", "gov", "edu" };

    public static NameCatalog From(EntityCatalog catalog)
    {
        var keys = new List<EntityKey>();
        var accepted = new HashSet<string>(StringComparer.Ordinal);
        var aliases = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entity in catalog.Entities)
        {
            keys.Add(new EntityKey(NameDistance.Normalize(entity.Name), entity));
            keys.Add(new EntityKey(NameDistance.Normalize(entity.Id), entity));
            accepted.Add(entity.Name);
            accepted.Add(entity.Id);
        }

        // An alias that is only a re-spacing of the name ("Quick Dump Now") is exactly the near-miss reports must not
        // print; any other alias ("QDN", "Ship Captain Crew") is a different word, not a misspelling.
        foreach (var alias in catalog.Entities.SelectMany(e => e.Aliases))
        {
            var key = NameDistance.Normalize(alias);
            if (!keys.Any(k => NameDistance.Distance(k.Key, key, NameDistance.Threshold(k.Key)) <= NameDistance.Threshold(k.Key)))
            {
                aliases.Add(alias);
            }
        }

        var domains = catalog.Entities
            .SelectMany(e => e.Domains.Select(d => (Domain: d.ToLowerInvariant(), Entity: e)))
            .Select(d => Registrable(d.Domain) is var (label, suffix) ? new OurDomain(d.Domain, label, suffix, d.Entity) : null)
            .OfType<OurDomain>()
            .ToList();
        var words = domains.Select(d => d.Label)
            .Concat(catalog.Entities.Select(e => NameDistance.Normalize(e.Id)).Where(k => k.Length >= 7))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new NameCatalog(keys, accepted, aliases, domains, catalog.Buckets, words);
    }

    public static (string Label, string Suffix)? Registrable(string host)
    {
        var labels = host.Split('.');
        if (labels.Length < 2)
        {
            return null;
        }

        var take = labels.Length >= 3 && labels[^1].Length == 2 && SecondLevelSuffixes.Contains(labels[^2]) ? 3 : 2;
        return (labels[^take], string.Join('.', labels[^(take - 1)..]));
    }
}
