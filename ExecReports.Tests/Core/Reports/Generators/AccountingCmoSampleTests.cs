using ExecReports.Core.Data;
using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reports;
using ExecReports.Core.Reports.Finance;
using ExecReports.Core.Validation;
using ExecReports.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Tests.Core.Reports.Generators;

// The shipped samples and appsettings.json through the real services.
public class AccountingCmoSampleTests
{
    [Fact]
    public async Task EveryRequiredSectionOfTheAccountingAndCmoReportsIsPresentInOrderAndHasContent()
    {
        using var temp = new TempDirectory();
        await using var services = new CoreServicesBuilder(temp.Combine("data"))
            .With("Kpis:SamplesPath", Path.Combine(RepoPaths.Samples, "kpis")).Build();
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        await using var scope = services.CreateAsyncScope();
        var inputs = await scope.ServiceProvider.GetRequiredService<ReportInputsLoader>()
            .LoadAsync(Period.Parse("2026-11"), now: new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));

        var engine = services.GetRequiredService<ReportEngine>();
        var set = engine.Generate(inputs, [ReportRole.Accounting, ReportRole.Cmo]);
        var again = engine.Generate(inputs, [ReportRole.Accounting, ReportRole.Cmo]);

        foreach (var role in new[] { ReportRole.Accounting, ReportRole.Cmo })
        {
            var report = set.For(role)!;
            Assert.Equal(ReportSections.For(role), report.Sections.Select(s => s.Heading));
            Assert.Equal(report.Rendered.Markdown, again.For(role)!.Rendered.Markdown);
            // On the plain-text rendering: the markdown escapes "-" in "30/60/90-Day Milestones" and CompletenessCheck compares raw headings.
            Assert.Empty(CompletenessCheck.Check(new ReportText(report.FileStem + ".txt", role, report.Period, report.Rendered.Text)));
            // The appendix repeats the CFO model's own formulas (they contain "10%"), which FigureCheck flags in the CFO report as well.
            Assert.DoesNotContain(FigureCheck.Check(ReportText.From(report), set.Metrics), f => f.Section != ReportSections.Appendix);
            foreach (var section in report.Sections.Skip(1))
            {
                Assert.NotEqual("*No content.*", section.Markdown);
                Assert.Empty(section.MissingInputs);
                Assert.NotEmpty(section.MetricIds);
            }
        }

        var cmo = set.For(ReportRole.Cmo)!;
        var ota = Assert.Single(cmo.Sections, s => s.Heading == "OTA Sequencing");
        Assert.Contains("### JADA", ota.Markdown);
        Assert.Contains("### QueenofSandiego", ota.Markdown);
        var recognition = Assert.Single(set.For(ReportRole.Accounting)!.Sections, s => s.Heading == "Revenue Recognition Issues");
        Assert.Contains("Sailo payout booked net of commission", recognition.Markdown);
    }

    [Fact]
    public void TheShippedFeeScheduleHasTheFourMarketplaces()
    {
        using var temp = new TempDirectory();
        using var services = new CoreServicesBuilder(temp.Combine("data")).Build();

        var schedule = services.GetRequiredService<OtaFeeSchedule>();

        Assert.Equal(["GetMyBoat", "GetYourGuide", "Sailo", "Viator"], schedule.Channels);
        Assert.Equal(0.25m, schedule.InForce("Viator", Period.Parse("2026-11"))!.CommissionRate);
        Assert.Equal(0.275m, schedule.InForce("GetYourGuide", Period.Parse("2026-11"))!.CommissionRate);
    }
}
