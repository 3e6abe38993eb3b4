using ExecReports.Core.Primitives;
using ExecReports.Core.Reports;
using ExecReports.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ExecReports.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public class FeedbackTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task AFigureAnnotatedOnTheCfoPreviewBecomesAnActionItemOnTheFeedbackPageAndTheDashboard()
    {
        await using var app = new ExecReportsWebFactory();
        var page = await Chromium.SignedInPageAsync(app, BrowserFixture.Desktop, landing: "/reports/2026-11/cfo");
        var cfo = (await app.Services.GetRequiredService<ReportService>().GetAsync(Period.Parse("2026-11"))).For(ReportRole.Cfo)!;
        var figure = cfo.Metrics.First(m => m.EntityId is not null);

        // A tab picked while the live panel's notes were still loading was put back to the first tab when the load
        // re-rendered the preview (seen on a loaded machine); the panel says when its load is done.
        await page.Locator("#annotation-panel[data-loaded='true']").WaitForAsync();
        await page.Locator(".mud-tab", new() { HasText = "Figures" }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-tab.mud-tab-active")).ToHaveTextAsync("Figures");
        await page.Locator($".metric[data-metric='{figure.Id}'] .metric-annotate").ClickAsync();
        Assert.Contains(figure.Id, await page.Locator("#annotate-anchor").TextContentAsync(), StringComparison.Ordinal);
        await page.Locator("#annotation-panel textarea").FillAsync("Why did this figure move?");
        await page.ClickAsync("#annotate-save");
        var note = page.Locator($".annotation[data-metric='{figure.Id}']");
        await note.WaitForAsync();
        Assert.Contains("Why did this figure move?", await note.TextContentAsync(), StringComparison.Ordinal);

        await note.Locator(".annotation-to-action").ClickAsync();
        await page.Locator(".action-form .action-form-title input").FillAsync("Explain the move to the board");
        await page.ClickAsync(".action-form .action-form-save");
        var card = page.Locator("#annotation-panel .action-item");
        await card.WaitForAsync();
        Assert.Equal("open", await card.GetAttributeAsync("data-status"));
        Assert.Equal(figure.EntityId, await card.Locator(".action-entity").TextContentAsync());
        await BrowserFixture.ScreenshotAsync(page, "feedback-preview");

        await BrowserFixture.OpenAsync(page, "/feedback");
        var listed = page.Locator("#feedback-actions .action-item");
        await listed.WaitForAsync();
        Assert.Equal(1, await listed.CountAsync());
        Assert.Equal("Explain the move to the board", await listed.Locator(".action-title").TextContentAsync());
        Assert.Equal("cfo", await listed.Locator(".action-owner").TextContentAsync());
        await BrowserFixture.ScreenshotAsync(page, "feedback-page");

        await BrowserFixture.OpenAsync(page, "/");
        var row = page.Locator($"#action-items-panel .action-entity-row[data-entity='{figure.EntityId}']");
        await row.WaitForAsync();
        Assert.Equal("1", await row.Locator(".action-open").TextContentAsync());
        Assert.Equal("0", await row.Locator(".action-overdue").TextContentAsync());
        await Assertions.Expect(page.Locator("#action-items-panel .action-entity-row")).ToHaveCountAsync(1);
    }
}
