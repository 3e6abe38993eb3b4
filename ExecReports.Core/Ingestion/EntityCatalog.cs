namespace ExecReports.Core.Ingestion;

public enum EntityKind
{
    Business,
    Domain,
}

public sealed record StackComponent(string Name, string Kind);

// Who a report goes to. On a catalog entity: the recipients of the domain report about that entity
// (EmailOptions.RecipientsFor gives the order in which the lists apply).
public sealed record Recipients(IReadOnlyList<string> To, IReadOnlyList<string> Bcc)
{
    public static Recipients None { get; } = new([], []);
}

public sealed record CatalogEntity
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required EntityKind Kind { get; init; }
    public string Description { get; init; } = "";
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public IReadOnlyList<string> Domains { get; init; } = [];
    public IReadOnlyList<string> Buckets { get; init; } = [];
    public IReadOnlyList<StackComponent> Stack { get; init; } = [];
    public IReadOnlyList<string> Channels { get; init; } = [];
    public Recipients Recipients { get; init; } = Recipients.None;
    public int Line { get; init; }
}

public sealed record EntityCatalog
{
    private readonly Dictionary<string, CatalogEntity> _byId;
    private readonly Dictionary<string, CatalogEntity> _byName;
    private readonly Dictionary<string, CatalogEntity> _byAlias;

    public EntityCatalog(string sourceFile, IReadOnlyList<CatalogEntity> entities)
    {
        SourceFile = sourceFile;
        Entities = entities;
        _byId = entities.ToDictionary(e => e.Id, StringComparer.OrdinalIgnoreCase);
        _byName = entities.ToDictionary(e => e.Name, StringComparer.OrdinalIgnoreCase);
        _byAlias = new Dictionary<string, CatalogEntity>(StringComparer.OrdinalIgnoreCase);
        foreach (var entity in entities)
        {
            foreach (var alias in entity.Aliases)
            {
                _byAlias.TryAdd(alias, entity);
            }
        }

        Domains = entities.SelectMany(e => e.Domains).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        Buckets = entities.SelectMany(e => e.Buckets).Distinct(StringComparer.Ordinal).ToList();
    }

    public string SourceFile { get; }
    public IReadOnlyList<CatalogEntity> Entities { get; }
    public IReadOnlyList<string> Domains { get; }
    public IReadOnlyList<string> Buckets { get; }

    public CatalogEntity? ById(string id) => _byId.GetValueOrDefault(id.Trim());

    public CatalogEntity? ByName(string name) => _byName.GetValueOrDefault(name.Trim());

    public CatalogEntity? ByAlias(string alias) => _byAlias.GetValueOrDefault(alias.Trim());

    // What a person would type: the id, the canonical name or any alias, in any case.
    public CatalogEntity? Find(string idNameOrAlias) =>
        ById(idNameOrAlias) ?? ByName(idNameOrAlias) ?? ByAlias(idNameOrAlias);
}
