using System.Text;
using System.Text.Json.Nodes;
using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Tests.Support;

namespace ExecReports.Tests.Core.Kpis;

public class KpiImportExportTests
{
    private static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    private static async Task<string> ExportAsync(KpiDatabase db, string? entity = null, Period? period = null)
    {
        using var output = new MemoryStream();
        await db.WithKpis(k => k.ExportJsonAsync(output, entity, period));
        return Encoding.UTF8.GetString(output.ToArray());
    }

    [Fact]
    public async Task ExportThenImportIntoAnEmptyDatabaseRoundTripsEveryMonth()
    {
        await using var source = await KpiDatabase.StartAsync();
        await source.WithKpis(k => k.SaveAsync(new KpiMonthBuilder(), "owner@example.com"));
        await source.WithKpis(k => k.SaveAsync(new KpiMonthBuilder().For("queenofsandiego", "2026-10").With(m => m with
        {
            EmailBlasts = [],
            Rental = new RentalData { Units = [new RentalUnit { Name = "Unit A", Rent = 2250m, LeaseEnd = new DateOnly(2026, 12, 31), Occupied = true }] },
            YachtDelivery = new YachtDeliveryData { Jobs = [new DeliveryJob { Id = "EYD-2603", From = "Newport Beach", To = "San Francisco", Quote = 6200m, ActualCost = 7900m, Status = DeliveryStatus.Completed, Crew = ["Skipper"], Risks = ["Weather"] }] },
            Portfolio = new PortfolioData { Clients = [new PortfolioClient { Name = "Pacific Surf School", BillingType = BillingType.Hourly, HourlyRate = 110m, Overdue = 4400m, OverdueDays = 60 }] },
        }), "owner@example.com"));
        var exported = await ExportAsync(source);

        await using var target = await KpiDatabase.StartAsync();
        var result = await target.WithKpis(k => k.ImportJsonAsync(Utf8(exported), "importer@example.com"));

        Assert.True(result.AllImported);
        Assert.All(result.Records, r => Assert.Equal(KpiImportOutcome.Created, r.Outcome));
        Assert.Equal(exported, await ExportAsync(target));
        Assert.Equal(JsonNode.Parse(exported)!.AsArray().Count, result.Records.Count);
    }

    [Fact]
    public async Task ExportFiltersByEntityAndPeriod()
    {
        await using var db = await KpiDatabase.StartAsync();
        await db.WithKpis(k => k.SaveAsync(new KpiMonthBuilder(), "owner@example.com"));
        await db.WithKpis(k => k.SaveAsync(new KpiMonthBuilder().For("queenofsandiego", "2026-11"), "owner@example.com"));

        var months = JsonNode.Parse(await ExportAsync(db, "queenofsandiego", Period.Parse("2026-11")))!.AsArray();

        Assert.Equal("queenofsandiego", Assert.Single(months)!["entityId"]!.GetValue<string>());
    }

    [Fact]
    public async Task ImportWithOneBadRecordImportsTheRestAndNamesTheBadOne()
    {
        await using var db = await KpiDatabase.StartAsync();
        var good1 = KpiJson.Serialize(new KpiMonthBuilder().For("jada", "2026-10").With(m => m with { EmailBlasts = [] }));
        var bad = KpiJson.Serialize(new KpiMonthBuilder().For("jada", "2026-11").WithExpense(1, e => e with { Amount = -310m }));
        var good2 = KpiJson.Serialize(new KpiMonthBuilder().For("queenofsandiego", "2026-11"));

        var result = await db.WithKpis(k => k.ImportJsonAsync(Utf8($"[{good1},{bad},{good2}]"), "importer@example.com"));

        Assert.Equal([KpiImportOutcome.Created, KpiImportOutcome.Rejected, KpiImportOutcome.Created], result.Records.Select(r => r.Outcome));
        var rejected = result.Records[1];
        Assert.Equal((1, "jada", "2026-11"), (rejected.Index, rejected.EntityId, rejected.Period));
        Assert.Equal("expenses[1].amount", Assert.Single(rejected.Errors).FieldPath);
        Assert.Contains("#1 jada 2026-11: rejected - expenses[1].amount", rejected.ToString());
        Assert.NotNull(await db.WithKpis(k => k.GetAsync("queenofsandiego", Period.Parse("2026-11"))));
        Assert.Null(await db.WithKpis(k => k.GetAsync("jada", Period.Parse("2026-11"))));
    }

