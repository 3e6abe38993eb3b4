using System.Text;
using Bunit;
using ExecReports.Core.Secrets;
using ExecReports.Tests.Support;
using ExecReports.Web.Components.Pages.Handoffs;
using ExecReports.Web.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Tests.Web.Handoffs;

// Issue 13: the Handoffs page shows no credential to any role, and one huge note cannot make it slow.
public class HandoffsPageBudgetTests : MudTestBase
{
    private const string ConfiguredPassword = "Harbour-Sunset-2291!";
    private const string StripeKey = "sk_live_4eC39HqLyjWDarjtT1zdp7f3a";

    private static readonly string Leaky = $"""
        ---
        entity: jada
        updated: 2026-11-20
        ---
        # JADA notes

        ## Current state
        - Payments run on Stripe with {StripeKey} in the env file.
        - The SMTP password is {ConfiguredPassword} until it is rotated.
        - Backups go to postgres://app:{ConfiguredPassword}@db.internal:5432/app every night.
        """;

    private async Task<IRenderedComponent<HandoffsPage>> RenderAsync(WebDataCore core, string file)
    {
        core.AddTo(Services);
        Services.AddSingleton(new SecretScanner([ConfiguredPassword]));
        AddAuthorization().SetAuthorized("viewer@example.com").SetRoles(Roles.Viewer);
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/handoffs?file={file}");
        await Task.CompletedTask;
        return Render<HandoffsPage>();
    }

    [Fact]
    public async Task MasksCredentialsInTheNoteAndTheFactsAndMarksTheFileWarning()
    {
        await using var core = await WebDataCore.StartAsync();
        core.WriteHandoff("leaky.md", Leaky);
        var page = await RenderAsync(core, "leaky.md");

        var note = page.Find("#handoff-rendered").TextContent;
        Assert.Contains("Payments run on Stripe", note);
        page.FindAll(".mud-tab").Single(t => t.TextContent.StartsWith("Facts", StringComparison.Ordinal)).Click();
        var facts = page.Find(".handoff-facts").TextContent;
        Assert.Contains("The SMTP password is", facts);

        foreach (var shown in new[] { page.Markup, note, facts })
        {
            Assert.DoesNotContain(ConfiguredPassword, shown, StringComparison.Ordinal);
            Assert.DoesNotContain(StripeKey, shown, StringComparison.Ordinal);
        }

        Assert.All(page.FindAll(".handoff-status"), chip => Assert.Equal("Warning", chip.GetAttribute("data-status")));
        Assert.Contains("leaky.md:8: Stripe secret key", page.Find("#handoff-problems").TextContent);
    }

    [Fact]
    public async Task RendersOnlyTheBudgetOfANoteWithAHundredThousandHeadingsAndSaysSo()
    {
        await using var core = await WebDataCore.StartAsync();
        var text = new StringBuilder("---\nentity: jada\n---\n");
        for (var i = 0; i < 100_000; i++)
        {
            text.Append("## H").Append(i).Append('\n');
        }

        core.WriteHandoff("headings.md", text.ToString());
        var page = await RenderAsync(core, "headings.md");

        var rendered = page.Find("#handoff-rendered");
        Assert.InRange(rendered.QuerySelectorAll("h2").Length, 1, HandoffMarkdown.MaxRenderedLines);
        Assert.Contains("only its first 2,000 lines", page.Find("#handoff-truncated").TextContent);
    }

    [Fact]
    public async Task ListsAtMostFiveHundredFactsOfANote()
    {
        await using var core = await WebDataCore.StartAsync();
        core.WriteHandoff("many.md", "---\nentity: jada\n---\n## Current state\n" + string.Concat(Enumerable.Range(0, 1_200).Select(i => $"- fact {i}\n")));
        var page = await RenderAsync(core, "many.md");

        page.FindAll(".mud-tab").Single(t => t.TextContent.StartsWith("Facts", StringComparison.Ordinal)).Click();

        Assert.Equal(500, page.FindAll(".handoff-fact").Count);
        Assert.Equal("Showing the first 500 of 1200 facts.", page.Find("#handoff-facts-truncated").TextContent.Trim());
    }

    [Theory]
    [InlineData(1_000, 1_000, false)]
    [InlineData(2_001, 2_000, true)]
    public void TheRenderBudgetCutsAtALineEnd(int lines, int shownLines, bool truncated)
    {
        var body = string.Concat(Enumerable.Range(0, lines).Select(i => $"line {i}\n"));

        var (shown, cut) = HandoffMarkdown.WithinBudget(body);

        Assert.Equal((shownLines, truncated), (shown.Count(c => c == '\n'), cut));
        Assert.EndsWith("\n", shown, StringComparison.Ordinal);
    }
}
