using Bunit;
using ExecReports.Tests.Support;
using ExecReports.Web.Components.Pages.Entities;
using ExecReports.Web.Identity;

namespace ExecReports.Tests.Web.Entities;

public class EntitiesPageTests : MudTestBase
{
    [Fact]
    public async Task ListsAllSevenSampleEntitiesWithKindAndBuckets()
    {
        await using var core = await WebDataCore.StartAsync();
        core.AddTo(Services);
        AddAuthorization().SetAuthorized("viewer@example.com").SetRoles(Roles.Viewer);

        var page = Render<EntitiesPage>();

        var rows = page.FindAll("#entities-table tbody tr");
        Assert.Equal(7, rows.Count);
        var names = page.FindAll(".entity-name a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(
            ["JADA", "QueenofSandiego", "QuickDumpNow", "DangerousCentaur", "3028 51st St Rental", "Expert Yacht Delivery", "DangerousCentaur Client Portfolio"],
            names);
        var queen = rows.Single(r => r.TextContent.Contains("QueenofSandiego"));
        Assert.Contains("queenofsandiego.com", queen.TextContent);
        Assert.Equal("2", queen.QuerySelectorAll("td")[3].TextContent.Trim());
    }

    [Fact]
    public async Task DetailShowsTheEntitysHandoffsAndLatestKpiMonthWithAnEditorLink()
    {
        await using var core = await WebDataCore.StartAsync(Path.Combine(RepoPaths.Samples, "handoffs"));
        core.AddTo(Services);
        AddAuthorization().SetAuthorized("viewer@example.com").SetRoles(Roles.Viewer);

        var page = Render<EntityDetailPage>(p => p.Add(x => x.Id, "queenofsandiego"));

        page.WaitForAssertion(() => Assert.Contains("Revenue booked", page.Find("#entity-kpis").TextContent));
        Assert.Equal("/kpis/queenofsandiego/2026-11", page.Find("#open-kpi-editor").GetAttribute("href"));
        Assert.Contains("queenofsandiego.md", page.Find("#entity-handoffs").TextContent);
        Assert.Contains("No report is about this entity alone", page.Find("#entity-recipients").TextContent);
    }

    [Fact]
    public async Task DetailMarksAHandoffQuotingACredentialAsAWarningLikeTheHandoffsPage()
    {
        using var folder = new TempDirectory();
        await File.WriteAllTextAsync(folder.Combine("qos.md"),
            "---\nentity: QueenofSandiego\nupdated: 2026-11-20\n---\n# QueenofSandiego\n\n## Known issues\n- Stripe key `sk_live_4eC39HqLyjWDarjtT1zdp7f3a` is pasted in config/stripe.js\n");
        await using var core = await WebDataCore.StartAsync(folder.Path);
        core.AddTo(Services);
        AddAuthorization().SetAuthorized("viewer@example.com").SetRoles(Roles.Viewer);

        var page = Render<EntityDetailPage>(p => p.Add(x => x.Id, "queenofsandiego"));

        page.WaitForAssertion(() => Assert.Contains("qos.md", page.Find("#entity-handoffs").TextContent));
        Assert.Equal("Warning", page.Find("#entity-handoffs .handoff-status").GetAttribute("data-status"));
        Assert.DoesNotContain("4eC39HqLyjWDarjtT1zdp", page.Markup);
    }

    [Fact]
    public async Task DetailOfADomainEntityShowsWhoItsReportGoesTo()
    {
        await using var core = await WebDataCore.StartAsync();
        core.AddTo(Services);
        AddAuthorization().SetAuthorized("viewer@example.com").SetRoles(Roles.Viewer);

        var page = Render<EntityDetailPage>(p => p.Add(x => x.Id, "expert-yacht-delivery"));

        var recipients = page.Find("#entity-recipients").TextContent;
        Assert.Contains("The Expert Yacht Delivery report goes to", recipients);
        Assert.Contains("owner@example.com", recipients);
        Assert.Contains("audit@example.com", recipients);
    }
}
