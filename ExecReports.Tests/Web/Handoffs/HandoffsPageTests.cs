using Bunit;
using ExecReports.Tests.Support;
using ExecReports.Web.Components.Pages.Handoffs;
using ExecReports.Web.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Tests.Web.Handoffs;

public class HandoffsPageTests : MudTestBase
{
    private const string Hostile = """
        ---
        entity: jada
        updated: 2026-11-20
        ---
        # JADA site notes

        ## Known issues
        - [security] Booking form needs a captcha, see `server/routes/book.js`.
        - Read the [runbook](javascript:alert('pwned')) before deploying.

        <script>alert('xss')</script>

        <img src="x" onerror="alert('img')">
        """;

    [Fact]
    public async Task RendersAHostileHandoffWithoutScriptsOrJavascriptLinks()
    {
        await using var core = await WebDataCore.StartAsync();
        core.WriteHandoff("hostile.md", Hostile);
        core.AddTo(Services);
        AddAuthorization().SetAuthorized("viewer@example.com").SetRoles(Roles.Viewer);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/handoffs?file=hostile.md");

        var page = Render<HandoffsPage>();

        var rendered = page.Find("#handoff-rendered");
        Assert.Contains("Booking form needs a captcha", rendered.TextContent);
        Assert.Contains("runbook", rendered.TextContent);
        Assert.Empty(rendered.QuerySelectorAll("script"));
        Assert.Empty(rendered.QuerySelectorAll("img"));
        Assert.DoesNotContain("javascript:", rendered.InnerHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(rendered.QuerySelectorAll("*").SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("<script", rendered.InnerHtml, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ShowsFactsGroupedBySectionWithTagsAndReferences()
    {
        await using var core = await WebDataCore.StartAsync();
        core.WriteHandoff("hostile.md", Hostile);
        core.AddTo(Services);
        AddAuthorization().SetAuthorized("viewer@example.com").SetRoles(Roles.Viewer);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/handoffs?file=hostile.md");
        var page = Render<HandoffsPage>();

        page.FindAll(".mud-tab").Single(t => t.TextContent.StartsWith("Facts", StringComparison.Ordinal)).Click();

        var issues = page.Find(".handoff-facts[data-section='KnownIssues']");
        Assert.Contains("Booking form needs a captcha", issues.TextContent);
        Assert.Contains("security", issues.QuerySelectorAll(".fact-tag").Select(t => t.TextContent.Trim()));
        Assert.Contains(issues.QuerySelectorAll(".fact-reference"), r => r.TextContent.Contains("server/routes/book.js"));
    }

    [Fact]
    public async Task ListsUnassignedAndUnreadableFilesWithTheirProblems()
    {
        await using var core = await WebDataCore.StartAsync();
        core.WriteHandoff("hostile.md", Hostile);
        core.WriteHandoff("scratch.md", "# Random thoughts\n\n- nothing to do with any business\n");
        core.WriteHandoff("export.csv", "a,b\n1,2\n");
        core.AddTo(Services);
        AddAuthorization().SetAuthorized("viewer@example.com").SetRoles(Roles.Viewer);

        var page = Render<HandoffsPage>();

        var rows = page.FindAll("#handoff-list tbody tr");
        Assert.Equal(3, rows.Count);
        var csv = rows.Single(r => r.TextContent.Contains("export.csv"));
        Assert.Contains("not a markdown file", csv.QuerySelector(".handoff-problem")!.TextContent);
        Assert.Equal("Error", csv.QuerySelector(".handoff-status")!.GetAttribute("data-status"));
        var scratch = rows.Single(r => r.TextContent.Contains("scratch.md"));
        Assert.NotNull(scratch.QuerySelector(".handoff-unassigned"));
    }
}
