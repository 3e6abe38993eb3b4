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

    private async Task<IRenderedComponent<KpisPage>> RenderEditorAsync(WebDataCore core, string role)
    {
        core.AddTo(Services);
        await TestAccount.SignInAsync(this, role);
        Render<MudPopoverProvider>();
        var page = Render<KpisPage>(p => p.Add(x => x.EntityId, "jada").Add(x => x.PeriodText, "2026-11"));
        page.WaitForElement("#cash-on-hand");
        Assert.NotNull(await core.WithKpis(k => k.GetAsync("jada", November)));
        return page;
    }
}
