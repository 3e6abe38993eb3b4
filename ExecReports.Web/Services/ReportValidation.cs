using System.Runtime.CompilerServices;
using ExecReports.Core.Kpis;
using ExecReports.Core.Reports;
using ExecReports.Core.Validation;

namespace ExecReports.Web.Services;

public sealed record SetValidation(ReportSet Set, ValidationResult Result)
{
    // A report's own findings; the set-level ones (a missing report, a secret in a handoff) stay on the Reports page.
    public ValidationResult For(Report report) => ReportValidation.ForReport(Result, report.FileStem);

    public string? SendBlockedBecause => ReportValidation.SendBlockedBecause(Result);
}

// The gate's result for a set, computed once per ReportSet instance. ReportService hands out the same instance until an
// input changes, and the gate is deterministic for a set, so re-running it on every render would only burn CPU.
public sealed class ReportValidation(ReportService reports, ValidationGate gate)
{
    // Keyed by reference and weak: a set replaced in ReportService's cache takes its result with it.
    private readonly ConditionalWeakTable<ReportSet, ValidationResult> _results = [];

    public async Task<SetValidation> GetAsync(Period period, CancellationToken cancellationToken = default)
    {
        var set = await reports.GetAsync(period, cancellationToken);
        return new SetValidation(set, Validate(set));
    }

    public ValidationResult Validate(ReportSet set) => _results.GetValue(set, gate.Validate);

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
