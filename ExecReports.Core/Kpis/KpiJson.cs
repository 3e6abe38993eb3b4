using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ExecReports.Core.Kpis;

// One JSON shape for storage, export, import and samples: camelCase, enums as lowercase words.
public static class KpiJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions(indented: false);
    public static JsonSerializerOptions Indented { get; } = CreateOptions(indented: true);

    private static JsonSerializerOptions CreateOptions(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            RespectNullableAnnotations = true,
            // An unknown field is an error rather than silently dropped data.
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { NothingRequired } },
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly();
        return options;
    }

    // A missing required text is left null for KpiValidator to report with its wording; a missing
    // required number, date or enum stays a serializer error, or it would silently become 0.
    private static void NothingRequired(JsonTypeInfo typeInfo)
    {
        foreach (var property in typeInfo.Properties)
        {
            if (!property.PropertyType.IsValueType)
            {
                property.IsRequired = false;
            }
        }
    }

    public static string Serialize(KpiMonth month) => JsonSerializer.Serialize(month, Options);

    public static KpiMonth Deserialize(string json) =>
        JsonSerializer.Deserialize<KpiMonth>(json, Options) ?? throw new JsonException("The document is null.");

    // Parses one record, turning a serializer failure into an error on the field it hit.
    public static (KpiMonth? Month, KpiError? Error) TryDeserialize(JsonNode? node)
    {
        if (node is not JsonObject)
        {
            return (null, new KpiError("", $"must be a JSON object, not {node?.GetValueKind().ToString() ?? "null"}."));
        }

        try
        {
            return (node.Deserialize<KpiMonth>(Options), null);
        }
        catch (JsonException ex)
        {
            return (null, new KpiError(FieldPath(ex), Describe(ex)));
        }
    }

    public static string FieldPath(JsonException ex)
    {
        var path = ex.Path is null or "$" ? "" : ex.Path.StartsWith("$.", StringComparison.Ordinal) ? ex.Path[2..] : ex.Path.TrimStart('$');
        return MissingField(ex) is { } missing ? (path.Length == 0 ? missing : $"{path}.{missing}") : path;
    }

    private static string? MissingField(JsonException ex)
    {
        const string marker = "missing required properties including: '";
        var at = ex.Message.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var start = at + marker.Length;
        var end = ex.Message.IndexOf('\'', start);
        return end > start ? ex.Message[start..end] : null;
    }

    // The serializer appends "Path: ... | LineNumber ..." and type names; keep the human part.
    public static string Describe(JsonException ex)
    {
        if (MissingField(ex) is not null)
        {
            return "is required.";
        }

        var message = ex.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        message = cut >= 0 ? message[..cut] : message;
        if (message.StartsWith("The JSON value could not be converted to ", StringComparison.Ordinal))
        {
            var type = message["The JSON value could not be converted to ".Length..].TrimEnd('.');
            message = $"has the wrong type (expected {FriendlyType(type)}).";
        }

        return message;
    }

    private static string FriendlyType(string clrType) => clrType switch
    {
        _ when clrType.Contains("Decimal", StringComparison.Ordinal) => "a number",
        _ when clrType.Contains("Int32", StringComparison.Ordinal) => "a whole number",
        _ when clrType.Contains("Boolean", StringComparison.Ordinal) => "true or false",
        _ when clrType.Contains("DateOnly", StringComparison.Ordinal) => "a date YYYY-MM-DD",
        _ when clrType.Contains("String", StringComparison.Ordinal) => "text",
        _ when clrType.Contains("PipelineStage", StringComparison.Ordinal) => "one of " + Names<PipelineStage>(),
        _ when clrType.Contains("DeliveryStatus", StringComparison.Ordinal) => "one of " + Names<DeliveryStatus>(),
        _ when clrType.Contains("BillingType", StringComparison.Ordinal) => "one of " + Names<BillingType>(),
        _ when clrType.Contains("AccountType", StringComparison.Ordinal) => "one of " + Names<AccountType>(),
        _ => clrType[(clrType.LastIndexOf('.') + 1)..],
    };

    private static string Names<T>() where T : struct, Enum =>
        string.Join("/", Enum.GetNames<T>().Select(JsonNamingPolicy.CamelCase.ConvertName));
}

public sealed record KpiError(string FieldPath, string Message)
{
    public override string ToString() => FieldPath.Length == 0 ? Message : $"{FieldPath}: {Message}";
}
