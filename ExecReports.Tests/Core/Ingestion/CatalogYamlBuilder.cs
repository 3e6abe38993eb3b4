using System.Text;

namespace ExecReports.Tests.Core.Ingestion;

// Writes a catalog in the same block style as samples/entities.yaml; tests find lines with LineOf.
public sealed class CatalogYamlBuilder
{
    private readonly StringBuilder _yaml = new("entities:\n");

    public CatalogYamlBuilder Entity(string? id = "acme", string? name = "Acme", string? kind = "business",
        string[]? domains = null, string[]? buckets = null, string[]? aliases = null, params string[] extraLines)
    {
        var first = true;
        void Line(string text)
        {
            _yaml.Append(first ? "  - " : "    ").Append(text).Append('\n');
            first = false;
        }

        var fields = new (string Key, string? Value)[]
        {
            ("id", id), ("name", name), ("kind", kind),
            ("aliases", aliases is null ? null : $"[{string.Join(", ", aliases)}]"),
            ("domains", domains is null ? null : $"[{string.Join(", ", domains)}]"),
            ("buckets", buckets is null ? null : $"[{string.Join(", ", buckets)}]"),
        };
        foreach (var (key, value) in fields.Where(f => f.Value is not null))
        {
            Line($"{key}: {value}");
        }

        foreach (var extra in extraLines)
        {
            Line(extra);
        }

        if (first)
        {
            Line("{}");
        }

        return this;
    }

    public string Build() => _yaml.ToString();

    public static int LineOf(string yaml, string snippet)
    {
        var lines = yaml.Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains(snippet, StringComparison.Ordinal));
        return index < 0 ? throw new ArgumentException($"'{snippet}' is not in the YAML") : index + 1;
    }
}
