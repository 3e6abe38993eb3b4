using ExecReports.Tests.Support;
using ExecReports.Tests.Web.Reports;
using Microsoft.Playwright;

namespace ExecReports.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public class ValidationBlocksSendTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task AnErrorInTheSetDisablesSendSaysWhyAndLinksToItsLine()
    {
        using var handoffs = CopyOfSampleHandoffs();
        PlantedNameError.Write(handoffs.Path);
        await using var app = new ExecReportsWebFactory().With("Data:HandoffsPath", handoffs.Path);
        var page = await Chromium.SignedInPageAsync(app, BrowserFixture.Desktop, landing: "/reports/2026-11");

        var panel = page.Locator("#validation-panel");
        await panel.WaitForAsync();

        Assert.Equal(PlantedNameError.Errors.ToString(System.Globalization.CultureInfo.InvariantCulture), await panel.GetAttributeAsync("data-errors"));
        var errors = page.Locator(".validation-finding[data-severity='error']");
        Assert.Equal(PlantedNameError.Errors, await errors.CountAsync());
        Assert.Contains(PlantedNameError.Domain, await errors.First.TextContentAsync());
        Assert.True(await page.Locator("#send-button").IsDisabledAsync());
        Assert.Equal("2 validation errors: fix them before sending", (await page.TextContentAsync("#send-blocked-reason"))?.Trim());
        Assert.Equal("1", await page.Locator(".report-card[data-role='cto'] .report-card-validation").GetAttributeAsync("data-errors"));
        await BrowserFixture.ScreenshotAsync(page, "validation-blocked");

        var ctoLine = page.Locator(".validation-group[data-report='cto-report.md'] .validation-finding[data-severity='error'] .finding-line");
        var line = await ctoLine.GetAttributeAsync("data-line");
        await ctoLine.ClickAsync();
        await page.WaitForURLAsync($"**/reports/2026-11/cto?line={line}");
        var highlighted = page.Locator($"#line-{line}.line-highlight");
        await highlighted.WaitForAsync();
        Assert.Contains(PlantedNameError.Domain, await highlighted.TextContentAsync());
        await Assertions.Expect(highlighted).ToBeInViewportAsync();
        Assert.Equal(1, await page.Locator("#validation-panel .validation-finding[data-severity='error']").CountAsync());
        await BrowserFixture.ScreenshotAsync(page, "validation-preview-line", fullPage: false);
    }

    [Fact]
    public async Task TheShippedSamplesLeaveSendEnabled()
    {
        await using var app = new ExecReportsWebFactory();
        var page = await Chromium.SignedInPageAsync(app, BrowserFixture.Desktop, landing: "/reports/2026-11");

        var panel = page.Locator("#validation-panel");
        await panel.WaitForAsync();

        Assert.Equal("0", await panel.GetAttributeAsync("data-errors"));
        Assert.True(await page.Locator("#send-button").IsEnabledAsync());
        Assert.Equal(0, await page.Locator("#send-blocked-reason").CountAsync());
        await BrowserFixture.ScreenshotAsync(page, "validation-clean");

        await page.ClickAsync("#send-button");
        await page.Locator("#send-validation").WaitForAsync();
        Assert.Contains("passed", await page.TextContentAsync("#send-validation"));
        Assert.True(await page.Locator("#send-confirm").IsEnabledAsync());
    }

    private static TempDirectory CopyOfSampleHandoffs()
    {
        var copy = new TempDirectory();
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Samples, "handoffs")))
        {
            File.Copy(file, copy.Combine(Path.GetFileName(file)));
        }

        return copy;
    }
}
