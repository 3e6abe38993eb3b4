using ExecReports.Core.Kpis;
using ExecReports.Core.Reports;
using ExecReports.Tests.Core.Ingestion;
using ExecReports.Tests.Support;

namespace ExecReports.Tests.Core.Reports.Generators;

public class CtoDepthTests
{
    private static Report Cto(ReportInputs inputs) => TestReportEngine.Default.Generate(inputs, [ReportRole.Cto]).For(ReportRole.Cto)!;

    private static string Section(Report report, string heading) => report.Sections.Single(s => s.Heading == heading).Markdown;

    private static ReportInputs Jada(params string[] nextSteps) => new ReportInputsBuilder()
        .Kpi(new KpiMonthBuilder().For("jada", "2026-11"))
        .Handoff("shipcaptaincrew.md", new HandoffBuilder().FrontMatter("entity", "jada").FrontMatter("updated", "2026-11-18")
            .Section("Known issues", "The droplet is a single point of failure: no replica, nightly `pg_dump` to the same disk only.")
            .Section("Next steps", nextSteps))
        .Build();

    [Fact]
    public void FinanceAndOperationsNextStepsLeaveTheRoadmapAndEngineeringStepsStay()
    {
        var roadmap = Section(Cto(Jada(
            "Move nightly backups off the droplet to S3.",
            "Book deposits to deferred revenue; record OTA payouts gross with commission as an expense.",
            "Send reminders for the two overdue invoices.",
            "Paginate the invoice PDF job.")), "Engineering Roadmap");

        Assert.Contains("Move nightly backups off the droplet to S3.", roadmap);
        Assert.Contains("Paginate the invoice PDF job.", roadmap);
        Assert.DoesNotContain("Book deposits to deferred revenue", roadmap);
        Assert.DoesNotContain("Send reminders", roadmap);
        Assert.Contains("Not engineering, left out: 2 next steps", roadmap);
    }

    [Fact]
    public void TheResilienceAuditNamesTheSinglePointAndTheSameDiskBackupWithTheirSource()
    {
        var resilience = Section(Cto(Jada("Move nightly backups off the droplet to S3.")), "Resilience Audit");

        Assert.Contains("Single points of failure: 2; data stores without a known off-site backup: 1.", resilience);
        Assert.Contains("| PostgreSQL (database) | yes | not off-site |", resilience);
        Assert.Contains("| Stripe (payments) | no: provider-run | not a data store | — |", resilience);
        Assert.Contains("`shipcaptaincrew.md:", resilience);
        Assert.Contains("Planned in the handoffs (also in the roadmap): Move nightly backups off the droplet to S3.", resilience);
    }

    [Fact]
    public void ImpossibleFunnelRatesAreFlaggedInTheUxTable()
    {
        var inputs = new ReportInputsBuilder()
            .Kpi(new KpiMonthBuilder().For("queenofsandiego", "2026-11").With(m => m with
            {
                Channels = [new ChannelMetrics { Channel = "Viator", Listed = true, Live = true, Visits = 750, Inquiries = 10, Bookings = 22 }],
            }))
            .Build();

        var ux = Section(Cto(inputs), "UX & Analytics Gaps");

        Assert.Contains("impossible: 22 bookings \\> 10 inquiries", ux);
        Assert.DoesNotContain("220.0%", ux);
        Assert.Contains("Flagged: a later step counts more than an earlier step", ux);
    }

    [Fact]
    public void EachHygieneScoreShowsItsCoverageAndLowCoverageIsLabelled()
    {
        var cicd = Section(Cto(Jada()), "CI/CD Maturity");

        Assert.Contains("evidence coverage 0 of 7 checks known, low coverage", cicd);
        Assert.DoesNotContain("| unknown | no evidence in the handoffs |", cicd);
    }

    [Fact]
    public void EntitiesWithNoDataCollapseToOneLineWithoutEmptyHeadingsOrTables()
    {
        // In the samples the rental, the yacht deliveries and the client portfolio have handoffs but no stack or engineering inputs.
        var report = Cto(ReportInputsBuilder.Samples());
        var security = Section(report, "Security Audit");
        var cicd = Section(report, "CI/CD Maturity");

        Assert.DoesNotContain("### 3028 51st St Rental", security);
        Assert.Contains("*no stack components in the catalog and no security findings in the handoffs for 3028 51st St Rental, Expert Yacht Delivery, DangerousCentaur Client Portfolio*", security);
        Assert.DoesNotContain("### 3028 51st St Rental", cicd);
        Assert.Single(report.Sections.SelectMany(s => s.MissingInputs), m => m.StartsWith("no DORA inputs, no ci facts and no hygiene evidence", StringComparison.Ordinal));
    }
}
