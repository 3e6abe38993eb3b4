using System.Net.Mail;
using ExecReports.Core.Primitives;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ExecReports.Core.Ingestion;

// Reads the YAML node tree rather than deserialising, so every problem can name its line, and all of them
// are reported at once instead of one per edit-and-restart.
public static class EntityCatalogLoader
{
    private static readonly HashSet<string> RootKeys = ["entities"];

    // Removed keys get a message that says where the setting lives now, not just "unknown key".
    private static readonly Dictionary<string, string> MovedRootKeys = new(StringComparer.Ordinal)
    {
        ["defaultRecipients"] = "is no longer read: the default report recipients are Email:Recipients:Default; "
            + "an entity's own 'recipients' still receive the domain report about it",
    };
    private static readonly HashSet<string> EntityKeys =
        ["id", "name", "kind", "description", "aliases", "domains", "buckets", "stack", "channels", "recipients"];
    private static readonly HashSet<string> StackKeys = ["name", "kind"];
    private static readonly HashSet<string> RecipientKeys = ["to", "bcc"];

    // Throws CatalogException and nothing else, whatever the file holds.
    public static EntityCatalog Load(string path, long maxBytes = InputLimits.CatalogMaxBytes)
    {
        string text;
        try
        {
            // Links are followed (a mounted config map is one), but only to a regular file: a FIFO would hang every reader.
            var real = RegularFile.RealPath(path) ?? throw new IOException("does not exist");
            var kind = RegularFile.KindOf(real);
            if (kind != FileKind.Regular)
            {
                throw new IOException($"is {RegularFile.Describe(kind)}, not a regular file; it was not opened");
            }

            using var reader = new StreamReader(new MemoryStream(RegularFile.Read(real, maxBytes)), detectEncodingFromByteOrderMarks: true);
            text = reader.ReadToEnd();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CatalogException(path, [new CatalogProblem(path, 0, "file", $"cannot be read: {e.Message}")]);
        }

        return Parse(text, path);
    }

    public static EntityCatalog Parse(string yaml, string file)
    {
        var reader = new Reader(file);
        EntityCatalog? catalog;
        try
        {
            catalog = reader.Read(yaml);
        }
        catch (Exception e)
        {
            // The node walk meeting something unforeseen is one more problem with this file, not a crash.
            reader.Problems.Add(new CatalogProblem(file, 0, "yaml", $"could not be read ({e.GetType().Name}: {e.Message})"));
            catalog = null;
        }

        if (reader.Problems.Count > 0 || catalog is null)
        {
            throw new CatalogException(file, reader.Problems);
        }

        return catalog;
    }

    private sealed class Reader(string file)
    {
        private readonly Dictionary<string, long> _idLines = new(StringComparer.OrdinalIgnoreCase);

        public List<CatalogProblem> Problems { get; } = [];

        public EntityCatalog? Read(string yaml)
        {
            // Depth and alias expansion are checked by the non-recursive event parser before the node tree is built.
            if (NestingGuard.CheckYaml(yaml) is { } problem)
            {
                Add(problem.Line, "yaml", problem.Message);
                return null;
            }

            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(yaml));
            }
            catch (YamlException e)
            {
                Add(e.Start.Line, "yaml", (e.InnerException?.Message ?? e.Message).Trim());
                return null;
            }

            if (stream.Documents.Count == 0)
            {
                Add(0, "entities", "file is empty; expected a mapping with an 'entities' list");
                return null;
            }

            if (stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                Add(stream.Documents[0].RootNode.Start.Line, "(root)", "expected a mapping with an 'entities' list");
                return null;
            }

            CheckKeys(root, RootKeys, "", MovedRootKeys);

            var entities = new List<CatalogEntity>();
            switch (Child(root, "entities"))
            {
                case null:
                    Add(root.Start.Line, "entities", "is missing");
                    break;
                case YamlSequenceNode list:
                    for (var i = 0; i < list.Children.Count; i++)
                    {
                        if (ReadEntity(list.Children[i], $"entities[{i}]") is { } entity)
                        {
                            entities.Add(entity);
                        }
                    }

                    break;
                case var other:
                    Add(other.Start.Line, "entities", "must be a list");
                    break;
            }

