using System.ComponentModel.DataAnnotations;

namespace ExecReports.Core.Configuration;

// "App": { "BaseUrl": "https://reports.example.com" } — where the web app is reached; each email links to its
// report's preview there. Unset: no link, because a guessed address would send readers nowhere.
public sealed class AppOptions : IValidatableObject
{
    public const string SectionName = "App";

    public string? BaseUrl { get; init; }

    // "https://reports.example.com/reports/2026-11/cfo", or null when BaseUrl is unset.
    public string? PreviewUrl(string period, string roleId) =>
        string.IsNullOrWhiteSpace(BaseUrl) ? null : $"{BaseUrl.TrimEnd('/')}/reports/{Uri.EscapeDataString(period)}/{Uri.EscapeDataString(roleId)}";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(BaseUrl)
            && !(Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment)))
        {
            yield return new ValidationResult($"App:BaseUrl '{BaseUrl}' must be an absolute http or https address without a query, e.g. https://reports.example.com.", [nameof(BaseUrl)]);
        }
    }
}
