using ExecReports.Core.Dispatch;
using ExecReports.Core.Schedule;
using ExecReports.Tests.Support;
using ExecReports.Web.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ExecReports.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public class SecurityTests(BrowserFixture browser) : BrowserTest(browser)
{
    private const string EditorPassword = "harbour lantern violet";
    private static readonly TimeSpan SessionEnds = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task EveryPageWorksUnderTheContentSecurityPolicyWithoutAViolation()
    {
        await using var app = new ExecReportsWebFactory();
        var baseUrl = app.StartKestrel();
        var page = await Chromium.Browser.NewPageAsync(new() { BaseURL = baseUrl });
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || message.Text.StartsWith("csp-violation", StringComparison.Ordinal))
            {
                violations.Add($"{page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => violations.Add($"{page.Url}: page error {error}");
        await page.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => console.error('csp-violation ' + e.violatedDirective + ' ' + e.blockedURI));");
        await BrowserFixture.SignInAsync(page, baseUrl, ExecReportsWebFactory.AdminEmail, ExecReportsWebFactory.AdminPassword);

        foreach (var path in new[] { "/", "/entities", "/handoffs", "/kpis", "/reports/2026-11", "/dispatches", "/schedule", "/archive", "/users" })
        {
            await page.GotoAsync(path);
            await page.WaitForSelectorAsync("[data-interactive='true']");
        }

        // MudBlazor's own script works: the theme toggle flips the palette through an interactive click.
        var before = await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");
        await page.ClickAsync("#theme-toggle");
        // Not WaitForFunction: a string predicate that is not already true is polled through eval, which this very
        // policy forbids (seen on a slower machine); the locator assertion polls without eval.
        await Assertions.Expect(page.Locator("body")).Not.ToHaveCSSAsync("background-color", before);
        await page.GotoAsync("/account/password");
        await page.WaitForSelectorAsync("#change-password");

        Assert.Empty(violations);
    }

    [Fact]
    public async Task ADemotedEditorInAnOpenTabCannotPauseRunNowOrSend()
    {
        // Revalidation slowed down: what refuses here is the check inside each handler.
        await using var app = new ExecReportsWebFactory().With("Auth:SessionRevalidationSeconds", "600");
        var baseUrl = app.StartKestrel();
        var (email, id) = await CreateEditorAsync(app);
        var schedule = await SignedInAsync(baseUrl, email);
        var reports = await schedule.Context.NewPageAsync();
        await OpenAsync(reports, "/reports/2026-11");
        await reports.ClickAsync("#send-button");
        await reports.Locator("#send-validation").WaitForAsync();
        await OpenAsync(schedule, "/schedule");

        // While still an Editor, the handler acts: pausing is recorded.
        await schedule.ClickAsync("#toggle-pause");
        await WaitUntilAsync(async () => (await StateAsync(app)).Paused);

        Assert.Empty(await app.Services.GetRequiredService<UserAdministration>().SetRoleAsync(id, Roles.Viewer));

        await schedule.ClickAsync("#toggle-pause");
        await schedule.ClickAsync("#run-now");
        await schedule.ClickAsync("#run-now-confirm");
        await reports.ClickAsync("#send-confirm");

        await Assertions.Expect(reports.Locator(".mud-dialog .mud-alert-message")).ToContainTextAsync("Not allowed to send reports");
        await Assertions.Expect(schedule.Locator(".mud-snackbar").Filter(new() { HasText = "Not allowed to run the reports now" })).ToBeVisibleAsync();
        Assert.True((await StateAsync(app)).Paused);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<ScheduleHistory>().RecentAsync(20));
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<DispatchService>().ListBatchesAsync());
        }

        // The cookie died with the role change: a reload no longer has Send.
        await reports.ReloadAsync();
        Assert.Contains("/account/login", reports.Url);
    }

    [Fact]
    public async Task ATabSignedOutInAnotherTabCannotAct()
    {
        await using var app = new ExecReportsWebFactory().With("Auth:SessionRevalidationSeconds", "600");
        var baseUrl = app.StartKestrel();
        var (email, _) = await CreateEditorAsync(app);
        var open = await SignedInAsync(baseUrl, email);
        await OpenAsync(open, "/schedule");
        var other = await open.Context.NewPageAsync();
        await OpenAsync(other, "/");

        await other.ClickAsync("form[action='/account/logout'] button");
        await other.WaitForURLAsync("**/account/login**");
        await open.ClickAsync("#toggle-pause");

        await Assertions.Expect(open.Locator(".mud-snackbar").Filter(new() { HasText = "Not allowed to pause the schedule" })).ToBeVisibleAsync();
        Assert.False((await StateAsync(app)).Paused);
    }

    [Fact]
    public async Task AnOpenTabIsSentToSignInOnceItsAccountIsDemoted()
    {
        await using var app = new ExecReportsWebFactory().With("Auth:SessionRevalidationSeconds", "2");
        var baseUrl = app.StartKestrel();
        var (email, id) = await CreateEditorAsync(app);
        var open = await SignedInAsync(baseUrl, email);
        await OpenAsync(open, "/schedule");

        Assert.Empty(await app.Services.GetRequiredService<UserAdministration>().SetRoleAsync(id, Roles.Viewer));

        await open.WaitForURLAsync("**/account/login**", new() { Timeout = (float)SessionEnds.TotalMilliseconds });
    }

    private static async Task<(string Email, string Id)> CreateEditorAsync(ExecReportsWebFactory app)
    {
        var admin = app.Services.GetRequiredService<UserAdministration>();
        var email = $"editor-{Guid.NewGuid():N}@example.com";
        Assert.Empty(await admin.CreateAsync(email, EditorPassword, Roles.Editor));
        return (email, (await admin.ListAsync()).Single(u => u.Email == email).Id);
    }

    private async Task<IPage> SignedInAsync(string baseUrl, string email)
    {
        var context = await Chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 }, BaseURL = baseUrl });
        var page = await context.NewPageAsync();
        await BrowserFixture.SignInAsync(page, baseUrl, email, EditorPassword);
        return page;
    }

    private static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForSelectorAsync("[data-interactive='true']");
    }

    private static async Task<ScheduleState> StateAsync(ExecReportsWebFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ScheduleHistory>().StateAsync();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 10 s");
            await Task.Delay(100);
        }
    }
}
