using Bunit;
using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Tests.Support;
using ExecReports.Web.Components.Pages.Kpis;
using ExecReports.Web.Identity;
using MudBlazor;

namespace ExecReports.Tests.Web.Kpis;

// Rental units, delivery jobs and portfolio clients are edited in the KPI editor and saved through KpiService,
// the same validation an import goes through; a row's fields the editor does not show are kept.
public class KpiDomainDataTests : MudTestBase
{
    private static readonly Period November = new(2026, 11);

    [Fact]
    public async Task ANegativeRentIsRefusedOnTheRentFieldOfThatUnitAndNothingIsSaved()
    {
        await using var core = await WebDataCore.StartAsync();
        var page = await RenderAsync(core, "rental-3028-51st");

        page.Find("#rental-units-1-rent").Change("-10");
        page.Find("#save-kpis").Click();

        page.WaitForAssertion(() => Assert.Contains("rental.units[1].rent: must not be negative", page.Find("#kpi-errors").TextContent));
        Assert.Contains("must not be negative (got -10)", page.Find("#rental-units-1-rent").Closest(".mud-input-control")!.TextContent);
        Assert.Equal(2100m, (await core.WithKpis(k => k.GetAsync("rental-3028-51st", November)))!.Rental!.Units[1].Rent);
    }

    [Fact]
    public async Task SavesAUnitsRentAndVacancyAndKeepsItsLeaseAndNotes()
    {
        await using var core = await WebDataCore.StartAsync();
        var page = await RenderAsync(core, "rental-3028-51st");
        Assert.Equal("Rental unit 1: rent", page.Find("#rental-units-0-rent").GetAttribute("aria-label"));

        page.Find("#rental-units-0-rent").Change("2400");
        page.Find("#save-kpis").Click();

        page.WaitForAssertion(() => Assert.Contains("rental.units[0].rent", page.Find("#kpi-history").TextContent));
        var unit = (await core.WithKpis(k => k.GetAsync("rental-3028-51st", November)))!.Rental!.Units[0];
        Assert.Equal((2400m, "Unit A", new DateOnly(2026, 12, 31), true), (unit.Rent, unit.Name, unit.LeaseEnd!.Value, unit.Occupied));
        Assert.Equal("Lease ends 2026-12-31; tenant has not confirmed renewal.", unit.Notes);
    }

    [Fact]
    public async Task SavesADeliveryJobsActualCostAndKeepsItsCrewAndRisks()
    {
        await using var core = await WebDataCore.StartAsync();
        var before = (await core.WithKpis(k => k.GetAsync("expert-yacht-delivery", November)))!.YachtDelivery!.Jobs[0];
        var page = await RenderAsync(core, "expert-yacht-delivery");

        page.Find("#yachtDelivery-jobs-0-actualCost").Change("14950");
        page.Find("#save-kpis").Click();

        page.WaitForAssertion(() => Assert.Contains("yachtDelivery.jobs[0].actualCost", page.Find("#kpi-history").TextContent));
        var job = (await core.WithKpis(k => k.GetAsync("expert-yacht-delivery", November)))!.YachtDelivery!.Jobs[0];
        Assert.Equal(14950m, job.ActualCost);
        Assert.Equal((before.Id, before.Quote, before.Status), (job.Id, job.Quote, job.Status));
        Assert.Equal(before.Crew, job.Crew);
        Assert.Equal(before.Risks, job.Risks);
    }

    [Fact]
    public async Task SavesAClientsPaymentsAndRefusesNegativeUnbilledHoursByName()
    {
        await using var core = await WebDataCore.StartAsync();
        var page = await RenderAsync(core, "dangerouscentaur-portfolio");

        page.Find("#portfolio-clients-0-unbilledHours").Change("-1");
        page.Find("#save-kpis").Click();
        page.WaitForAssertion(() => Assert.Contains("portfolio.clients[0].unbilledHours: must not be negative", page.Find("#kpi-errors").TextContent));

        page.Find("#portfolio-clients-0-unbilledHours").Change("6");
        page.Find("#portfolio-clients-0-paid").Change("42000");
        page.Find("#save-kpis").Click();

        page.WaitForAssertion(() => Assert.Contains("portfolio.clients[0].paid", page.Find("#kpi-history").TextContent));
        var client = (await core.WithKpis(k => k.GetAsync("dangerouscentaur-portfolio", November)))!.Portfolio!.Clients[0];
        Assert.Equal((42000m, 42000m, 6m), (client.Paid, client.Invoiced, client.UnbilledHours));
        Assert.Equal("HA-202611", Assert.Single(client.OpenInvoices!).Number);
    }

