using ExecReports.Core.Reports;
using ExecReports.Core.Reports.Rendering;

namespace ExecReports.Core.Reconciliation;

// Written by the engine into every report after its generator, so no generator has to remember it: the data conflicts
// that concern the report's role (its entity for a domain report), then the stale handoff notes the report quotes.
internal static class DataConflictsBox
{
    public const string ConflictsTitle = "Data conflicts";
    public const string SanityTitle = "Sanity checks";
    public const string StaleTitle = "Stale handoff notes quoted";

    public static void Write(ReportContext context, ReportBuilder report)
    {
        var conflicts = Reconciler.For(context.Conflicts, report.Role).ToList();
        if (conflicts.Count > 0)
        {
            var lines = new List<string>
            {
                $"**{ConflictsTitle}** — {conflicts.Count} figure{(conflicts.Count == 1 ? "" : "s")} stated in handoff notes disagree{(conflicts.Count == 1 ? "s" : "")} with the KPI inputs past materiality. Until each is settled, the KPI side is what this report computes with:",
                "",
            };
            lines.AddRange(conflicts.Select(c => "- " + Line(c)));
            report.Notice(string.Join('\n', lines));
        }

        var sanity = context.Sanity.Where(f => f.Roles.Contains(report.Role)).ToList();
        if (sanity.Count > 0)
        {
            report.Notice(string.Join('\n', new[] { $"**{SanityTitle}** — figures in the inputs that cannot be read as they stand:", "" }
                .Concat(sanity.Select(f => $"- {MarkdownText.Escape(f.EntityName)}, {f.Month}: {MarkdownText.Escape(f.Message)} ({MarkdownText.Escape(f.Source)})."))));
        }

        // A note is quoted when a section cites one of its lines ("(rental-3028-51st.md:14)").
        var texts = report.SectionTexts.ToList();
        var stale = context.Handoffs.Documents
            .Where(d => context.Handoffs.IsStale(d) && texts.Any(t => t.Contains(MarkdownText.Escape(d.File) + ":", StringComparison.Ordinal)))
            .OrderBy(d => d.File, StringComparer.Ordinal)
            .ToList();
        if (stale.Count > 0)
        {
            var lines = new List<string>
            {
                $"**{StaleTitle}** — what this report quotes from these notes may be out of date (past `Data:HandoffStaleDays` on {DateOnly.FromDateTime(context.Handoffs.ScannedAt.UtcDateTime):yyyy-MM-dd}):",
                "",
            };
            lines.AddRange(stale.Select(d =>
                $"- {MarkdownText.Escape(d.File)}: updated {d.Updated:yyyy-MM-dd}."));
            report.Notice(string.Join('\n', lines));
        }
    }

    private const string RecordedSide = "; the KPI inputs say ";

    // A conflict line states the note's figure, which is by definition not the book's; the figure check leaves it alone.
    public static bool IsConflictLine(string line) => line.Contains(RecordedSide, StringComparison.Ordinal) && line.Contains("the notes say ", StringComparison.Ordinal);

    // Both sources on one line: the note's file:line and the KPI field and month.
    public static string Line(DataConflict c) =>
        $"{MarkdownText.Escape(c.EntityName)}, {c.Month}, {MarkdownText.Escape(c.Figure)}: the notes say {MarkdownText.Escape(c.Stated)} "
        + string.Join(", ", c.Sources.Select(s => $"({MarkdownText.Escape(s)})"))
        + $"; the KPI inputs say {MarkdownText.Escape(c.Recorded)} (KPI {MarkdownText.Escape(c.KpiField)}, {c.Month}).";
}
