using Bunit;
using ExecReports.Core.Close;
using ExecReports.Core.Reports;
using ExecReports.Tests.Support;
using ExecReports.Web.Components.Pages.Dashboard;
using ExecReports.Web.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Tests.Web.Dashboard;

// The Dashboard's close checklist over the real services: sample months seeded closed, actions checked by role.
public class CloseChecklistTests : MudTestBase
{
    [Fact]
    public async Task ListsEveryEntityAndReopeningAndClosingOneIsRecordedWithWhoDidIt()
    {
        using var samples = new SampleReports();
        await UseServicesOfAsync(samples, Roles.Editor);

        var panel = Render<CloseChecklist>(p => p.Add(x => x.Period, SampleReports.November));
        panel.WaitForElement("#close-summary");
        Assert.Equal("November 2026: all 7 entities closed", panel.Find("#close-summary").TextContent.Trim());
        Assert.Equal(7, panel.FindAll(".close-entity[data-state='closed']").Count);
        Assert.All(panel.FindAll(".sent-status"), li => Assert.Equal("notsent", li.GetAttribute("data-state")));

        panel.Find("#reopen-jada").Click();
        panel.WaitForAssertion(() => Assert.Equal("November 2026: 1 of 7 entities not closed", panel.Find("#close-summary").TextContent.Trim()));
        Assert.Equal("open", panel.Find(".close-entity[data-entity='jada']").GetAttribute("data-state"));
        Assert.Empty(panel.FindAll("#release-button"));

        panel.Find("#close-jada").Click();
        panel.WaitForAssertion(() => Assert.Equal("closed", panel.Find(".close-entity[data-entity='jada']").GetAttribute("data-state")));
        var readiness = await samples.Services.GetRequiredService<MonthCloseService>().ReadinessAsync(SampleReports.November);
        Assert.Equal("editor@example.com", readiness.Entities.Single(e => e.EntityId == "jada").ClosedBy);
    }

    private async Task UseServicesOfAsync(SampleReports samples, string role)
    {
        Services.AddSingleton(samples.Services.GetRequiredService<ReportService>());
        Services.AddSingleton(samples.Services.GetRequiredService<TimeProvider>());
        Services.AddFallbackServiceProvider(samples.Services);
        await TestAccount.SignInAsync(this, role);
    }
}
