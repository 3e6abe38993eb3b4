using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reports;
using ExecReports.Core.Validation;

namespace ExecReports.Web.Services;

public sealed record SetValidation(ReportSet Set, ValidationResult Result)
{
    // A report's own findings; the set-level ones (a missing report, a secret in a handoff) stay on the Reports page.
    public ValidationResult For(Report report) => ReportValidation.ForReport(Result, report.FileStem);

    public string? SendBlockedBecause => ReportValidation.SendBlockedBecause(Result);
}

// The gate's result for the pages (the gate itself keeps one result per set), and how the pages slice it.
public sealed class ReportValidation(ReportService reports, ValidationGate gate)
{
    public async Task<SetValidation> GetAsync(Period period, CancellationToken cancellationToken = default)
    {
        var set = await reports.GetAsync(period, cancellationToken);
        return new SetValidation(set, gate.Validate(set));
    }

    public ValidationResult Validate(ReportSet set) => gate.Validate(set);

    public static ValidationResult ForReport(ValidationResult result, string fileStem) =>
        new(result.Findings.Where(f => f.Report is { } name && FileStemOf(name) == fileStem));

    // "cfo-report.md" and "cfo-report" (a missing report) both belong to the CFO report; "handoffs/x.md" to none.
    public static ReportRole? RoleOf(Finding finding) =>
        finding.Report is { } name ? ReportRole.All.FirstOrDefault(r => FileStemOf(name) == $"{r.Id}-report") : null;

    public static string? SendBlockedBecause(ValidationResult result) => result.Errors switch
    {
        0 => null,
        1 => "1 validation error: fix it before sending",
        var n => $"{n} validation errors: fix them before sending",
    };

    private static string FileStemOf(string name) => name.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? name[..^3] : name;
}
