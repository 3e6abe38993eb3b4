using Bunit;
using ExecReports.Core.Kpis;
using ExecReports.Tests.Support;
using ExecReports.Web.Components.Pages.Kpis;
using ExecReports.Web.Identity;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace ExecReports.Tests.Web.Kpis;

public class KpiUploadTests : MudTestBase
{
    [Fact]
    public async Task AnOversizeUploadSaysSoAndImportsNothing()
    {
        await using var core = await WebDataCore.StartAsync();
        var page = await RenderAsync(core);
        var before = await core.WithKpis(k => k.ListPeriodsAsync());

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(new byte[6 * 1024 * 1024], "big.json", contentType: "application/json"));

        page.WaitForAssertion(() => Assert.Contains("big.json is 6 MB; one import may hold at most 5 MB", page.Find("#import-problem").TextContent));
        Assert.Empty(page.FindAll("#import-results"));
        Assert.Equal(before, await core.WithKpis(k => k.ListPeriodsAsync()));
    }

    [Fact]
    public async Task AMonthOverTheLimitsIsListedAsRejectedWithItsField()
    {
        await using var core = await WebDataCore.StartAsync();
        var page = await RenderAsync(core);
        var month = new KpiMonthBuilder().For("jada", "2027-01").With(m => m with { EmailBlasts = [], Expenses = [m.Expenses[0] with { Description = new string('x', 300) }] }).Build();

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(KpiJson.Serialize(month), "month.json", contentType: "application/json"));

        page.WaitForAssertion(() => Assert.Contains("expenses[0].description: is 300 characters long; at most 200 are allowed.", page.Find("#import-results").TextContent));
        Assert.Empty(page.FindAll("#import-problem"));
    }

    [Fact]
    public async Task AStoredMonthOutsideTheLimitsOpensWithItsProblemsListed()
    {
        await using var core = await WebDataCore.StartAsync();
        await core.StoreDirectlyAsync("jada", "2026-11", m => m with { Expenses = [.. m.Expenses.Select(e => e with { Amount = decimal.MaxValue })] });
        core.AddTo(Services);
        await TestAccount.SignInAsync(this, Roles.Editor);
        Render<MudPopoverProvider>();

        var page = Render<KpisPage>(p => p.Add(x => x.EntityId, "jada").Add(x => x.PeriodText, "2026-11"));

        page.WaitForAssertion(() => Assert.Contains("This month as stored has", page.Find("#kpi-errors").TextContent));
        Assert.Contains("expenses[0].amount", page.Find("#kpi-errors").TextContent);
        Assert.NotNull(page.Find("#kpi-totals"));
    }

    private async Task<IRenderedComponent<KpisPage>> RenderAsync(WebDataCore core)
    {
        core.AddTo(Services);
        await TestAccount.SignInAsync(this, Roles.Editor);
        Render<MudPopoverProvider>();
        var page = Render<KpisPage>();
        page.WaitForElement("#kpi-overview");
        return page;
    }
}
