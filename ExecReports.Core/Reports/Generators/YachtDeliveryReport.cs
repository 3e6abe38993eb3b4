using ExecReports.Core.Ingestion;
using ExecReports.Core.Kpis;
using ExecReports.Core.Reports.Metrics;
using ExecReports.Core.Reports.Rendering;
using static ExecReports.Core.Reports.Metrics.YachtDeliveryCalculator;

namespace ExecReports.Core.Reports.Generators;

public sealed class YachtDeliveryReport : ReportGenerator
{
    public override void Write(ReportContext context, ReportBuilder report)
    {
        var name = context.NameOf(EntityId);
        if (context.Kpi(EntityId)?.YachtDelivery is null)
        {
            foreach (var section in ReportSections.YachtDelivery.All)
            {
                report.Section(section).Missing($"no delivery job data recorded for {name} in {context.PeriodText}");
            }

            return;
        }

        var jobs = YachtDeliveryCalculator.Jobs(context.Inputs.Kpis, context.Period);
        var m = context.Metrics;
        WriteJobs(context, report.Section(ReportSections.YachtDelivery.Jobs), m, jobs, name);
        WriteRoutesAndCrew(report.Section(ReportSections.YachtDelivery.RoutesAndCrew), m, jobs, name);
        WriteCosts(context, report.Section(ReportSections.YachtDelivery.Costs), m, jobs, name);
        WriteRisks(context, report.Section(ReportSections.YachtDelivery.OpenRisks), m, jobs, name);
    }

    private static string Route(DeliveryJob job) => $"{MarkdownText.Escape(job.From)} → {MarkdownText.Escape(job.To)}";

    private static string Status(DeliveryStatus status) => status.ToString().ToLowerInvariant();

    private static void WriteJobs(ReportContext context, SectionBuilder s, MetricBook m, IReadOnlyList<JobState> jobs, string name)
    {
        if (jobs.Count == 0)
        {
            s.Missing($"no delivery jobs recorded for {name} in the {WindowMonths} months to {context.PeriodText}");
            return;
        }

        s.Paragraph($"Every job recorded in the {WindowMonths} months to {context.PeriodText}, at its latest status. "
            + $"Open jobs (quoted, scheduled, underway) are worth {s.Quote(m.Get(OpenQuote))} in quotes.");
        s.Table(["Job", "Route", "Vessel", "Status", "Quote", "Actual cost", "As of"],
            jobs.Select(j => (IReadOnlyList<string>)
            [
                MarkdownText.Cell(j.Job.Id),
                Route(j.Job),
                MarkdownText.Cell(j.Job.Vessel ?? "not recorded"),
                Status(j.Job.Status),
                s.Quote(m.Get(JobQuote(j.Slug))),
                m.Find(JobActual(j.Slug)) is { } actual ? s.Quote(actual) : "not yet known",
                j.LastSeen.ToString(),
            ]), [false, false, false, false, true, true, false]);
    }

    private static void WriteRoutesAndCrew(SectionBuilder s, MetricBook m, IReadOnlyList<JobState> jobs, string name)
    {
        var active = jobs.Where(j => j.Job.Status != DeliveryStatus.Cancelled).ToList();
        if (active.Count == 0)
        {
            s.Missing($"no delivery jobs other than cancelled ones recorded for {name}, so no routes or crew to show");
            return;
        }

        s.Table(["Job", "Route", "Distance (nm)", "Quote per nm", "Crew"],
            active.Select(j => (IReadOnlyList<string>)
            [
                MarkdownText.Cell(j.Job.Id),
                Route(j.Job),
                s.Quote(m.Get(JobDistance(j.Slug))),
                s.Quote(m.Get(JobQuotePerNm(j.Slug))),
                j.Job.Crew.Count == 0 ? "**none assigned**" : MarkdownText.Cell(string.Join(", ", j.Job.Crew)),
            ]), [false, false, true, true, false]);

        var crew = Crew(jobs);
        if (crew.Count > 0)
        {
            s.Paragraph($"Crew utilisation over the jobs above (jobs per crew member): {s.Quote(m.Get(JobsPerCrewMember))}, "
                + $"{s.Quote(m.Get(CrewAssignments))} assignments across {s.Quote(m.Get(CrewMembers))} people.");
            s.Table(["Crew member", "Jobs"], crew.Select(c => (IReadOnlyList<string>)[MarkdownText.Cell(c.Member), s.Quote(m.Get(CrewJobs(c.Slug)))]), [false, true]);
        }

        var noCrew = active.Where(j => j.Job.Crew.Count == 0).ToList();
        if (noCrew.Count > 0)
        {
            s.Paragraph("Jobs without crew:");
            s.Bullets(noCrew.Select(j => $"**{MarkdownText.Escape(j.Job.Id)}** ({Status(j.Job.Status)}, {Route(j.Job)}) has no crew assigned."));
        }
        else
        {
            s.Paragraph("Every job that is not cancelled has crew assigned.");
        }
    }

