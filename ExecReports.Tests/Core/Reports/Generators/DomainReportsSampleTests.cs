using ExecReports.Core.Reports;
using ExecReports.Tests.Support;

namespace ExecReports.Tests.Core.Reports.Generators;

// The shipped samples through the real loader, database and engine.
public class DomainReportsSampleTests(SampleReports samples) : IClassFixture<SampleReports>
{
    public static TheoryData<string> Roles => new() { ReportRole.Rental.Id, ReportRole.YachtDelivery.Id, ReportRole.PortfolioBilling.Id };

    [Theory]
    [MemberData(nameof(Roles))]
    public void EveryRequiredSectionIsPresentInOrderAndNonEmptyOnTheSamples(string roleId)
    {
        var role = ReportRole.Find(roleId)!;

        var report = samples.Set.For(role)!;

        Assert.Equal(ReportSections.For(role), report.Sections.Select(s => s.Heading));
        foreach (var section in report.Sections.Skip(1))
        {
            Assert.False(string.IsNullOrWhiteSpace(section.Markdown) || section.Markdown == "*No content.*", $"{section.Heading} is empty");
        }
    }
}
