using ExecReports.Core.Reports;
using ExecReports.Tests.Support;
using Microsoft.Playwright;

namespace ExecReports.Tests.EndToEnd;

// Each sample email's HTML part as a mail client's web view shows it: on a 375 × 667 phone and on a desktop.
[Collection(BrowserCollection.Name)]
public class EmailOnAPhoneTests(BrowserFixture browser, SampleReports samples) : BrowserTest(browser), IClassFixture<SampleReports>
{
    private static readonly ViewportSize Phone = new() { Width = 375, Height = 667 };

    [Fact]
    public async Task EveryEmailFitsAPhoneWithoutSidewaysScrollingAndShowsItsSummaryOnTheFirstScreen()
    {
        var page = await Chromium.Browser.NewPageAsync(new() { ViewportSize = Phone, JavaScriptEnabled = true });
        try
        {
            foreach (var report in samples.Set.Reports)
            {
                await page.SetContentAsync(report.Email.Html);

                var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                Assert.True(scrollWidth <= Phone.Width, $"{report.Role.Id}: the page is {scrollWidth} px wide at {Phone.Width} px");
                var widest = await page.EvaluateAsync<double>("() => Math.max(0, ...[...document.querySelectorAll('table, pre, p, li, h1, h2, h3')].map(e => e.getBoundingClientRect().right))");
                Assert.True(widest <= Phone.Width, $"{report.Role.Id}: an element ends at {widest} px");

                var summary = page.Locator("h2", new() { HasTextString = ReportSections.ExecutiveSummary });
                var heading = await summary.BoundingBoxAsync();
                Assert.NotNull(heading);
                Assert.True(heading.Y + heading.Height <= Phone.Height, $"{report.Role.Id}: the summary heading starts at {heading.Y} px");
                var firstFigure = await page.Locator("h2 + table tbody tr").First.BoundingBoxAsync();
                Assert.NotNull(firstFigure);
                Assert.True(firstFigure.Y + firstFigure.Height <= Phone.Height, $"{report.Role.Id}: the first headline figure is below the first screen ({firstFigure.Y} px)");
                if (report.Role == ReportRole.Ceo)
                {
                    await BrowserFixture.ScreenshotAsync(page, "email-ceo-375", fullPage: false);
                }
            }
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    [Fact]
    public async Task OnADesktopTheEmailIsAtMostSixHundredPixelsWide()
    {
        var page = await Chromium.Browser.NewPageAsync(new() { ViewportSize = BrowserFixture.Desktop });
        try
        {
            await page.SetContentAsync(samples.Set.For(ReportRole.Cto)!.Email.Html);

            var box = await page.Locator("#er-email").BoundingBoxAsync();

            Assert.NotNull(box);
            Assert.InRange(box.Width, 500, 600);
        }
        finally
        {
            await page.CloseAsync();
        }
    }
}
