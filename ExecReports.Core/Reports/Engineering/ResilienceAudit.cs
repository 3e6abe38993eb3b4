using System.Text.RegularExpressions;
using ExecReports.Core.Ingestion;

namespace ExecReports.Core.Reports.Engineering;

public enum BackupStatus { OffSite, NotOffSite, Unknown, NotApplicable }

public sealed record ComponentResilience(StackComponent Component, bool Managed, FactRef? SinglePoint, BackupStatus Backup, FactRef? BackupEvidence)
{
    public bool HoldsData => ResilienceAudit.HoldsData(Component);
}

// Single points of failure and backups per catalog stack component, judged from what the handoffs say. A provider-run
// service is not a single point of failure of ours, but its backups are still unknown until a handoff says otherwise.
public static partial class ResilienceAudit
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    // Named in the catalog stacks as services the provider runs redundantly.
    private static readonly string[] ManagedServices = ["AWS Lambda", "Lambda", "S3", "CloudFront", "DynamoDB", "Stripe", "Google Apps Script", "Render", "SES"];

    private static readonly string[] DataKinds = ["database", "storage"];

    private static readonly string[] RunKinds = ["backend", "compute", "database"];

    // Words a handoff uses for a data store besides its catalog name ("nightly pg_dump" is about PostgreSQL).
    private static readonly Dictionary<string, string[]> DataStoreWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["PostgreSQL"] = ["postgres", "pg_dump", "psql"],
        ["MySQL"] = ["mysql", "mysqldump"],
        ["DynamoDB"] = ["dynamo"],
        ["S3"] = ["bucket"],
    };

    private static bool Mentions(FactRef fact, StackComponent component) =>
        fact.Fact.Text.Contains(component.Name, StringComparison.OrdinalIgnoreCase)
        || (DataStoreWords.TryGetValue(component.Name, out var words) && words.Any(w => fact.Fact.Text.Contains(w, StringComparison.OrdinalIgnoreCase)));

    public const string Rule = "a component is a single point of failure when a handoff says so (single point of failure, single server or droplet, no replica or failover) "
        + "and it is not a provider-run service; a data store's backup is off-site when a handoff says so (off-site, another region, point-in-time recovery, "
        + "versioning, replicated), not off-site when a handoff says the backup sits on the same disk or server or there is none, otherwise unknown";

    public static bool IsManaged(StackComponent component) => ManagedServices.Contains(component.Name, StringComparer.OrdinalIgnoreCase);

    public static bool HoldsData(StackComponent component) => DataKinds.Contains(component.Kind, StringComparer.OrdinalIgnoreCase);

    public static bool IsResilienceFact(FactRef fact) => HandoffFacts.HasTag(fact, "reliability") || SinglePoint().IsMatch(fact.Fact.Text) || Backup().IsMatch(fact.Fact.Text);

    private static readonly FactsCache<IReadOnlyList<ComponentResilience>> Audited = new();

    // Both months' metrics and the CTO report audit the same entity's facts.
    public static IReadOnlyList<ComponentResilience> Audit(CatalogEntity entity, IEnumerable<FactRef> entityFacts) =>
        entityFacts is IReadOnlyList<FactRef> list ? Audited.Get(list, entity, Uncached) : Uncached(entity, entityFacts);

    private static IReadOnlyList<ComponentResilience> Uncached(CatalogEntity entity, IEnumerable<FactRef> entityFacts)
    {
        var current = entityFacts.Where(HandoffFacts.DescribesCurrentState).ToList();
        var single = FirstSinglePoint(current);
        var stores = entity.Stack.Where(HoldsData).ToList();

        // A backup statement naming one data store is about that store; one naming none is about all of them.
        FactRef? About(StackComponent c, Regex pattern) => current.Where(f => pattern.IsMatch(f.Fact.Text))
            .FirstOrDefault(f => Mentions(f, c) || !stores.Any(s => Mentions(f, s)));
        return entity.Stack.Select(c =>
        {
            var managed = IsManaged(c);
            var spof = !managed && RunKinds.Contains(c.Kind, StringComparer.OrdinalIgnoreCase) ? single : null;
            if (!HoldsData(c))
            {
                return new ComponentResilience(c, managed, spof, BackupStatus.NotApplicable, null);
            }

            var notOffSite = About(c, NoOffSiteBackup());
            var offSite = About(c, OffSiteBackup());

            // A same-disk backup outranks a general "off-site" claim: the one that can lose data wins.
            var (status, evidence) = !managed && notOffSite is not null ? (BackupStatus.NotOffSite, notOffSite)
                : offSite is not null ? (BackupStatus.OffSite, offSite)
                : (BackupStatus.Unknown, (FactRef?)null);
            return new ComponentResilience(c, managed, spof, status, evidence);
        }).ToList();
    }

    // A single-point statement that no stack component carries (the catalog lists no server) still counts once.
    public static FactRef? UnplacedSinglePoint(IReadOnlyList<ComponentResilience> audit, IEnumerable<FactRef> entityFacts) =>
        audit.Any(a => a.SinglePoint is not null) ? null : FirstSinglePoint(entityFacts.Where(HandoffFacts.DescribesCurrentState));

    // "The droplet is a single point of failure" is better evidence than "deploys to a single droplet".
    private static FactRef? FirstSinglePoint(IEnumerable<FactRef> facts)
    {
        var list = facts.Where(f => SinglePoint().IsMatch(f.Fact.Text)).ToList();
        return list.FirstOrDefault(f => ExplicitSinglePoint().IsMatch(f.Fact.Text)) ?? list.FirstOrDefault();
    }

    public static string Word(BackupStatus status) => status switch
    {
        BackupStatus.OffSite => "off-site",
        BackupStatus.NotOffSite => "not off-site",
        BackupStatus.NotApplicable => "not a data store",
        _ => "unknown",
    };

    [GeneratedRegex(@"single point of failure|\bspof\b|\bsingle (\w+ ){0,2}(droplet|server|instance|box|vm|host)\b|\bno (replica|failover)\b|bus factor", Options)]
    private static partial Regex SinglePoint();

    [GeneratedRegex(@"single point of failure|\bspof\b|\bno (replica|failover)\b", Options)]
    private static partial Regex ExplicitSinglePoint();

    [GeneratedRegex(@"\bbackups?\b|pg_dump|snapshots?", Options)]
    private static partial Regex Backup();

    [GeneratedRegex(@"\bno backups?\b|not backed up|(same|one) (disk|server|droplet|box|machine)|backups? (\w+ ){0,4}on the (droplet|server|box)", Options)]
    private static partial Regex NoOffSiteBackup();

    [GeneratedRegex(@"off-?site|another region|point-in-time|\bpitr\b|versioning (is )?(on|enabled)|replicated", Options)]
    private static partial Regex OffSiteBackup();
}
