using ExecReports.Tests.Support;
using Microsoft.Playwright;

namespace ExecReports.Tests.EndToEnd;

// Every main page on a 390 px phone: nothing makes the page scroll sideways (wide tables scroll inside their own
// box) and the page title wraps to at most three lines.
[Collection(BrowserCollection.Name)]
public class PhoneLayoutTests(BrowserFixture browser) : BrowserTest(browser)
{
    private const int PhoneWidth = 390;

    [Fact]
    public async Task EveryMainPageHasNoSidewaysScrollAndATitleOfAtMostThreeLinesAt390Pixels()
    {
        await using var app = new ExecReportsWebFactory();
        var page = await Chromium.SignedInPageAsync(app, new ViewportSize { Width = PhoneWidth, Height = 844 });
        var problems = new List<string>();

        foreach (var path in new[] { "/", "/reports/2026-11", "/reports/2026-11/cfo", "/kpis", "/kpis/jada/2026-11", "/schedule", "/archive", "/dispatches", "/feedback" })
        {
            await BrowserFixture.OpenAsync(page, path);
            var title = page.Locator("h1").First;
            await title.WaitForAsync();

            var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            if (scrollWidth > PhoneWidth)
            {
                var widest = await page.EvaluateAsync<string>(
                    "w => { const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + [...e.classList].map(c => '.' + c).join(''); " +
                    "const clipped = e => { for (let a = e.parentElement; a; a = a.parentElement) { if (getComputedStyle(a).overflowX !== 'visible') return a !== document.documentElement && a !== document.body; } return false; }; " +
                    "const first = [...document.querySelectorAll('body *')].find(e => e.getBoundingClientRect().right > w && !clipped(e)); " +
                    "const path = []; for (let e = first; e; e = e.parentElement) path.unshift(name(e)); return path.slice(-4).join(' > '); }",
                    PhoneWidth);
                problems.Add($"{path}: the page is {scrollWidth} px wide ({widest})");
            }

            var box = (await title.BoundingBoxAsync())!;
            var lineHeight = await title.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).lineHeight)");
            if (box.Height > lineHeight * 3 + 1)
            {
                problems.Add($"{path}: the title is {box.Height / lineHeight:0.#} lines high");
            }

            if (box.X < 0 || box.X + box.Width > PhoneWidth)
            {
                problems.Add($"{path}: the title runs off the screen ({box.X:0}–{box.X + box.Width:0} px)");
            }
        }

        await BrowserFixture.ScreenshotAsync(page, "phone-feedback", fullPage: false);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
