using ExecReports.Core.Ingestion;
using ExecReports.Core.Secrets;

namespace ExecReports.Core.Validation;

// The secret scanner's findings as gate findings. Messages carry only the scanner's redacted excerpt, never the secret.
public sealed class SecretsCheck(SecretScanner scanner)
{
    public IEnumerable<Finding> Check(ReportText report) =>
        scanner.Scan(report.Text).Select(f => new Finding
        {
            Severity = Map(f.Severity),
            Rule = $"{RuleFamilies.Secrets}/{f.RuleId}",
            Report = report.Name,
            Section = report.SectionAt(f.Line),
            Line = f.Line,
            Message = $"{report.Name} line {f.Line}: {f.Message}{Excerpt(f)}",
            Suggestion = f.Severity == SecretSeverity.Error ? "Remove it from the report, rotate the credential, and regenerate." : null,
        });

    // A credential in a handoff never reaches a report (generators quote through redaction), but it is still leaked
    // wherever the handoff is: warn so it gets rotated.
    public IEnumerable<Finding> CheckHandoffs(HandoffSnapshot handoffs) =>
        handoffs.Documents
            .OrderBy(d => d.File, StringComparer.Ordinal)
            .SelectMany(d => scanner.Scan(d.Raw).Select(f => new Finding
            {
                Severity = Severity.Warning,
                Rule = $"{RuleFamilies.Secrets}/{f.RuleId}",
                Report = HandoffName(d.File),
                Line = f.Line,
                Message = $"A credential in handoff {d.File} line {f.Line} ({SecretRules.Describe(f.RuleId)}) will be redacted in reports; rotate it.{Excerpt(f)}",
                Suggestion = $"Rotate the credential and remove it from {d.File}.",
            }));

    public static string HandoffName(string file) => $"handoffs/{file}";

    private static string Excerpt(SecretFinding finding) =>
        string.IsNullOrWhiteSpace(finding.RedactedExcerpt) ? "" : $" Excerpt: {finding.RedactedExcerpt.Trim()}";

    private static Severity Map(SecretSeverity severity) => severity == SecretSeverity.Error ? Severity.Error : Severity.Warning;
}
