using ExecReports.Core.Reports;

namespace ExecReports.Core.Validation;

// A report built without the month's KPI inputs of an entity it covers says "no KPI inputs recorded" and would
// otherwise pass: it is incomplete. An executive report covers every catalog entity, a domain report its own.
public static class InputsCheck
{
    public static IEnumerable<Finding> Check(ReportSet set)
    {
        var present = set.Inputs.Kpis.Where(k => k.Period == set.Period).Select(k => k.EntityId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var report in set.Reports.OrderBy(r => r.Role.Id, StringComparer.Ordinal))
        {
            var covered = report.Role.EntityId is { } own
                ? set.Inputs.Catalog.Entities.Where(e => string.Equals(e.Id, own, StringComparison.OrdinalIgnoreCase))
                : set.Inputs.Catalog.Entities;
            var missing = covered.Where(e => !present.Contains(e.Id)).Select(e => e.Name).Order(StringComparer.Ordinal).ToList();
            if (missing.Count > 0)
            {
                yield return new Finding
                {
                    Severity = Severity.Error,
                    Rule = "completeness/missing-inputs",
                    Report = report.FileStem + ".md",
                    Message = $"{report.FileStem}.md is incomplete: no KPI inputs for {set.Period} from {string.Join(", ", missing)}.",
                    Suggestion = $"Enter or import the {set.Period} KPI inputs on the KPIs page, then close the month.",
                };
            }
        }
    }
}
