namespace ExecReports.Core.Secrets;

public enum SecretSeverity
{
    Warning,
    Error,
}

// Line and Column are 1-based and point at the start of the secret itself (not the key name before it);
// Length is in characters of the original text, so a multi-line private key spans several lines.
public sealed record SecretFinding(
    string RuleId,
    SecretSeverity Severity,
    int Line,
    int Column,
    int Length,
    string RedactedExcerpt,
    string Message);
