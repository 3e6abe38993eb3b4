using ExecReports.Tests.Support;

namespace ExecReports.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public class SignInTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task BootstrapAdminSignsInAndSeesTheDashboardShell()
    {
        await using var app = new ExecReportsWebFactory();

        var page = await Chromium.SignedInPageAsync(app);

        Assert.Equal("Dashboard", (await page.TextContentAsync("h1"))?.Trim());
        foreach (var nav in new[] { "Dashboard", "Entities", "Handoffs", "KPIs", "Reports", "Dispatches", "Archive", "Users" })
        {
            Assert.True(await page.Locator(".mud-nav-link", new() { HasTextString = nav }).IsVisibleAsync(), $"nav link {nav} is not visible");
        }

        Assert.Equal(ExecReportsWebFactory.AdminEmail, (await page.TextContentAsync("#signed-in-user"))?.Trim());
        Assert.Equal(3, await page.Locator(".health-tile .mud-success-text").CountAsync());
        await BrowserFixture.ScreenshotAsync(page, "dashboard");
    }
}
