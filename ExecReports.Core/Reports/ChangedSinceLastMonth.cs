using ExecReports.Core.Ingestion;
using ExecReports.Core.Reports.Metrics;

namespace ExecReports.Core.Reports;

// Every report opens with what moved: its own figures against last month, new issues, targets newly met or missed.
internal static class ChangedSinceLastMonth
{
    private const int Largest = 5;

    public static void Write(ReportContext context, ReportBuilder report)
    {
        var section = report.SectionAtTop(ReportSections.Changed);
        var previousPeriod = context.Period.Previous().ToString();

        var moved = report.Quoted
            .Where(m => m.Period == context.PeriodText && m.Value is not null && m.Better is not null && m.Kind != MetricKind.Assumption)
            .Select(m => (Now: m, Then: context.Previous.Find(m.Id)))
            .Where(x => x.Then?.Value is not null && x.Then.Value != x.Now.Value)
            .Select(x => (x.Now, Then: x.Then!, Result: Variance.Assess(x.Now.Value!.Value, x.Then!.Value!.Value, x.Now.Better!.Value,
                context.Finance.MaterialityPercent, context.Finance.MaterialityAmount, $"{previousPeriod} {x.Then.Display}", x.Now.Unit,
                Finance.CfoMetricIds.SignWords(x.Now.Id))))
            .ToList();
        // Only material moves are listed: the headline figures first, then by money impact; a count or a rate carries
        // no dollars, so its relative size orders it after the money moves.
        var movements = moved
            .Where(x => x.Result.IsMaterial)
            .OrderByDescending(x => Finance.CfoMetricIds.IsHeadline(x.Now.Id))
            .ThenByDescending(x => x.Result.MoneyImpact)
            .ThenByDescending(x => Math.Abs(x.Result.DeltaPercent ?? x.Result.Delta))
            .ThenBy(x => x.Now.Id, StringComparer.Ordinal)
            .Take(Largest)
            .ToList();
        var notListed = moved.Count - movements.Count;

        if (movements.Count == 0)
        {
            section.Missing(moved.Count == 0
                ? $"no figure in this report can be compared with {previousPeriod} (no KPI inputs for that month, or nothing moved)"
                : $"no figure in this report moved materially since {previousPeriod}");
        }
        else
        {
            section.Paragraph($"The material movements among this report's figures, {previousPeriod} → {context.PeriodText}, headline figures first, then largest money impact"
                + (notListed > 0 ? $" ({notListed} smaller or immaterial movement{(notListed == 1 ? "" : "s")} not listed):" : ":"));
            section.Table(
                ["Figure", previousPeriod, context.PeriodText, "Status", "Why"],
                movements.Select(x =>
                {
                    // The change and the thresholds the reason prints are figures too, so they are quoted.
                    var (delta, percent) = VarianceMetrics.For(x.Now, x.Then, x.Result);
                    section.Quote(delta);
                    if (percent is not null)
                    {
                        section.Quote(percent);
                    }

                    return (IReadOnlyList<string>)
                    [
                        Rendering.MarkdownText.Cell(x.Now.Label),
                        section.Quote(x.Then),
                        section.Quote(x.Now),
                        StatusWord(x.Result.Status),
                        Rendering.MarkdownText.Cell(x.Result.Reason),
                    ];
                }).ToList());
            section.Quote(context.Metrics.Get(Finance.CfoMetricIds.MaterialityPercent));
            section.Quote(context.Metrics.Get(Finance.CfoMetricIds.MaterialityAmount));
        }

        // A domain report speaks for its own entity; an executive report for the issues that matter to its role,
        // most material first (RoleIssues), so seven reports do not repeat the same five newest bullets.
        var ranked = Summary.RoleIssues.KnownIssues(context, report.Role,
            f => f.Document.Updated is { } updated && updated >= context.Period.FirstDay && updated <= context.Period.LastDay);
        var newIssues = ranked.Take(Largest).ToList();
        if (newIssues.Count > 0)
        {
            section.Paragraph($"Known issues for this report in handoffs updated in {context.PeriodText}, most material first:");
            section.Bullets(newIssues.Select(r => $"{context.Quote(r.Fact.Fact.Text)} ({Rendering.MarkdownText.Escape(r.Fact.Source)})")
                .Concat(ranked.Count > Largest ? [$"*{Summary.RoleIssues.More(ranked.Skip(Largest).ToList())}.*"] : []));
        }
        else
        {
            section.Paragraph($"No handoff with known issues for this report was updated in {context.PeriodText}.");
        }

        var targetChanges = context.Catalog.Entities
            .Where(e => report.Role.EntityId is null || e.Id == report.Role.EntityId)
            .Select(e => (Entity: e, Now: context.Metrics.Find(PortfolioCalculator.TargetAttainment(e.Id)), Then: context.Previous.Find(PortfolioCalculator.TargetAttainment(e.Id))))
            .Where(x => x.Now?.Value is not null && x.Then?.Value is not null && (x.Now.Value >= 1m) != (x.Then.Value >= 1m))
            .ToList();
        if (targetChanges.Count > 0)
        {
            section.Bullets(targetChanges.Select(x =>
                $"{Rendering.MarkdownText.Escape(x.Entity.Name)}: revenue target {(x.Now!.Value >= 1m ? "newly met" : "newly missed")} ({section.Quote(x.Then!)} of target in {previousPeriod}, {section.Quote(x.Now)} now)"));
        }

        WriteActionItems(context, report, section);
    }

    // Items opened from replies and annotations on this report's role, owned by it, or about its entity: open ones with
    // their age and owner, and the ones resolved in this period's month (since the last report went out). Nothing at all
    // when there are none, so a report without feedback reads as before.
    private static void WriteActionItems(ReportContext context, ReportBuilder report, SectionBuilder section)
    {
        var role = report.Role;
        var mine = context.Inputs.ActionItems
            .Where(a => string.Equals(a.Role, role.Id, StringComparison.OrdinalIgnoreCase) || string.Equals(a.Owner, role.Id, StringComparison.OrdinalIgnoreCase)
                || (role.EntityId is not null && a.Entity == role.EntityId))
            .ToList();
        if (mine.Count == 0)
        {
            return;
        }

        var asOf = DateOnly.FromDateTime(context.Inputs.Now.UtcDateTime);
        var open = mine.Where(a => a.IsOpen).ToList();
        var resolved = mine.Where(a => !a.IsOpen).ToList();
        section.Paragraph($"Action items: {open.Count} open, {resolved.Count} resolved in {context.PeriodText}.");
        section.Bullets(open.Select(a =>
        {
            var age = asOf.DayNumber - DateOnly.FromDateTime(a.CreatedAt.UtcDateTime).DayNumber;
            var due = a.Due is { } d ? $", due {Day(d)}{(d < asOf ? " (overdue)" : "")}" : "";
            return $"Open #{a.Id}: {context.Quote(a.Title)} — owner {Rendering.MarkdownText.Escape(a.Owner ?? "unassigned")}, {age} day{(age == 1 ? "" : "s")} old{due}";
        }).Concat(resolved.Select(a =>
            $"Resolved #{a.Id}: {context.Quote(a.Title)} — {(a.Status == Feedback.ActionStatus.Done ? "done" : "won't do")} on {Day(DateOnly.FromDateTime(a.ClosedAt!.Value.UtcDateTime))}")));
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static string StatusWord(VarianceStatus status) => status switch
    {
        VarianceStatus.OnTrack => "on track",
        VarianceStatus.AtRisk => "at risk",
        _ => "off track",
    };
}
