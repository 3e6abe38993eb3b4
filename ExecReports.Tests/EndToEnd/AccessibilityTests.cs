using System.Text.Json;
using ExecReports.Tests.Support;
using Microsoft.Playwright;

namespace ExecReports.Tests.EndToEnd;

// axe-core from its npm package (installed into .tools/axe by test.sh) injected into every page of the running app.
[Collection(BrowserCollection.Name)]
public class AccessibilityTests(BrowserFixture browser) : BrowserTest(browser)
{
    public const string AxeVariable = "EXECREPORTS_AXE_DIR";

    private static readonly string[] SignedInPages =
    [
        "/", "/entities", "/entities/jada", "/handoffs", "/handoffs?file=queenofsandiego.md", "/kpis", "/kpis/jada/2026-11", "/kpis/jada/2027-01",
        "/reports", "/reports/2026-11", "/reports/2026-11/cfo", "/reports/2026-11/rental", "/reports/2026-11/cfo/diff", "/dispatches",
        "/schedule", "/archive", "/feedback", "/users", "/account/password",
    ];

    // Account pages are static (no Blazor circuit), so there is no interactive marker to wait for.
    private static async Task OpenAsync(IPage page, string url)
    {
        if (url.StartsWith("/account/", StringComparison.Ordinal))
        {
            await page.GotoAsync(url);
        }
        else
        {
            await BrowserFixture.OpenAsync(page, url);
        }

        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    public static string AxeScript
    {
        get
        {
            var dir = Environment.GetEnvironmentVariable(AxeVariable) is { Length: > 0 } configured ? configured : Path.Combine(RepoPaths.Root, ".tools", "axe");
            var script = Path.Combine(dir, "node_modules", "axe-core", "axe.min.js");
            return File.Exists(script) ? script : throw new InvalidOperationException($"{script} is missing: run ./test.sh, which installs axe-core into .tools/axe.");
        }
    }

    // One walk over every page for both checks: each page load costs seconds on a loaded CI machine, and the axe pass
    // and the landmark pass looked at the same pages.
    [Fact]
    public async Task EveryPageHasNoSeriousAxeViolationOneMainLandmarkAnH1AndNoServerPath()
    {
        await using var app = new ExecReportsWebFactory();
        var page = await Chromium.SignedInPageAsync(app, BrowserFixture.Desktop, bypassCsp: true);
        var problems = new List<string>();

        foreach (var url in SignedInPages)
        {
            await OpenAsync(page, url);
            problems.AddRange(await AxeProblemsAsync(page, url));
            var (mains, h1s) = (await page.Locator("main").CountAsync(), await page.Locator("h1").CountAsync());
            // A report preview also shows the report's own "# Title" as an h1 inside the page.
            if (mains != 1 || h1s == 0)
            {
                problems.Add($"{url}: {mains} <main>, {h1s} <h1>");
            }

            var text = await page.InnerTextAsync("body");
            foreach (var path in new[] { app.DataPath, RepoPaths.Root, Path.GetTempPath().TrimEnd('/') })
            {
                if (text.Contains(path, StringComparison.Ordinal))
                {
                    problems.Add($"{url}: shows the server path {path}");
                }
            }
        }

        var signedOut = await Chromium.Browser.NewPageAsync(new() { BaseURL = new Uri(page.Url).GetLeftPart(UriPartial.Authority), BypassCSP = true });
        await signedOut.GotoAsync("/account/login");
        problems.AddRange(await AxeProblemsAsync(signedOut, "/account/login"));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task OnAPhoneSignOutIsInTheAvatarMenuAndTheReportTitleStaysShort()
    {
        await using var app = new ExecReportsWebFactory();
        var page = await Chromium.SignedInPageAsync(app, new ViewportSize { Width = 390, Height = 844 }, landing: "/reports/2026-11/portfolio-billing");

        var title = page.Locator("h1#report-title");
        var box = (await title.BoundingBoxAsync())!;
        var lineHeight = await title.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).lineHeight)");
        Assert.True(box.Height <= lineHeight * 3 + 1, $"the title is {box.Height / lineHeight:0.#} lines high at 390 px");
        Assert.True(box.X + box.Width <= 390, "the title runs off the screen");
        await BrowserFixture.ScreenshotAsync(page, "phone-report", fullPage: false);

        Assert.False(await page.IsVisibleAsync("#sign-out"));
        await page.ClickAsync("#account-menu button");
        var signOut = page.Locator("#account-menu-sign-out");
        await signOut.WaitForAsync();
        var signOutBox = (await signOut.BoundingBoxAsync())!;
        Assert.True(signOutBox.X >= 0 && signOutBox.X + signOutBox.Width <= 390, "Sign out is off-screen");
        Assert.Contains(ExecReportsWebFactory.AdminEmail, await page.TextContentAsync("#account-menu-user"));
        await signOut.ClickAsync();
        await page.WaitForSelectorAsync("#email");
        Assert.Contains("/account/login", page.Url);
    }

    [Fact]
    public async Task ClickingAContentsEntryMovesTheEmailBodyToThatSection()
    {
        await using var app = new ExecReportsWebFactory();
        var page = await Chromium.SignedInPageAsync(app, BrowserFixture.Desktop, landing: "/reports/2026-11/cfo");
        var last = page.Locator("#report-contents [data-section]").Last;
        var heading = (await last.InnerTextAsync()).Trim();

        await last.ClickAsync();

        await page.WaitForFunctionAsync("h => document.activeElement && document.activeElement.textContent.trim() === h", heading);
        var top = await page.EvaluateAsync<double>("() => document.activeElement.getBoundingClientRect().top");
        Assert.InRange(top, -1, 900);
    }

    private static async Task<IReadOnlyList<string>> AxeProblemsAsync(IPage page, string url)
    {
        await page.AddScriptTagAsync(new() { Path = AxeScript });
        var json = await page.EvaluateAsync<string>(
            """
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return JSON.stringify(result.violations
                .filter(v => v.impact === 'critical' || v.impact === 'serious')
                .map(v => ({ id: v.id, impact: v.impact, help: v.help, count: v.nodes.length, targets: v.nodes.slice(0, 4).map(n => n.target.join(' ')) })));
            }
            """);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray()
            .Select(v => $"{url}: {v.GetProperty("impact").GetString()} {v.GetProperty("id").GetString()} ×{v.GetProperty("count").GetInt32()} ({v.GetProperty("help").GetString()}): "
                + string.Join(" | ", v.GetProperty("targets").EnumerateArray().Select(t => t.GetString())))
            .ToList();
    }
}