    private static void WriteCosts(ReportContext context, SectionBuilder s, MetricBook m, IReadOnlyList<JobState> jobs, string name)
    {
        var completed = jobs.Where(j => j.Job.Status == DeliveryStatus.Completed).ToList();
        var costed = completed.Where(j => j.Job.ActualCost is not null).ToList();
        if (costed.Count == 0)
        {
            s.Missing($"no completed job with an actual cost recorded for {name} in the {WindowMonths} months to {context.PeriodText}");
        }
        else
        {
            s.Paragraph($"Completed jobs in the {WindowMonths} months to {context.PeriodText}: quoted {s.Quote(m.Get(CompletedQuote))}, actual cost {s.Quote(m.Get(CompletedActual))}, "
                + $"variance {s.Quote(m.Get(CompletedVariance))}; margin {s.Quote(m.Get(CompletedMargin))} ({s.Quote(m.Get(CompletedMarginPercent))} of quotes).");
            s.Table(["Job", "Quote", "Actual", "Variance", "Variance %", "Status", "Why", "Margin", "Margin %", "Quote per nm"],
                costed.Select(j =>
                {
                    var variance = Assess(j.Job, context.Finance);
                    return (IReadOnlyList<string>)
                    [
                        MarkdownText.Cell(j.Job.Id),
                        s.Quote(m.Get(JobQuote(j.Slug))),
                        s.Quote(m.Get(JobActual(j.Slug))),
                        s.Quote(m.Get(JobVariance(j.Slug))),
                        s.Quote(m.Get(JobVariancePercent(j.Slug))),
                        DomainReport.Status(variance.Status),
                        MarkdownText.Cell(variance.Reason),
                        s.Quote(m.Get(JobMargin(j.Slug))),
                        s.Quote(m.Get(JobMarginPercent(j.Slug))),
                        s.Quote(m.Get(JobQuotePerNm(j.Slug))),
                    ];
                }), [false, true, true, true, true, false, false, true, true, true]);
        }

        var uncosted = completed.Where(j => j.Job.ActualCost is null).ToList();
        if (uncosted.Count > 0)
        {
            s.Paragraph("Completed without an actual cost recorded (margin unknown):");
            s.Bullets(uncosted.Select(j => $"**{MarkdownText.Escape(j.Job.Id)}** ({Route(j.Job)}), quoted {s.Quote(m.Get(JobQuote(j.Slug)))}."));
        }
    }

    private static void WriteRisks(ReportContext context, SectionBuilder s, MetricBook m, IReadOnlyList<JobState> jobs, string name)
    {
        var open = jobs.Where(j => IsOpen(j.Job)).ToList();
        var items = new List<string>();
        foreach (var j in open.Where(j => j.Job.Status is DeliveryStatus.Scheduled or DeliveryStatus.Underway && j.Job.Crew.Count == 0))
        {
            items.Add($"**{MarkdownText.Escape(j.Job.Id)} has no crew** and is {Status(j.Job.Status)} ({Route(j.Job)}).");
        }

        foreach (var j in open.Where(j => j.Job.ActualCost is { } actual && actual > j.Job.Quote))
        {
            var variance = Assess(j.Job, context.Finance);
            items.Add($"**{MarkdownText.Escape(j.Job.Id)} is over its quote while {Status(j.Job.Status)}**: {s.Quote(m.Get(JobVariance(j.Slug)))} "
                + $"({s.Quote(m.Get(JobVariancePercent(j.Slug)))}) — {DomainReport.Status(variance.Status)}: {MarkdownText.Escape(variance.Reason)}.");
        }

        foreach (var j in open)
        {
            items.AddRange(j.Job.Risks.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r =>
                $"{MarkdownText.Escape(j.Job.Id)} ({Status(j.Job.Status)}, {Route(j.Job)}): {context.Quote(r)}"));
        }

        var issues = context.Facts(EntityId, SectionKind.KnownIssues).ToList();
        if (items.Count == 0 && issues.Count == 0)
        {
            s.Paragraph($"No open job for {MarkdownText.Escape(name)} lists a risk, every scheduled or underway job has crew, none is over its quote, "
                + "and the handoff notes list no known issues.");
            return;
        }

        if (items.Count > 0)
        {
            s.Subheading("Open jobs");
            s.Bullets(items);
        }
        else
        {
            s.Paragraph("No open job lists a risk, lacks crew or is over its quote.");
        }

        if (issues.Count > 0)
        {
            s.Subheading("Known issues from the handoff notes");
            s.Bullets(issues.Select(f => $"{context.Quote(f.Fact.Text)} ({MarkdownText.Escape(f.Source)})"));
        }
    }
}