    [Fact]
    public async Task RejectsMalformedMonthOnImportAndNamesThePeriodField()
    {
        await using var db = await KpiDatabase.StartAsync();
        var node = JsonNode.Parse(KpiJson.Serialize(new KpiMonthBuilder()))!;
        node["period"] = "2026-13";

        var result = await db.WithKpis(k => k.ImportJsonAsync(Utf8($"[{node.ToJsonString()}]"), "importer@example.com"));

        var record = Assert.Single(result.Records);
        Assert.Equal(KpiImportOutcome.Rejected, record.Outcome);
        Assert.Equal("2026-13", record.Period);
        Assert.Equal("period", Assert.Single(record.Errors).FieldPath);
    }

    [Theory]
    [InlineData("expenses", 2, "amount", "\"a lot\"", "expenses[2].amount")]
    [InlineData("pipeline", 0, "stage", "\"maybe\"", "pipeline[0].stage")]
    [InlineData("pipeline", 0, "surprise", "1", "pipeline[0].surprise")]
    public async Task NamesTheFieldOfAValueTheSerializerCannotRead(string list, int index, string field, string json, string expectedPath)
    {
        await using var db = await KpiDatabase.StartAsync();
        var node = JsonNode.Parse(KpiJson.Serialize(new KpiMonthBuilder()))!;
        node[list]![index]![field] = JsonNode.Parse(json);

        var result = await db.WithKpis(k => k.ImportJsonAsync(Utf8(node.ToJsonString()), "importer@example.com"));

        var error = Assert.Single(Assert.Single(result.Records).Errors);
        Assert.StartsWith(expectedPath, error.FieldPath);
    }

    [Theory]
    [InlineData("expenses", "amount", "expenses[1].amount")]
    [InlineData("pipeline", "stage", "pipeline[0].stage")]
    [InlineData("", "period", "period")]
    public async Task NamesAMissingRequiredNumberDateOrChoiceInsteadOfDefaultingIt(string list, string field, string expectedPath)
    {
        await using var db = await KpiDatabase.StartAsync();
        var node = JsonNode.Parse(KpiJson.Serialize(new KpiMonthBuilder()))!;
        var target = list.Length == 0 ? node.AsObject() : node[list]![list == "expenses" ? 1 : 0]!.AsObject();
        target.Remove(field);

        var result = await db.WithKpis(k => k.ImportJsonAsync(Utf8(node.ToJsonString()), "importer@example.com"));

        var error = Assert.Single(Assert.Single(result.Records).Errors);
        Assert.Equal((expectedPath, "is required."), (error.FieldPath, error.Message));
    }

    [Fact]
    public async Task ReportsAFileThatIsNotJsonAsOneRejectedResult()
    {
        await using var db = await KpiDatabase.StartAsync();

        var result = await db.WithKpis(k => k.ImportJsonAsync(Utf8("[{\"entityId\": \"jada\","), "importer@example.com"));

        Assert.False(result.AllImported);
        Assert.Contains("not valid JSON", Assert.Single(Assert.Single(result.Records).Errors).Message);
    }

    [Fact]
    public async Task ImportingTheSameFileTwiceLeavesEveryRecordUnchanged()
    {
        await using var db = await KpiDatabase.StartAsync();
        var file = $"[{KpiJson.Serialize(new KpiMonthBuilder())}]";
        await db.WithKpis(k => k.ImportJsonAsync(Utf8(file), "importer@example.com"));

        var again = await db.WithKpis(k => k.ImportJsonAsync(Utf8(file), "importer@example.com"));

        Assert.Equal(KpiImportOutcome.Unchanged, Assert.Single(again.Records).Outcome);
    }
}
