using ExecReports.Core.Data;
using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reports;
using ExecReports.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Tests.Core.Reports.Generators;

// The shipped samples through the real loader, database and engine.
public class DomainReportsSampleTests
{
    public static TheoryData<string> Roles => new() { ReportRole.Rental.Id, ReportRole.YachtDelivery.Id, ReportRole.PortfolioBilling.Id };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task EveryRequiredSectionIsPresentInOrderAndNonEmptyOnTheSamples(string roleId)
    {
        var role = ReportRole.Find(roleId)!;
        using var temp = new TempDirectory();
        await using var services = new CoreServicesBuilder(temp.Combine("data")).Build();
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        await using var scope = services.CreateAsyncScope();
        var inputs = await scope.ServiceProvider.GetRequiredService<ReportInputsLoader>()
            .LoadAsync(Period.Parse("2026-11"), now: new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));

        var report = services.GetRequiredService<ReportEngine>().Generate(inputs, [role]).For(role)!;

        Assert.Equal(ReportSections.For(role), report.Sections.Select(s => s.Heading));
        foreach (var section in report.Sections.Skip(1))
        {
            Assert.False(string.IsNullOrWhiteSpace(section.Markdown) || section.Markdown == "*No content.*", $"{section.Heading} is empty");
        }
    }
}