            CheckUniqueness(entities);
            return Problems.Count == 0 ? new EntityCatalog(file, entities) : null;
        }

        private CatalogEntity? ReadEntity(YamlNode node, string path)
        {
            if (node is not YamlMappingNode map)
            {
                Add(node.Start.Line, path, "must be a mapping with id, name and kind");
                return null;
            }

            CheckKeys(map, EntityKeys, path + ".");
            var id = RequiredScalar(map, "id", path);
            var name = RequiredScalar(map, "name", path);
            var kindText = RequiredScalar(map, "kind", path);

            if (id is not null && !Slugs.IsSlug(id))
            {
                Add(Child(map, "id")!.Start.Line, $"{path}.id", $"'{id}' must be a lowercase slug (letters, digits and single '-')");
            }

            // Checked here rather than over the finished entities so a duplicate is found even when the
            // first copy has other problems.
            if (id is not null && !_idLines.TryAdd(id, map.Start.Line))
            {
                Add(map.Start.Line, $"{path}.id", $"duplicate id '{id}' (first defined on line {_idLines[id]})");
            }

            EntityKind? kind = null;
            if (kindText is not null)
            {
                if (Enum.TryParse<EntityKind>(kindText, ignoreCase: true, out var parsed) && !int.TryParse(kindText, out _))
                {
                    kind = parsed;
                }
                else
                {
                    Add(Child(map, "kind")!.Start.Line, $"{path}.kind", $"'{kindText}' is not a kind; use 'business' or 'domain'");
                }
            }

            var domains = StringList(map, "domains", path);
            foreach (var (domain, line, i) in domains)
            {
                foreach (var problem in DomainName.Validate(domain))
                {
                    Add(line, $"{path}.domains[{i}]", problem);
                }
            }

            var buckets = StringList(map, "buckets", path);
            foreach (var (bucket, line, i) in buckets)
            {
                foreach (var problem in S3BucketName.Validate(bucket))
                {
                    Add(line, $"{path}.buckets[{i}]", problem);
                }
            }

            var stack = new List<StackComponent>();
            if (Child(map, "stack") is { } stackNode)
            {
                if (stackNode is YamlSequenceNode items)
                {
                    for (var i = 0; i < items.Children.Count; i++)
                    {
                        if (ReadStack(items.Children[i], $"{path}.stack[{i}]") is { } component)
                        {
                            stack.Add(component);
                        }
                    }
                }
                else
                {
                    Add(stackNode.Start.Line, $"{path}.stack", "must be a list");
                }
            }

            var recipients = Child(map, "recipients") is { } recipientsNode ? ReadRecipients(recipientsNode, $"{path}.recipients") : Recipients.None;

            if (id is null || name is null || kind is null)
            {
                return null;
            }

            return new CatalogEntity
            {
                Id = id,
                Name = name,
                Kind = kind.Value,
                Description = OptionalScalar(map, "description", path) ?? "",
                Aliases = StringList(map, "aliases", path).Select(a => a.Value).ToList(),
                Domains = domains.Select(d => d.Value.ToLowerInvariant()).ToList(),
                Buckets = buckets.Select(b => b.Value).ToList(),
                Stack = stack,
                Channels = StringList(map, "channels", path).Select(c => c.Value).ToList(),
                Recipients = recipients,
                Line = checked((int)map.Start.Line),
            };
        }

        private StackComponent? ReadStack(YamlNode node, string path)
        {
            // "- PostgreSQL" is accepted as shorthand for a component of unspecified kind.
            if (node is YamlScalarNode scalar && !string.IsNullOrWhiteSpace(scalar.Value))
            {
                return new StackComponent(scalar.Value.Trim(), "other");
            }

            if (node is not YamlMappingNode map)
            {
                Add(node.Start.Line, path, "must be a name or a mapping with name and kind");
                return null;
            }

            CheckKeys(map, StackKeys, path + ".");
            var name = RequiredScalar(map, "name", path);
            var kind = OptionalScalar(map, "kind", path) ?? "other";
            return name is null ? null : new StackComponent(name, kind);
        }

        private Recipients ReadRecipients(YamlNode node, string path)
        {
            if (node is not YamlMappingNode map)
            {
                Add(node.Start.Line, path, "must be a mapping with 'to' and 'bcc' lists");
                return Recipients.None;
            }

            CheckKeys(map, RecipientKeys, path + ".");
            var to = StringList(map, "to", path);
            var bcc = StringList(map, "bcc", path);
            foreach (var (address, line, i, field) in to.Select(t => (t.Value, t.Line, t.Index, "to")).Concat(bcc.Select(b => (b.Value, b.Line, b.Index, "bcc"))))
            {
                if (!MailAddress.TryCreate(address, out var parsed) || parsed.Address != address)
                {
                    Add(line, $"{path}.{field}[{i}]", $"'{address}' is not an email address");
                }
            }

            return new Recipients(to.Select(t => t.Value).ToList(), bcc.Select(b => b.Value).ToList());
        }

        private void CheckUniqueness(List<CatalogEntity> entities)
        {
            // A name or alias that points at two entities would make handoff assignment a coin toss.
            var names = new Dictionary<string, CatalogEntity>(StringComparer.OrdinalIgnoreCase);
            foreach (var entity in entities)
            {
                foreach (var key in new[] { entity.Id, entity.Name }.Concat(entity.Aliases).Distinct(StringComparer.OrdinalIgnoreCase))
                {
                    if (names.TryGetValue(key, out var owner) && owner.Id != entity.Id)
                    {
                        Add(entity.Line, "name/aliases", $"'{key}' of '{entity.Id}' is already the id, name or alias of '{owner.Id}' (line {owner.Line})");
                    }
                    else
                    {
                        names[key] = entity;
                    }
                }
            }
        }

        private void CheckKeys(YamlMappingNode map, HashSet<string> known, string prefix, Dictionary<string, string>? moved = null)
        {
            foreach (var key in map.Children.Keys)
            {
                var name = (key as YamlScalarNode)?.Value ?? "";
                if (moved is not null && moved.TryGetValue(name, out var where))
                {
                    Add(key.Start.Line, prefix + name, where);
                }
                else if (!known.Contains(name))
                {
                    Add(key.Start.Line, prefix + name, $"unknown key '{name}'; expected one of: {string.Join(", ", known)}");
                }
            }
        }

        private string? RequiredScalar(YamlMappingNode map, string key, string path)
        {
            var node = Child(map, key);
            if (node is null)
            {
                Add(map.Start.Line, $"{path}.{key}", "is missing");
                return null;
            }

            if (node is not YamlScalarNode scalar || string.IsNullOrWhiteSpace(scalar.Value))
            {
                Add(node.Start.Line, $"{path}.{key}", "must be a non-empty text value");
                return null;
            }

            return scalar.Value.Trim();
        }

        private string? OptionalScalar(YamlMappingNode map, string key, string path)
        {
            var node = Child(map, key);
            if (node is null)
            {
                return null;
            }

            if (node is not YamlScalarNode scalar)
            {
                Add(node.Start.Line, $"{path}.{key}", "must be a text value");
                return null;
            }

            return scalar.Value?.Trim();
        }

        private List<(string Value, long Line, int Index)> StringList(YamlMappingNode map, string key, string path)
        {
            var result = new List<(string, long, int)>();
            var node = Child(map, key);
            if (node is null)
            {
                return result;
            }

            if (node is not YamlSequenceNode list)
            {
                Add(node.Start.Line, $"{path}.{key}", "must be a list, e.g. [a, b]");
                return result;
            }

            for (var i = 0; i < list.Children.Count; i++)
            {
                if (list.Children[i] is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value))
                {
                    result.Add((value.Trim(), list.Children[i].Start.Line, i));
                }
                else
                {
                    Add(list.Children[i].Start.Line, $"{path}.{key}[{i}]", "must be a non-empty text value");
                }
            }

            return result;
        }

        private static YamlNode? Child(YamlMappingNode map, string key) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

        private void Add(long line, string field, string message) => Problems.Add(new CatalogProblem(file, line, field, message));
    }
}
