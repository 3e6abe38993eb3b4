using ExecReports.Core.Close;
using ExecReports.Core.Data;
using ExecReports.Core.Dispatch;
using ExecReports.Core.Presentation;
using ExecReports.Core.Primitives;
using ExecReports.Tests.Support;
using ExecReports.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ExecReports.Tests.EndToEnd;

// The monthly close as the owner clicks through it: the Dashboard's checklist, release, approval and four-eyes.
[Collection(BrowserCollection.Name)]
public class MonthCloseBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    private static readonly Period November = Period.Parse("2026-11");

    [Fact]
    public async Task AnEditorMarksAnEntityClosedOnTheDashboardAndSeesWhoClosedItAndWhen()
    {
        await using var app = new ExecReportsWebFactory();
        var baseUrl = app.StartKestrel();
        await ReopenAsync(app, "jada");
        var editor = await BrowserAccounts.CreateAsync(app, Roles.Editor);
        var page = await BrowserAccounts.SignedInAsync(Chromium, baseUrl, editor);

        var row = page.Locator(".close-entity[data-entity='jada']");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-state", "open");
        await Assertions.Expect(page.Locator("#close-summary")).ToHaveTextAsync("November 2026: 1 of 7 entities not closed");
        Assert.Equal(0, await page.Locator("#release-button").CountAsync());

        await page.ClickAsync("#close-jada");

        await Assertions.Expect(row).ToHaveAttributeAsync("data-state", "closed");
        await Assertions.Expect(page.Locator("#close-summary")).ToHaveTextAsync("November 2026: all 7 entities closed");
        var closed = (await ReadinessAsync(app)).Entities.Single(e => e.EntityId == "jada");
        Assert.Equal(editor, closed.ClosedBy);
        Assert.Equal($"{editor}, {HumanTime.Instant(closed.ClosedAt!.Value)}", (await row.Locator("td").Nth(2).TextContentAsync())?.Trim());
        Assert.Equal("jada closed for 2026-11.", (await page.TextContentAsync("#close-message"))?.Trim());
        await BrowserFixture.ScreenshotAsync(page, "close-checklist");
    }

    [Fact]
    public async Task AnAdminReleasesAMonthNotReadyOnlyWhenConfirmingAndCancelChangesNothing()
    {
        await using var app = new ExecReportsWebFactory();
        var page = await Chromium.SignedInPageAsync(app, BrowserFixture.Desktop);
        await ReopenAsync(app, "jada");
        await page.ReloadAsync();
        await BrowserFixture.WaitForCircuitAsync(page);
        var dialog = page.Locator(".mud-dialog");

        await page.ClickAsync("#release-button");
        await Assertions.Expect(dialog.Locator("#confirm-text")).ToHaveTextAsync(
            "November 2026: 1 of 7 entities not closed (jada: open). Releasing sends the month's unsent and changed reports now, although not every entity is closed.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });

        Assert.Equal(0, await SentCountAsync(app));
        Assert.Null(await app.Services.GetRequiredService<MonthCloseService>().LatestAsync(November, SignoffKind.Released));
        Assert.True(await page.Locator("#release-button").IsVisibleAsync());
        Assert.Equal(0, await page.Locator("#close-message").CountAsync());

        await page.ClickAsync("#release-button");
        await dialog.Locator("#confirm-button").ClickAsync();

        await Assertions.Expect(page.Locator("#close-message")).ToHaveTextAsync(
            $"Released by {ExecReportsWebFactory.AdminEmail}: run #1 sent — 2026-11: batch 1: 8 sent", new() { Timeout = 60_000 });
        Assert.Equal(8, await SentCountAsync(app));
        Assert.Equal(0, await page.Locator("#release-button").CountAsync());
        Assert.Equal(8, await page.Locator(".sent-status[data-state='sent']").CountAsync());
    }

    [Fact]
    public async Task WithFourEyesTheAdminWhoLastEditedCannotApproveAndASecondAdminCan()
    {
        await using var app = new ExecReportsWebFactory().With("Dispatch:RequireApproval", "true").With("Dispatch:FourEyes", "true");
        var editing = await Chromium.SignedInPageAsync(app, BrowserFixture.Desktop, landing: "/kpis/jada/2026-11");
        var baseUrl = new Uri(editing.Url).GetLeftPart(UriPartial.Authority);

        var ceiling = decimal.Parse(await editing.InputValueAsync("#burn-ceiling"), System.Globalization.CultureInfo.InvariantCulture);
        await editing.FillAsync("#burn-ceiling", (ceiling + 100).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await editing.ClickAsync("#save-kpis");
        await editing.GetByText("Saved — 1 change").WaitForAsync();

        await BrowserFixture.OpenAsync(editing, "/");
        await Assertions.Expect(editing.Locator("#approval-status")).ToHaveTextAsync("Not approved in its current content");
        await editing.ClickAsync("#approve-button");
        await editing.Locator(".mud-dialog #confirm-button").ClickAsync();

        var refused = editing.Locator("#close-message");
        await Assertions.Expect(refused).ToContainTextAsync($"{ExecReportsWebFactory.AdminEmail} last edited the 2026-11 inputs; with Dispatch:FourEyes another Admin must approve.");
        await Assertions.Expect(refused).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-alert-text-error"));
        Assert.Equal("Not approved in its current content", (await editing.TextContentAsync("#approval-status"))?.Trim());

        var second = await BrowserAccounts.CreateAsync(app, Roles.Admin);
        var approving = await BrowserAccounts.SignedInAsync(Chromium, baseUrl, second);
        await approving.ClickAsync("#approve-button");
        await approving.Locator(".mud-dialog #confirm-button").ClickAsync();

        await Assertions.Expect(approving.Locator("#close-message")).ToHaveTextAsync("2026-11 approved.");
        var approval = await app.Services.GetRequiredService<MonthCloseService>().LatestAsync(November, SignoffKind.Approved);
        Assert.NotNull(approval);
        Assert.Equal(second, approval.By);
        Assert.Equal($"Approved by {second}, {HumanTime.Instant(approval.At)}", (await approving.TextContentAsync("#approval-status"))?.Trim());
        Assert.Equal(0, await approving.Locator("#approve-button").CountAsync());
    }

    [Fact]
    public async Task AfterAKpiEditThatChangesOnlyTheCfoReportTheSendDialogTicksOnlyTheCfo()
    {
        await using var app = new ExecReportsWebFactory();
        var page = await Chromium.SignedInPageAsync(app, BrowserFixture.Desktop, landing: "/reports/2026-11");
        var dialog = page.Locator(".mud-dialog");

        await page.ClickAsync("#send-button");
        await Assertions.Expect(dialog.Locator("#send-confirm")).ToHaveTextAsync("Send 8");
        await dialog.Locator("#send-confirm").ClickAsync();
        await Assertions.Expect(dialog.Locator("#send-result")).ToHaveTextAsync("Batch 1: 8 sent.", new() { Timeout = 60_000 });

        await BrowserFixture.OpenAsync(page, "/kpis/jada/2026-11");
        var ceiling = decimal.Parse(await page.InputValueAsync("#burn-ceiling"), System.Globalization.CultureInfo.InvariantCulture);
        await page.FillAsync("#burn-ceiling", (ceiling + 500).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.ClickAsync("#save-kpis");
        await page.GetByText("Saved — 1 change").WaitForAsync();

        await BrowserFixture.OpenAsync(page, "/reports/2026-11");
        await page.ClickAsync("#send-button");
        var rows = dialog.Locator("#send-items tr[data-role]");
        await Assertions.Expect(rows).ToHaveCountAsync(8);
        await Assertions.Expect(dialog.Locator("#send-confirm")).ToHaveTextAsync("Send 1");

        var ticked = new List<string>();
        foreach (var row in await rows.AllAsync())
        {
            var role = (await row.GetAttributeAsync("data-role"))!;
            var action = (await row.Locator("td").Nth(4).TextContentAsync())?.Trim();
            if (await row.Locator("input[type=checkbox]").IsCheckedAsync())
            {
                ticked.Add(role);
                Assert.Equal("send: changed since sent in batch 1", action);
            }
            else
            {
                Assert.Equal("unchanged, skip (sent in batch 1)", action);
            }
        }

        Assert.Equal(["cfo"], ticked);
        await BrowserFixture.ScreenshotAsync(page, "send-changed-only", fullPage: false);
        await dialog.Locator("#send-confirm").ClickAsync();
        await Assertions.Expect(dialog.Locator("#send-result")).ToHaveTextAsync("Batch 2: 1 sent.", new() { Timeout = 60_000 });
        await using var scope = app.Services.CreateAsyncScope();
        var second = await scope.ServiceProvider.GetRequiredService<AppDbContext>().DispatchItems.Where(i => i.BatchId == 2 && i.Status == ItemStatus.Sent).Select(i => i.Role).ToListAsync();
        Assert.Equal(["cfo"], second);
    }

    private static Task ReopenAsync(ExecReportsWebFactory app, string entityId) =>
        app.Services.GetRequiredService<MonthCloseService>().ReopenAsync(entityId, November);

    private static Task<MonthReadiness> ReadinessAsync(ExecReportsWebFactory app) =>
        app.Services.GetRequiredService<MonthCloseService>().ReadinessAsync(November);

    private static async Task<int> SentCountAsync(ExecReportsWebFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().DispatchItems.CountAsync(i => i.Status == ItemStatus.Sent);
    }
}