    [Fact]
    public async Task AnAddedRentalUnitNeedsANameAndIsSavedWithItsRent()
    {
        await using var core = await WebDataCore.StartAsync();
        var before = (await core.WithKpis(k => k.GetAsync("rental-3028-51st", November)))!.Rental!.Units;
        var page = await RenderAsync(core, "rental-3028-51st");
        var added = before.Count;

        page.Find("#add-rental-unit").Click();
        page.Find($"#rental-units-{added}-rent").Change("1750");
        page.Find("#save-kpis").Click();

        page.WaitForAssertion(() => Assert.Contains($"rental.units[{added}].name", page.Find("#kpi-errors").TextContent));
        Assert.Equal(before.Count, (await core.WithKpis(k => k.GetAsync("rental-3028-51st", November)))!.Rental!.Units.Count);

        page.Find($"#rental-units-{added}-name").Change("Unit C");
        page.Find("#save-kpis").Click();

        page.WaitForAssertion(() => Assert.Contains($"rental.units[{added}]", page.Find("#kpi-history").TextContent));
        var units = (await core.WithKpis(k => k.GetAsync("rental-3028-51st", November)))!.Rental!.Units;
        Assert.Equal(before.Count + 1, units.Count);
        Assert.Equal(("Unit C", 1750m, false), (units[added].Name, units[added].Rent, units[added].Occupied));
        Assert.Equal(before, units.Take(before.Count));
    }

    [Fact]
    public async Task RemovingADeliveryJobAndAClientSavesTheRestUnchanged()
    {
        await using var core = await WebDataCore.StartAsync();
        var jobs = (await core.WithKpis(k => k.GetAsync("expert-yacht-delivery", November)))!.YachtDelivery!.Jobs;
        var delivery = await RenderAsync(core, "expert-yacht-delivery");

        delivery.Find("button[aria-label='Remove delivery job 1']").Click();
        delivery.Find("#save-kpis").Click();

        delivery.WaitForAssertion(() => Assert.Contains("yachtDelivery.jobs", delivery.Find("#kpi-history").TextContent));
        var left = (await core.WithKpis(k => k.GetAsync("expert-yacht-delivery", November)))!.YachtDelivery!.Jobs;
        Assert.Equal(jobs.Skip(1).Select(j => j.Id), left.Select(j => j.Id));
        Assert.Equal(jobs[1].Crew, left[0].Crew);

        var clients = (await core.WithKpis(k => k.GetAsync("dangerouscentaur-portfolio", November)))!.Portfolio!.Clients;
        var portfolio = Render<KpisPage>(p => p.Add(x => x.EntityId, "dangerouscentaur-portfolio").Add(x => x.PeriodText, "2026-11"));
        portfolio.WaitForElement("#cash-on-hand");
        portfolio.Find($"button[aria-label='Remove client {clients.Count}']").Click();
        portfolio.Find("#save-kpis").Click();

        portfolio.WaitForAssertion(() => Assert.Contains("portfolio.clients", portfolio.Find("#kpi-history").TextContent));
        var kept = (await core.WithKpis(k => k.GetAsync("dangerouscentaur-portfolio", November)))!.Portfolio!.Clients;
        Assert.Equal(clients.Take(clients.Count - 1).Select(c => (c.Name, c.Invoiced, c.Paid)), kept.Select(c => (c.Name, c.Invoiced, c.Paid)));
    }

    [Fact]
    public async Task AnAddedDeliveryJobNeedsItsIdAndRouteAndIsSavedWithTheRestOfItsFields()
    {
        await using var core = await WebDataCore.StartAsync();
        var before = (await core.WithKpis(k => k.GetAsync("expert-yacht-delivery", November)))!.YachtDelivery!.Jobs;
        var page = await RenderAsync(core, "expert-yacht-delivery");
        var added = before.Count;

        page.Find("#add-delivery-job").Click();
        page.Find($"#yachtDelivery-jobs-{added}-quote").Change("9800");
        page.Find("#save-kpis").Click();

        page.WaitForAssertion(() => Assert.Contains($"yachtDelivery.jobs[{added}].id", page.Find("#kpi-errors").TextContent));
        Assert.Contains($"yachtDelivery.jobs[{added}].from", page.Find("#kpi-errors").TextContent);
        Assert.Contains($"yachtDelivery.jobs[{added}].to", page.Find("#kpi-errors").TextContent);
        Assert.Equal(before.Count, (await core.WithKpis(k => k.GetAsync("expert-yacht-delivery", November)))!.YachtDelivery!.Jobs.Count);

        page.Find($"#yachtDelivery-jobs-{added}-id").Change("EYD-NEW-1");
        page.Find($"#yachtDelivery-jobs-{added}-from").Change("San Diego");
        page.Find($"#yachtDelivery-jobs-{added}-to").Change("Ensenada");
        page.Find($"#yachtDelivery-jobs-{added}-vessel").Change("Sea Biscuit");
        page.Find($"#yachtDelivery-jobs-{added}-deliveryDate").Change("2026-12-12");
        page.Find("#save-kpis").Click();

        page.WaitForAssertion(() => Assert.Contains($"yachtDelivery.jobs[{added}]", page.Find("#kpi-history").TextContent));
        var jobs = (await core.WithKpis(k => k.GetAsync("expert-yacht-delivery", November)))!.YachtDelivery!.Jobs;
        var job = jobs[added];
        Assert.Equal(("EYD-NEW-1", "San Diego", "Ensenada", "Sea Biscuit", 9800m, new DateOnly(2026, 12, 12), DeliveryStatus.Quoted),
            (job.Id, job.From, job.To, job.Vessel, job.Quote, job.DeliveryDate!.Value, job.Status));
        Assert.Equal(before.Select(j => (j.Id, j.Quote, j.Status)), jobs.Take(before.Count).Select(j => (j.Id, j.Quote, j.Status)));
    }

