using ExecReports.Core.Ingestion;
using ExecReports.Core.Kpis;
using ExecReports.Core.Reports;
using ExecReports.Core.Reports.Finance;
using ExecReports.Core.Reports.Metrics;
using static ExecReports.Core.Reports.Metrics.YachtDeliveryCalculator;
using static ExecReports.Tests.Core.Reports.Generators.DomainInputs;

namespace ExecReports.Tests.Core.Reports.Generators;

// Materiality is the default: ±10% and ±$500, both needed.
public class YachtDeliveryReportTests
{
    private static DeliveryJob Job(string id, DeliveryStatus status, decimal quote, decimal? actual = null, decimal distance = 400m,
        IReadOnlyList<string>? crew = null, IReadOnlyList<string>? risks = null) => new()
    {
        Id = id, From = "Newport Beach", To = "San Francisco", DistanceNm = distance, Vessel = "Catalina 42", Quote = quote, ActualCost = actual,
        Status = status, Crew = crew ?? ["Skipper (owner)"], Risks = risks ?? [],
    };

    private static KpiMonth Jobs(string period, params DeliveryJob[] jobs) =>
        Month(EntityId, period, m => m with { YachtDelivery = new YachtDeliveryData { Jobs = jobs } });

    [Fact]
    public void MaterialOverrunIsOffTrackWithItsReason()
    {
        var book = Book(Inputs([Jobs("2026-11", Job("EYD-2603", DeliveryStatus.Completed, 6_200m, 7_900m))]));

        Assert.Equal(1_700m, book.Get(JobVariance("eyd-2603")).Value);
        Assert.Equal("27.4%", book.Get(JobVariancePercent("eyd-2603")).Display);
        Assert.Equal(-1_700m, book.Get(JobMargin("eyd-2603")).Value);
        Assert.Equal("-27.4%", book.Get(JobMarginPercent("eyd-2603")).Display);

        var variance = Assess(Job("EYD-2603", DeliveryStatus.Completed, 6_200m, 7_900m), FinanceOptions.Default);
        Assert.Equal(VarianceStatus.OffTrack, variance.Status);
        Assert.Contains("unfavourable and material", variance.Reason);
    }

    [Fact]
    public void SmallOverrunIsAtRiskButNotMaterial()
    {
        var variance = Assess(Job("EYD-1", DeliveryStatus.Completed, 6_000m, 6_300m), FinanceOptions.Default);

        Assert.Equal(300m, variance.Delta);
        Assert.Equal(VarianceStatus.AtRisk, variance.Status);
        Assert.Contains("unfavourable but not material", variance.Reason);
    }

    [Fact]
    public void AMarginUnderTargetIsAtRiskEvenWhenTheJobCameInUnderQuote()
    {
        var inputs = Inputs([Jobs("2026-11", Job("EYD-2601", DeliveryStatus.Completed, 9_500m, 8_700m))]);
        var book = Book(inputs);
        var section = Section(Report(inputs, ReportRole.YachtDelivery), "Job Gross Margin").Markdown;

        Assert.Equal(800m, book.Get(JobMargin("eyd-2601")).Value);
        Assert.Equal(800m, book.Get(CompletedMargin).Value);
        // 800 ÷ 9,500 = 8.4%, 16.6 points under the 25% target.
        Assert.Equal("-16.6 pp", book.Get(JobMarginGap("eyd-2601")).Display);
        Assert.Contains("| EYD-2601 | $9,500 | $8,700 | $800 | 8.4% | -16.6 pp | at risk |", section);
        Assert.Contains("Below the 25.0% target: **EYD-2601** 8.4%.", section);
        Assert.DoesNotContain("vs quote", section);
    }

    [Fact]
    public void QuotePerNauticalMileIsNotApplicableWithoutADistance()
    {
        var book = Book(Inputs([Jobs("2026-11",
            Job("EYD-1", DeliveryStatus.Quoted, 15_800m, distance: 1_200m),
            Job("EYD-2", DeliveryStatus.Quoted, 2_000m, distance: 0m))]));

        Assert.Equal(15_800m / 1_200m, book.Get(JobQuotePerNm("eyd-1")).Value);
        Assert.Equal("$13", book.Get(JobQuotePerNm("eyd-1")).Display);
        Assert.Null(book.Get(JobQuotePerNm("eyd-2")).Value);
        Assert.Equal("n/a: no distance recorded", book.Get(JobQuotePerNm("eyd-2")).Display);
    }

