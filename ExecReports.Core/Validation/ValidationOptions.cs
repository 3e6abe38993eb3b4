using ExecReports.Core.Reports;

namespace ExecReports.Core.Validation;

// "Validation": { "DomainReports": ["rental", "yacht-delivery", "portfolio-billing"] }
public sealed class ValidationOptions
{
    public const string SectionName = "Validation";

    // Domain reports a complete set must hold besides the five executive reports. Not `required`: an empty JSON
    // array binds to nothing, and "no domain reports" is a valid choice.
    public IReadOnlyList<string> DomainReports { get; init; } = [];

    public IReadOnlyList<string> Problems() =>
        DomainReports
            .Where(id => ReportRole.Find(id) is not { Kind: ReportKind.Domain })
            .Select(id => $"Validation:DomainReports: '{id}' is not a domain report (one of {string.Join(", ", ReportRole.All.Where(r => r.Kind == ReportKind.Domain).Select(r => r.Id))}).")
            .ToList();
}
