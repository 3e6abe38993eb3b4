using ExecReports.Core.Primitives;
using ExecReports.Core.Reports;
using ExecReports.Core.Reports.Finance;
using ExecReports.Core.Validation;
using ExecReports.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Tests.Core.Reports.Generators;

// The shipped samples and appsettings.json through the real services.
public class AccountingCmoSampleTests(SampleReports samples) : IClassFixture<SampleReports>
{
    [Fact]
    public async Task EveryRequiredSectionOfTheAccountingAndCmoReportsIsPresentInOrderAndHasContent()
    {
        var inputs = await samples.InputsAsync();

        var engine = samples.Engine;
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
            Assert.DoesNotContain(FigureCheck.Check(ReportText.From(report), set.Metrics, set.Previous), f => f.Section != ReportSections.Appendix);
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
        var schedule = samples.Services.GetRequiredService<OtaFeeSchedule>();

        Assert.Equal(["GetMyBoat", "GetYourGuide", "Sailo", "Viator"], schedule.Channels);
        Assert.Equal(0.25m, schedule.InForce("Viator", Period.Parse("2026-11"))!.CommissionRate);
        Assert.Equal(0.275m, schedule.InForce("GetYourGuide", Period.Parse("2026-11"))!.CommissionRate);
    }
}
