using Bunit;
using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Tests.Support;
using ExecReports.Web.Components.Pages.Kpis;
using ExecReports.Web.Identity;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace ExecReports.Tests.Web.Kpis;

public class KpiEditorTests : MudTestBase
{
    private static readonly Period November = new(2026, 11);

    [Fact]
    public async Task NamesTheFieldOfANegativeExpenseAmountAndKeepsTheTypedValue()
    {
        await using var core = await WebDataCore.StartAsync();
        var page = await RenderEditorAsync(core, Roles.Editor);

        page.Find("#expenses-1-amount").Change("-75.25");
        page.Find("#save-kpis").Click();

        page.WaitForAssertion(() => Assert.Contains("expenses[1].amount: must not be negative", page.Find("#kpi-errors").TextContent));
        Assert.Equal("-75.25", page.Find("#expenses-1-amount").GetAttribute("value"));
        var field = page.Find("#expenses-1-amount").Closest(".mud-input-control")!;
        Assert.Contains("must not be negative (got -75.25)", field.TextContent);
        var stored = await core.WithKpis(k => k.GetAsync("jada", November));
        Assert.True(stored!.Expenses[1].Amount > 0, "the invalid month must not be saved");
    }

    [Fact]
    public async Task SavesAChangeShowsHowManyFieldsChangedAndAddsItToTheHistory()
    {
        await using var core = await WebDataCore.StartAsync();
        var page = await RenderEditorAsync(core, Roles.Editor);

        page.Find("#cash-on-hand").Change("43210");
        page.Find("#save-kpis").Click();

        page.WaitForAssertion(() => Assert.Contains("43210", page.Find("#kpi-history").TextContent));
        Assert.Contains(Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Message == "Saved — 1 change");
        Assert.Contains("cashOnHand", page.Find("#kpi-history").TextContent);
        Assert.Contains("editor@example.com", page.Find("#kpi-history").TextContent);
        Assert.Equal(43210m, (await core.WithKpis(k => k.GetAsync("jada", November)))!.CashOnHand);
    }

    [Fact]
    public async Task SavesTheSecurityDepositsHeldAsTheirOwnField()
    {
        await using var core = await WebDataCore.StartAsync();
        var page = await RenderEditorAsync(core, Roles.Editor);

        page.Find("#security-deposits").Change("2500");
        page.Find("#save-kpis").Click();

        page.WaitForAssertion(() => Assert.Contains("securityDeposits", page.Find("#kpi-history").TextContent));
        var stored = (await core.WithKpis(k => k.GetAsync("jada", November)))!;
        Assert.Equal(2500m, stored.SecurityDeposits);
    }

    [Fact]
    public async Task AViewerSeesTheMonthReadOnlyWithNoSaveButton()
    {
        await using var core = await WebDataCore.StartAsync();
        var page = await RenderEditorAsync(core, Roles.Viewer);

        Assert.Empty(page.FindAll("#save-kpis"));
        Assert.Empty(page.FindAll("#import-kpis"));
        Assert.Empty(page.FindAll("#add-expense"));
        Assert.True(page.Find("#cash-on-hand").HasAttribute("readonly"));
        Assert.NotNull(page.Find("#kpi-readonly"));
    }

    [Fact]
    public async Task StartsDecemberFromNovemberWithTheFourFixedExpensesAndSavesThem()
    {
        await using var core = await WebDataCore.StartAsync();
        var page = await RenderPageAsync(core, Roles.Editor, "2026-12");
        page.WaitForElement("#start-from-last-month");
        Assert.Contains("November 2026", page.Find("#start-from-last-month").TextContent);

        page.Find("#start-from-last-month").Click();

        // The samples' November for JADA has four fixed lines: slip 1450, insurance 620, loan 2600, hosting 140.
        page.WaitForElement("#expenses-3-amount");
        Assert.Empty(page.FindAll("#expenses-4-amount"));
        Assert.Equal(["Slip fees", "Hull and liability insurance", "Boat loan payment", "Website hosting and booking software"],
            Enumerable.Range(0, 4).Select(i => page.Find($"#expenses-{i}-description").GetAttribute("value")));
        Assert.Empty(page.FindAll("#revenue-0-amount"));
        Assert.Equal("true", page.Find("#kpi-dirty-state").GetAttribute("data-dirty"));
        page.Find("#save-kpis").Click();

        page.WaitForAssertion(() => Assert.Equal("false", page.Find("#kpi-dirty-state").GetAttribute("data-dirty")));
        var december = (await core.WithKpis(k => k.GetAsync("jada", new Period(2026, 12))))!;
        Assert.Equal(4810m, december.ExpenseTotal);
        Assert.Equal(0m, december.RevenueBooked);
        Assert.Equal(7500m, december.Targets!.MonthlyRevenueTarget);
    }