    [Fact]
    public async Task AnAddedClientNeedsANameAndTheRateItsBillingTypeNeedsAndIsSaved()
    {
        await using var core = await WebDataCore.StartAsync();
        var before = (await core.WithKpis(k => k.GetAsync("dangerouscentaur-portfolio", November)))!.Portfolio!.Clients;
        var page = await RenderAsync(core, "dangerouscentaur-portfolio");
        var added = before.Count;

        page.Find("#add-client").Click();
        page.Find($"#portfolio-clients-{added}-invoiced").Change("3000");
        page.Find("#save-kpis").Click();

        page.WaitForAssertion(() => Assert.Contains($"portfolio.clients[{added}].name", page.Find("#kpi-errors").TextContent));
        Assert.Contains($"portfolio.clients[{added}].retainer: is required for a retainer client", page.Find("#kpi-errors").TextContent);

        page.Find($"#portfolio-clients-{added}-name").Change("Harbor Dental");
        page.Find($"#portfolio-clients-{added}-retainer").Change("1500");
        page.Find("#save-kpis").Click();

        page.WaitForAssertion(() => Assert.Contains($"portfolio.clients[{added}]", page.Find("#kpi-history").TextContent));
        var clients = (await core.WithKpis(k => k.GetAsync("dangerouscentaur-portfolio", November)))!.Portfolio!.Clients;
        var client = clients[added];
        Assert.Equal(("Harbor Dental", BillingType.Retainer, (decimal?)1500m, 3000m), (client.Name, client.BillingType, client.Retainer, client.Invoiced));
        Assert.Equal(before.Select(c => (c.Name, c.Invoiced, c.Paid)), clients.Take(before.Count).Select(c => (c.Name, c.Invoiced, c.Paid)));
    }

    [Fact]
    public async Task RemovingEveryRentalUnitKeepsTheSectionSoAUnitCanBeAddedBack()
    {
        await using var core = await WebDataCore.StartAsync();
        var count = (await core.WithKpis(k => k.GetAsync("rental-3028-51st", November)))!.Rental!.Units.Count;
        var page = await RenderAsync(core, "rental-3028-51st");

        for (var i = count; i >= 1; i--)
        {
            page.Find($"button[aria-label='Remove rental unit {i}']").Click();
        }

        Assert.Empty(page.FindAll("#rental-section tbody tr"));
        page.Find("#add-rental-unit").Click();
        page.Find("#rental-units-0-name").Change("Unit A");
        page.Find("#rental-units-0-rent").Change("2300");
        page.Find("#save-kpis").Click();

        page.WaitForAssertion(() => Assert.Contains("rental.units", page.Find("#kpi-history").TextContent));
        var unit = Assert.Single((await core.WithKpis(k => k.GetAsync("rental-3028-51st", November)))!.Rental!.Units);
        Assert.Equal(("Unit A", 2300m, (DateOnly?)null), (unit.Name, unit.Rent, unit.LeaseEnd));
    }

    [Fact]
    public async Task AViewerSeesDomainDataReadOnly()
    {
        await using var core = await WebDataCore.StartAsync();
        var page = await RenderAsync(core, "rental-3028-51st", Roles.Viewer);

        Assert.True(page.Find("#rental-units-0-rent").HasAttribute("readonly"));
    }

    private async Task<IRenderedComponent<KpisPage>> RenderAsync(WebDataCore core, string entityId, string role = Roles.Editor)
    {
        core.AddTo(Services);
        await TestAccount.SignInAsync(this, role);
        Render<MudPopoverProvider>();
        Render<MudDialogProvider>();
        var page = Render<KpisPage>(p => p.Add(x => x.EntityId, entityId).Add(x => x.PeriodText, "2026-11"));
        page.WaitForElement("#cash-on-hand");
        return page;
    }
}
