using System.Text.Json.Nodes;
using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Tests.Support;
using ExecReports.Web.Components.Pages.Kpis;

namespace ExecReports.Tests.Web.Kpis;

public class KpiMonthFormTests
{
    public static TheoryData<string> SampleFiles()
    {
        var files = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Samples, "kpis"), "*.json").Where(f => !f.EndsWith("chart-of-accounts.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            files.Add(Path.GetFileName(file));
        }

        return files;
    }

    // Every stored month, domain rows included, opens unchanged and saves back exactly what was loaded: the sticky
    // save bar and the leave-page guard never fire on a month nobody touched.
    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void EverySampleMonthOpensUnchangedAndRoundTripsThroughTheForm(string file)
    {
        var months = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Samples, "kpis", file)))!.AsArray();
        Assert.NotEmpty(months);
        foreach (var node in months)
        {
            var (month, error) = KpiJson.TryDeserialize(node);
            Assert.True(error is null, $"{file}: {error}");
            var form = KpiMonthForm.From(month!);

            Assert.False(form.IsDirty, $"{file} {month!.Period} opens as changed");
            var (saved, errors) = form.ToMonth();
            Assert.Empty(errors);
            Assert.Equal(KpiJson.Serialize(month), KpiJson.Serialize(saved));
        }
    }

    [Fact]
    public void ABlankMonthOfTheDeliveryEntityShowsItsJobsButNotTheRentalUnits()
    {
        var form = KpiMonthForm.Blank("expert-yacht-delivery", new Period(2026, 12), "USD");

        Assert.True(form.ShowsDelivery);
        Assert.False(form.ShowsRental);
        Assert.False(form.ShowsClients);
        Assert.Null(form.ToMonth().Month.YachtDelivery);
        Assert.False(form.IsDirty);
    }

    [Fact]
    public void AnAddedJobOnABlankMonthIsSavedWithItsRouteAndADeliveryDateThatMustParse()
    {
        var form = KpiMonthForm.Blank("expert-yacht-delivery", new Period(2026, 12), "USD");

        form.AddDeliveryJob();
        var job = form.DeliveryJobs[0];
        job.Id = " EYD-2612 ";
        job.From = "San Diego";
        job.To = "Cabo San Lucas";
        job.Quote = 9800m;
        job.DeliveryDate = "2026-12-18";
        var (month, errors) = form.ToMonth();

        Assert.Empty(errors);
        Assert.True(form.IsDirty);
        var saved = Assert.Single(month.YachtDelivery!.Jobs);
        Assert.Equal(("EYD-2612", "San Diego", "Cabo San Lucas", 9800m, new DateOnly(2026, 12, 18), DeliveryStatus.Quoted, (string?)null),
            (saved.Id, saved.From, saved.To, saved.Quote, saved.DeliveryDate!.Value, saved.Status, saved.Vessel));

        job.DeliveryDate = "18/12/2026";
        var error = Assert.Single(form.ToMonth().Errors);
        Assert.Equal("yachtDelivery.jobs[0].deliveryDate", error.FieldPath);
    }

    [Fact]
    public void RemovingEveryRentalUnitKeepsTheRentalDataAsAnEmptyList()
    {
        var month = new KpiMonthBuilder().For("rental-3028-51st", "2026-11")
            .With(m => m with { Rental = new RentalData { Units = [new RentalUnit { Name = "Unit A", Rent = 2000m, Occupied = true }] } })
            .Build();
        var form = KpiMonthForm.From(month);

        form.RentalUnits.Clear();

        Assert.True(form.ShowsRental);
        Assert.Empty(form.ToMonth().Month.Rental!.Units);
        Assert.True(form.IsDirty);
    }
}
