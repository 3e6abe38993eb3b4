using ExecReports.Core.Ingestion;
using ExecReports.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public class DashboardTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task TheDashboardShowsEveryEntityWithItsStatuses()
    {
        await using var app = new ExecReportsWebFactory();
        var page = await Chromium.SignedInPageAsync(app, new() { Width = 1600, Height = 1000 });
        var entities = app.Services.GetRequiredService<EntityCatalogProvider>().Current.Entities;

        await page.WaitForSelectorAsync(".entity-tile");

        Assert.Equal(entities.Count, await page.Locator(".entity-tile").CountAsync());
        var withStatuses = 0;
        foreach (var entity in entities)
        {
            var tile = page.Locator($".entity-tile[data-entity='{entity.Id}']");
            Assert.Equal(entity.Name, (await tile.Locator(".entity-name").TextContentAsync())?.Trim());
            var chips = await tile.Locator(".kpi-status").AllTextContentsAsync();
            Assert.All(chips, c => Assert.Contains(c.Trim(), new[] { "on track", "at risk", "off track" }));
            Assert.Equal(chips.Count, await tile.Locator(".kpi-reason").CountAsync());
            withStatuses += chips.Count > 0 ? 1 : 0;
            if (chips.Count == 0)
            {
                Assert.True(await tile.Locator(".no-statuses").IsVisibleAsync(), $"{entity.Id} shows neither statuses nor why not");
            }
        }

        Assert.True(withStatuses > 0, "no entity shows a KPI status");
        Assert.Equal(3, await page.Locator(".health-tile .mud-success-text").CountAsync());
        await BrowserFixture.ScreenshotAsync(page, "dashboard");
    }
}