    [Fact]
    public async Task EachMoneyFieldSaysWhichReportsItDrives()
    {
        await using var core = await WebDataCore.StartAsync();
        var page = await RenderEditorAsync(core, Roles.Editor);

        Assert.Contains("Drives CEO, Accounting, CFO: cash position and runway", page.Find("#cash-on-hand").Closest(".mud-input-control")!.TextContent);
        var revenueHeader = page.Find("#revenue-table thead").TextContent;
        // The wording comes from the one table KpiFieldUsesTests checks against the generators.
        Assert.Contains(ExecReports.Core.Reports.KpiFieldUses.For("revenue[].amount")!.Hint, revenueHeader);
        Assert.StartsWith("Drives CEO, Accounting, CMO, CFO: booked revenue", ExecReports.Core.Reports.KpiFieldUses.For("revenue[].amount")!.Hint);
        Assert.Contains("Drives CEO, Accounting, CMO, CFO: cash received, burn and runway", revenueHeader);
    }

    [Fact]
    public async Task AfterSavingLinksToTheChangesOfEachReportTheFieldDrives()
    {
        await using var core = await WebDataCore.StartAsync();
        var page = await RenderEditorAsync(core, Roles.Editor);

        page.Find("#cash-on-hand").Change("43210");
        page.Find("#save-kpis").Click();

        page.WaitForElement("#saved-affected");
        var links = page.FindAll("#saved-affected a.saved-diff-link");
        Assert.Equal(["/reports/2026-11/ceo/diff", "/reports/2026-11/accounting/diff", "/reports/2026-11/cfo/diff"], links.Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task MarksAnEditUnsavedAndDiscardPutsTheSavedValueBack()
    {
        await using var core = await WebDataCore.StartAsync();
        var page = await RenderEditorAsync(core, Roles.Editor);
        var saved = page.Find("#cash-on-hand").GetAttribute("value");
        Assert.Equal("All changes saved", page.Find("#kpi-dirty-state").TextContent.Trim());

        page.Find("#cash-on-hand").Change("1");
        page.WaitForAssertion(() => Assert.Equal("Unsaved changes", page.Find("#kpi-dirty-state").TextContent.Trim()));
        page.Find("#discard-kpis").Click();
        _dialogs!.WaitForElement(".mud-dialog");
        _dialogs!.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Discard").Click();

        page.WaitForAssertion(() => Assert.Equal(saved, page.Find("#cash-on-hand").GetAttribute("value")));
        Assert.Equal("All changes saved", page.Find("#kpi-dirty-state").TextContent.Trim());
    }

    [Fact]
    public async Task EveryTableInputHasAnAccessibleName()
    {
        await using var core = await WebDataCore.StartAsync();
        var page = await RenderEditorAsync(core, Roles.Editor);

        Assert.Equal("Expense line 2: amount", page.Find("#expenses-1-amount").GetAttribute("aria-label"));
        Assert.Equal("Revenue line 1: service date", page.Find("#revenue-0-serviceDate").GetAttribute("aria-label"));
        var unnamed = page.FindAll(".kpi-editor table input:not([type=hidden])")
            .Where(i => string.IsNullOrEmpty(i.GetAttribute("aria-label")) && string.IsNullOrEmpty(i.GetAttribute("aria-labelledby")))
            .Select(i => i.OuterHtml[..Math.Min(120, i.OuterHtml.Length)])
            .ToList();
        Assert.Empty(unnamed);
    }

    private IRenderedComponent<MudDialogProvider>? _dialogs;

    private Task<IRenderedComponent<KpisPage>> RenderEditorAsync(WebDataCore core, string role) => RenderPageAsync(core, role, "2026-11");

    private async Task<IRenderedComponent<KpisPage>> RenderPageAsync(WebDataCore core, string role, string period)
    {
        core.AddTo(Services);
        await TestAccount.SignInAsync(this, role);
        Render<MudPopoverProvider>();
        _dialogs = Render<MudDialogProvider>();
        var page = Render<KpisPage>(p => p.Add(x => x.EntityId, "jada").Add(x => x.PeriodText, period));
        if (period == "2026-11")
        {
            page.WaitForElement("#cash-on-hand");
            Assert.NotNull(await core.WithKpis(k => k.GetAsync("jada", November)));
        }

        return page;
    }
}
