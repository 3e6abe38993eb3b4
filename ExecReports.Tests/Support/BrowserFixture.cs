using Microsoft.Playwright;

namespace ExecReports.Tests.Support;

// Debian's chromium, installed by test.sh; Playwright drives it without downloading a browser of its own.
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run ./test.sh, which installs Debian's chromium.");
        }

        // The same patience as a locator's wait (30 s): on a loaded 2-core CI machine a tab switch that re-renders a
        // long report took over the 5 s default to show, while it takes well under a second on an idle one.
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
    }

    // Browser.NewPageAsync gives each page a context of its own, so closing the contexts closes every page.
    public async Task CloseOpenPagesAsync()
    {
        foreach (var context in Browser.Contexts.ToList())
        {
            await context.CloseAsync();
        }
    }

    // The app on Kestrel and a page on it (relative URLs resolve against the app), signed in as the bootstrap admin.
    // bypassCsp: for a test that injects a script of its own (axe-core), which the app's nonce-based CSP would refuse.
    // landing: the page sign-in returns to, so a test that starts elsewhere does not pay for building the Dashboard.
    public async Task<IPage> SignedInPageAsync(ExecReportsWebFactory app, ViewportSize? viewport = null, bool bypassCsp = false, string landing = "/")
    {
        var baseUrl = app.StartKestrel();
        var page = await Browser.NewPageAsync(new() { ViewportSize = viewport, BaseURL = baseUrl, BypassCSP = bypassCsp });
        await SignInAsync(page, baseUrl, ExecReportsWebFactory.AdminEmail, ExecReportsWebFactory.AdminPassword, landing);
        return page;
    }

    public static ViewportSize Desktop { get; } = new() { Width = 1400, Height = 900 };

    // Signs in through the real form and waits until the Blazor circuit is live.
    public static async Task SignInAsync(IPage page, string baseUrl, string email, string password, string landing = "/")
    {
        await page.GotoAsync(baseUrl + "/account/login?returnUrl=" + Uri.EscapeDataString(landing));
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#sign-in");
        await WaitForCircuitAsync(page);
    }

    // Opens a page and waits until the Blazor circuit is live, so clicks reach the server.
    public static async Task OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await WaitForCircuitAsync(page);
    }

    public static Task WaitForCircuitAsync(IPage page) => page.WaitForSelectorAsync("[data-interactive='true']");

    // Screenshots land in the temp folder for a person to look at; no test reads them.
    public static Task ScreenshotAsync(IPage page, string name, bool fullPage = true) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"execreports-{name}.png"), FullPage = fullPage });
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
