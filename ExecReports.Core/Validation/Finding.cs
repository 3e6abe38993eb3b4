using System.Text.Json.Serialization;

namespace ExecReports.Core.Validation;

[JsonConverter(typeof(JsonStringEnumConverter<Severity>))]
public enum Severity { Error, Warning }

public sealed record Finding
{
    public required Severity Severity { get; init; }

    // "<family>/<rule>", e.g. "secrets/stripe-secret-key", "names/near-miss", "figures/mismatch".
    public required string Rule { get; init; }
    public string? Report { get; init; }
    public string? Section { get; init; }
    public int? Line { get; init; }
    public required string Message { get; init; }
    public string? Suggestion { get; init; }

    public string Family => Rule.Split('/')[0];
}

public static class RuleFamilies
{
    public const string Completeness = "completeness";
    public const string Secrets = "secrets";
    public const string Names = "names";
    public const string Figures = "figures";

    public static readonly IReadOnlyList<string> All = [Completeness, Secrets, Names, Figures];
}