    [Fact]
    public void EachJobAppearsOnceAtItsLatestStatus()
    {
        var inputs = Inputs(
        [
            Jobs("2026-10", Job("EYD-1", DeliveryStatus.Scheduled, 5_000m)),
            Jobs("2026-11", Job("EYD-1", DeliveryStatus.Completed, 5_000m, 4_600m)),
        ]);

        var job = Assert.Single(YachtDeliveryCalculator.Jobs(inputs.Kpis, November));
        var section = Section(Report(inputs, ReportRole.YachtDelivery), "Jobs").Markdown;

        Assert.Equal(DeliveryStatus.Completed, job.Job.Status);
        Assert.Single(section.Split('\n'), l => l.StartsWith("| EYD-1 |", StringComparison.Ordinal));
        Assert.Contains("| completed | $5,000 | $4,600 | 2026-11 |", section);
    }

    [Fact]
    public void CrewUtilisationIsAssignmentsPerCrewMemberAndJobsWithoutCrewAreFlagged()
    {
        var inputs = Inputs([Jobs("2026-11",
            Job("EYD-1", DeliveryStatus.Completed, 5_000m, 5_000m, crew: ["Skipper (owner)", "Mate: T. Nguyen"]),
            Job("EYD-2", DeliveryStatus.Underway, 3_000m, crew: ["Skipper (owner)"]),
            Job("EYD-3", DeliveryStatus.Scheduled, 4_000m, crew: []),
            Job("EYD-4", DeliveryStatus.Cancelled, 1_000m, crew: ["Crew: K. Brooks"]))]);

        var book = Book(inputs);
        var report = Report(inputs, ReportRole.YachtDelivery);

        Assert.Equal(2m, book.Get(CrewMembers).Value);
        Assert.Equal(3m, book.Get(CrewAssignments).Value);
        Assert.Equal(1.5m, book.Get(JobsPerCrewMember).Value);
        Assert.Equal(2m, book.Get(CrewJobs("skipper-owner")).Value);
        Assert.Contains("**EYD-3** (scheduled, Newport Beach → San Francisco) has no crew assigned", Section(report, "Routes and Crew").Markdown);
        Assert.Contains("**EYD-3 has no crew** and is scheduled", Section(report, "Open Risks").Markdown);
    }

    [Fact]
    public void OpenRisksListJobRisksOverrunsInProgressAndHandoffIssues()
    {
        var handoff = Handoff(EntityId, "eyd.md", (SectionKind.KnownIssues, "Crew costs are paid from a personal card."));
        var report = Report(Inputs([Jobs("2026-11",
            Job("EYD-5", DeliveryStatus.Underway, 4_000m, 5_000m, risks: ["Point Conception weather window"]),
            Job("EYD-6", DeliveryStatus.Completed, 4_000m, 3_000m, risks: ["Closed risk that must not be listed"]))], handoff), ReportRole.YachtDelivery);

        var section = Section(report, "Open Risks").Markdown;

        Assert.Contains("**EYD-5 is over its quote while underway**: $1,000 (25.0%) — off track", section);
        Assert.Contains("EYD-5 (underway, Newport Beach → San Francisco): Point Conception weather window", section);
        Assert.Contains("Crew costs are paid from a personal card. (eyd.md:5)", section);
        Assert.DoesNotContain("Closed risk", section);
    }

    [Fact]
    public void EverySectionSaysWhenThereIsNoDeliveryDataForThePeriod()
    {
        var report = Report(Inputs([Jobs("2026-10", Job("EYD-1", DeliveryStatus.Quoted, 1_000m))]), ReportRole.YachtDelivery);

        foreach (var heading in ReportSections.For(ReportRole.YachtDelivery).Skip(2))
        {
            Assert.Equal(["no delivery job data recorded for Expert Yacht Delivery in 2026-11"], Section(report, heading).MissingInputs);
        }
    }
}
