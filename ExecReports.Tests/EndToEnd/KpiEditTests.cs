using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reports;
using ExecReports.Core.Reports.Finance;
using ExecReports.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ExecReports.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public class KpiEditTests(BrowserFixture browser)
{
    [Fact]
    public async Task AdminChangesCashOnHandAndSeesItSavedWithAHistoryRowAfterReload()
    {
        await using var app = new ExecReportsWebFactory();
        var baseUrl = app.StartKestrel();
        var page = await browser.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        await BrowserFixture.SignInAsync(page, baseUrl, ExecReportsWebFactory.AdminEmail, ExecReportsWebFactory.AdminPassword);

        await OpenAsync(page, baseUrl + "/kpis/jada/2026-11");
        Assert.NotEqual("23456.78", await page.InputValueAsync("#cash-on-hand"));
        await page.FillAsync("#cash-on-hand", "23456.78");
        await page.ClickAsync("#save-kpis");
        await page.GetByText("Saved — 1 change").WaitForAsync();

        await page.ReloadAsync();
        await page.WaitForSelectorAsync("[data-interactive='true']");
        await page.WaitForSelectorAsync("#kpi-history tbody tr");
        Assert.Equal("23456.78", await page.InputValueAsync("#cash-on-hand"));
        var latest = page.Locator("#kpi-history tbody tr").First;
        Assert.Contains("cashOnHand", await latest.TextContentAsync());
        Assert.Contains(ExecReportsWebFactory.AdminEmail, await latest.TextContentAsync());
        Assert.Contains("→ 23456.78", await latest.TextContentAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "execreports-kpis-editor.png"), FullPage = true });
    }

    [Fact]
    public async Task AnEditedKpiShowsUpAsTheNewNumberInTheCfoPreview()
    {
        await using var app = new ExecReportsWebFactory();
        var baseUrl = app.StartKestrel();
        var reports = app.Services.GetRequiredService<ReportService>();
        var before = (await reports.GetAsync(Period.Parse("2026-11"))).Metrics.Get(CfoMetricIds.Cash).Display;
        var page = await browser.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        await BrowserFixture.SignInAsync(page, baseUrl, ExecReportsWebFactory.AdminEmail, ExecReportsWebFactory.AdminPassword);

        await OpenAsync(page, baseUrl + "/reports/2026-11/cfo");
        Assert.Contains($"Cash on hand {before}", await page.TextContentAsync("#report-html"));

        await OpenAsync(page, baseUrl + "/kpis/jada/2026-11");
        await page.FillAsync("#cash-on-hand", "987654");
        await page.ClickAsync("#save-kpis");
        await page.GetByText("Saved — 1 change").WaitForAsync();

        await OpenAsync(page, baseUrl + "/reports/2026-11/cfo");
        var after = (await reports.GetAsync(Period.Parse("2026-11"))).Metrics.Get(CfoMetricIds.Cash).Display;
        Assert.NotEqual(before, after);
        var html = await page.TextContentAsync("#report-html");
        Assert.Contains($"Cash on hand {after}", html);
        Assert.DoesNotContain($"Cash on hand {before}", html);
    }

    [Fact]
    public async Task DataPagesRenderWithSampleDataForTheAdmin()
    {
        await using var app = new ExecReportsWebFactory();
        var baseUrl = app.StartKestrel();
        var page = await browser.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        await BrowserFixture.SignInAsync(page, baseUrl, ExecReportsWebFactory.AdminEmail, ExecReportsWebFactory.AdminPassword);

        await OpenAsync(page, baseUrl + "/entities");
        Assert.Equal(7, await page.Locator("#entities-table tbody tr").CountAsync());
        await ShotAsync(page, "entities");

        await OpenAsync(page, baseUrl + "/entities/jada");
        await page.WaitForSelectorAsync("#entity-kpis .kpi-total");
        await ShotAsync(page, "entity-jada");

        await OpenAsync(page, baseUrl + "/handoffs?file=queenofsandiego.md");
        Assert.Contains("Viator sync retry loop", await page.TextContentAsync("#handoff-rendered"));
        await ShotAsync(page, "handoffs");

        await OpenAsync(page, baseUrl + "/kpis");
        Assert.Equal(7, await page.Locator("#kpi-overview tbody tr").CountAsync());
        await ShotAsync(page, "kpis");
    }

    private static async Task OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.WaitForSelectorAsync("[data-interactive='true']");
    }

    private static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"execreports-{name}.png"), FullPage = true });
}
