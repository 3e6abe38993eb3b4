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
        WriteBusinessResult(context, report.Section(ReportSections.YachtDelivery.BusinessResult), m);
        WriteJobs(context, report.Section(ReportSections.YachtDelivery.Jobs), m, jobs, name);
        WriteRoutesAndCrew(report.Section(ReportSections.YachtDelivery.RoutesAndCrew), m, jobs, name);
        WriteMargins(context, report.Section(ReportSections.YachtDelivery.Margins), m, jobs, name);
        WriteRateCard(report.Section(ReportSections.YachtDelivery.RateCard), m, jobs);
        WriteWorkingCapital(report.Section(ReportSections.YachtDelivery.WorkingCapital), m, jobs);
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

    private static void WriteBusinessResult(ReportContext context, SectionBuilder s, MetricBook m)
    {
        s.Paragraph($"The business over the {s.Quote(m.Get(YearMonths))} month(s) of KPI data in the {WindowMonths} months to {context.PeriodText}:");
        s.Table(["Figure", "Amount"],
        [
            ["Revenue booked", s.Quote(m.Get(YearRevenue))],
            ["Direct job costs (crew, fuel, travel)", s.Quote(m.Get(YearDirectCosts))],
            ["Gross profit", s.Quote(m.Get(YearGrossProfit))],
            ["Overhead", s.Quote(m.Get(YearOverhead))],
            ["**Profit or loss**", s.Quote(m.Get(YearProfit))],
            ["Cash on hand", s.Quote(m.Get(Cash))],
            ["Months of cash (average overhead " + s.Quote(m.Get(OverheadPerMonth)) + ")", s.Quote(m.Get(MonthsOfCash))],
        ], [false, true]);
        var profit = m.Get(YearProfit);
        s.Paragraph(profit.Value < 0
            ? $"**Loss over the period: {s.Quote(profit)}**: jobs did not earn enough gross profit to carry the overhead."
            : $"Profit over the period after overhead: {s.Quote(profit)}.");
    }

    private static VarianceStatus MarginStatus(decimal margin, decimal target) =>
        margin >= target ? VarianceStatus.OnTrack : margin >= 0 ? VarianceStatus.AtRisk : VarianceStatus.OffTrack;

    private static void WriteMargins(ReportContext context, SectionBuilder s, MetricBook m, IReadOnlyList<JobState> jobs, string name)
    {
        var completed = jobs.Where(j => j.Job.Status == DeliveryStatus.Completed).ToList();
        var costed = completed.Where(j => j.Job.ActualCost is not null).ToList();
        var target = m.Get(TargetMargin);
        if (costed.Count == 0)
        {
            s.Missing($"no completed job with an actual cost recorded for {name} in the {WindowMonths} months to {context.PeriodText}");
        }
        else
        {
            var margin = m.Get(CompletedMarginPercent);
            s.Paragraph($"Gross margin is what a job keeps after its own crew, fuel and travel, as a share of its price; the target is {s.Quote(target)}. "
                + $"Completed jobs in the {WindowMonths} months to {context.PeriodText}: price {s.Quote(m.Get(CompletedQuote))}, direct cost {s.Quote(m.Get(CompletedActual))}, "
                + $"gross margin {s.Quote(m.Get(CompletedMargin))} ({s.Quote(margin)}, {s.Quote(m.Get(CompletedMarginGap))} against target).");
            s.Table(["Job", "Price", "Direct cost", "Gross margin", "Margin %", "Against target", "Status"],
                costed.Select(j => (IReadOnlyList<string>)
                [
                    MarkdownText.Cell(j.Job.Id),
                    s.Quote(m.Get(JobQuote(j.Slug))),
                    s.Quote(m.Get(JobActual(j.Slug))),
                    s.Quote(m.Get(JobMargin(j.Slug))),
                    s.Quote(m.Get(JobMarginPercent(j.Slug))),
                    m.Find(JobMarginGap(j.Slug)) is { } gap ? s.Quote(gap) : "n/a",
                    m.Get(JobMarginPercent(j.Slug)).Value is { } v ? DomainReport.Status(MarginStatus(v, target.Value!.Value)) : "n/a",
                ]), [false, true, true, true, true, true, false]);
            var below = costed.Where(j => m.Get(JobMarginPercent(j.Slug)).Value < target.Value).ToList();
            if (below.Count > 0)
            {
                s.Paragraph($"Below the {s.Quote(target)} target: " + string.Join("; ", below.Select(j =>
                    $"**{MarkdownText.Escape(j.Job.Id)}** {s.Quote(m.Get(JobMarginPercent(j.Slug)))}")) + ".");
            }
        }

        var uncosted = completed.Where(j => j.Job.ActualCost is null).ToList();
        if (uncosted.Count > 0)
        {
            s.Paragraph("Completed without an actual cost recorded (margin unknown):");
            s.Bullets(uncosted.Select(j => $"**{MarkdownText.Escape(j.Job.Id)}** ({Route(j.Job)}), quoted {s.Quote(m.Get(JobQuote(j.Slug)))}."));
        }
    }

    private static void WriteRateCard(SectionBuilder s, MetricBook m, IReadOnlyList<JobState> jobs)
    {
        var costed = Costed(jobs);
        if (costed.Count == 0)
        {
            s.Missing("no completed job with both an actual cost and a distance, so no cost per nautical mile");
            return;
        }

        s.Table(["Job", "Distance (nm)", "Cost per nm", "Quote per nm"],
            costed.Select(j => (IReadOnlyList<string>)
            [
                MarkdownText.Cell(j.Job.Id),
                s.Quote(m.Get(JobDistance(j.Slug))),
                s.Quote(m.Get(JobCostPerNm(j.Slug))),
                s.Quote(m.Get(JobQuotePerNm(j.Slug))),
            ]), [false, true, true, true]);
        var cost = m.Get(CompletedCostPerNm);
        var quote = m.Get(CompletedQuotePerNm);
        var recommended = m.Get(RecommendedRatePerNm);
        s.Paragraph($"Over {s.Quote(m.Get(CompletedDistance))} nm delivered, direct cost ran {s.Quote(cost)} per nm against quotes of {s.Quote(quote)} per nm.");
        s.Paragraph(quote.Value >= recommended.Value
            ? $"Rate card: the current quotes per nm already earn the {s.Quote(m.Get(TargetMargin))} target (at least {s.Quote(recommended)} per nm needed); keep them."
            : $"**Rate card: quote at least {s.Quote(recommended)} per nm** (cost per nm ÷ (1 − {s.Quote(m.Get(TargetMargin))} target margin)); "
                + $"today's {s.Quote(quote)} per nm leaves the target unmet. Overhead is not in this rate: it has to come from the margin.");
    }

    private static void WriteWorkingCapital(SectionBuilder s, MetricBook m, IReadOnlyList<JobState> jobs)
    {
        var open = jobs.Where(j => IsOpen(j.Job)).ToList();
        if (open.Count == 0)
        {
            s.Paragraph("No open job: no working capital is committed.");
            return;
        }

        s.Paragraph("Crew, fuel and travel are paid before the client pays on delivery, so each job needs its direct cost in cash up front "
            + "(estimated as its distance × the direct cost per nm of completed jobs).");
        s.Table(["Job", "Status", "Distance (nm)", "Working capital needed"],
            open.Select(j => (IReadOnlyList<string>)
            [
                MarkdownText.Cell(j.Job.Id),
                Status(j.Job.Status),
                s.Quote(m.Get(JobDistance(j.Slug))),
                s.Quote(m.Get(JobWorkingCapital(j.Slug))),
            ]), [false, false, true, true]);
        var after = m.Get(CashAfterScheduled);
        s.Paragraph($"Scheduled and underway jobs need {s.Quote(m.Get(ScheduledWorkingCapital))} against cash on hand of {s.Quote(m.Get(Cash))}: "
            + $"{s.Quote(after)} left after funding them.");
        if (after.Value < 0)
        {
            s.Paragraph("**Cash does not cover the committed jobs**: ask for a deposit on booking or fund the gap before departure.");
        }

        foreach (var quoted in open.Where(j => j.Job.Status == DeliveryStatus.Quoted && m.Get(JobWorkingCapital(j.Slug)).Value is { } need && need > (after.Value ?? 0m)))
        {
            s.Paragraph($"If **{MarkdownText.Escape(quoted.Job.Id)}** is accepted it needs {s.Quote(m.Get(JobWorkingCapital(quoted.Slug)))}, more than the cash left: "
                + "take a deposit with the booking.");
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
