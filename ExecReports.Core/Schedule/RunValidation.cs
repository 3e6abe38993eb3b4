using ExecReports.Core.Reports;
using ExecReports.Core.Validation;

namespace ExecReports.Core.Schedule;

public sealed record ValidationSummary(int Errors, int Warnings, IReadOnlyList<Finding> Findings)
{
    public bool HasErrors => Errors > 0;

    public string Detail => Findings.Count == 0
        ? "no validation findings"
        : $"{Errors} error(s), {Warnings} warning(s):\n" + string.Join('\n', Findings.Select(f => $"- {f.Severity} {f.Report}: {f.Message}"));
}

// The one place the schedule and the dashboard ask "may this set be sent?".
// INTERIM: the completeness checks; replaced by Validation/ValidationGate.Validate(set, roles) when it lands.
public static class RunValidation
{
    public static ValidationSummary Validate(ReportSet set, IReadOnlyList<ReportRole> expectedRoles)
    {
        var texts = set.Reports.Select(ReportText.From).ToList();
        var findings = CompletenessCheck.CheckSet(texts, expectedRoles, set.Period.ToString())
            .Concat(texts.SelectMany(CompletenessCheck.Check))
            .ToList();
        return new ValidationSummary(findings.Count(f => f.Severity == Severity.Error), findings.Count(f => f.Severity == Severity.Warning), findings);
    }
}
