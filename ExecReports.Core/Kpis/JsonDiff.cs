using System.Text.Json;
using System.Text.Json.Nodes;

namespace ExecReports.Core.Kpis;

// Field-level differences between two JSON trees, with paths like `expenses[2].amount`.
public static class JsonDiff
{
    public sealed record Change(string FieldPath, string? OldValue, string? NewValue);

    public static IReadOnlyList<Change> Compare(JsonNode? before, JsonNode? after)
    {
        var changes = new List<Change>();
        Walk("", before, after, changes);
        return changes;
    }

    private static void Walk(string path, JsonNode? before, JsonNode? after, List<Change> changes)
    {
        switch (before, after)
        {
            case (JsonObject a, JsonObject b):
                foreach (var (key, value) in b)
                {
                    Walk(Join(path, key), a[key], value, changes);
                }

                foreach (var (key, value) in a)
                {
                    if (!b.ContainsKey(key))
                    {
                        Walk(Join(path, key), value, null, changes);
                    }
                }

                break;

            case (JsonArray a, JsonArray b):
                for (var i = 0; i < Math.Max(a.Count, b.Count); i++)
                {
                    Walk($"{path}[{i}]", i < a.Count ? a[i] : null, i < b.Count ? b[i] : null, changes);
                }

                break;

            default:
                if (!SameValue(before, after))
                {
                    changes.Add(new Change(path, Text(before), Text(after)));
                }

                break;
        }
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    // 1200 and 1200.00 are the same amount; a re-typed number is not an edit.
    private static bool SameValue(JsonNode? a, JsonNode? b)
    {
        if (a is JsonValue va && b is JsonValue vb
            && va.GetValueKind() == JsonValueKind.Number && vb.GetValueKind() == JsonValueKind.Number
            && va.TryGetValue<decimal>(out var da) && vb.TryGetValue<decimal>(out var db))
        {
            return da == db;
        }

        return JsonNode.DeepEquals(a, b);
    }

    // Strings without their quotes; numbers, booleans, objects and arrays as JSON text; absent as null.
    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };
}
