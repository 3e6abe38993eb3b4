using ExecReports.Core.Data;
using ExecReports.Core.Ingestion;
using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Tests.Core.Kpis;

public class KpiSeedTests
{
    private static readonly string SamplesPath = Path.Combine(RepoPaths.Samples, "kpis");

    [Fact]
    public async Task SeedLoadsTwelveMonthsForEachOfTheSevenEntitiesOnceAndNeverOverAUsersEdit()
    {
        using var temp = new TempDirectory();
        var data = temp.Combine("data");
        var november = Period.Parse("2026-11");
        for (var start = 0; start < 3; start++)
        {
            await using var services = new CoreServicesBuilder(data).With("Kpis:SamplesPath", SamplesPath).Build();
            await services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
            if (start == 0)
            {
                await using var editScope = services.CreateAsyncScope();
                var kpis = editScope.ServiceProvider.GetRequiredService<KpiService>();
                var month = (await kpis.GetAsync("jada", november))!;
                Assert.True((await kpis.SaveAsync(month with { CashOnHand = 1234m }, "owner@example.com")).Saved);
            }
        }

        await using var check = new CoreServicesBuilder(data).With("Kpis:SamplesPath", SamplesPath).Build();
        await using var scope = check.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var perEntity = await db.KpiRecords.GroupBy(r => r.EntityId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var periods = await db.KpiRecords.Select(r => r.Period).Distinct().OrderBy(p => p).ToListAsync();

        var catalog = check.GetRequiredService<EntityCatalogProvider>().Current;
        Assert.Equal(catalog.Entities.Select(e => e.Id).Order(StringComparer.Ordinal), perEntity.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.All(perEntity, e => Assert.Equal(12, e.Count));
        Assert.Equal(Period.Range(Period.Parse("2025-12"), november).Select(p => p.ToString()), periods);
        Assert.Equal(1, await db.SeedRuns.CountAsync(r => r.Name == "kpi-samples"));
        var edited = (await scope.ServiceProvider.GetRequiredService<KpiService>().GetStoredAsync("jada", november))!;
        Assert.Equal((1234m, 2, "owner@example.com"), (edited.Month.CashOnHand, edited.Version, edited.UpdatedBy));
        Assert.Equal(12 * 7 - 1, await db.KpiRecords.CountAsync(r => r.Version == 1 && r.UpdatedBy == KpiSeedStep.SeedUser));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task EverySampleFileImportsWithoutARejectedRecord()
    {
        await using var db = await KpiDatabase.StartAsync();
        foreach (var file in Directory.GetFiles(SamplesPath, "*.json").Where(f => !f.EndsWith(ChartOfAccounts.FileName, StringComparison.Ordinal)))
        {
            await using var stream = File.OpenRead(file);
            var result = await db.WithKpis(k => k.ImportJsonAsync(stream, "test"));
            Assert.True(result.AllImported, $"{file}: {string.Join(Environment.NewLine, result.Records.Where(r => r.Outcome == KpiImportOutcome.Rejected))}");
            Assert.Equal(12, result.Records.Count);
        }
    }

    [Fact]
    public void SampleChartOfAccountsLoadsAndCoversEveryAccountType()
    {
        var chart = ChartOfAccounts.Load(Path.Combine(SamplesPath, ChartOfAccounts.FileName));

        Assert.Equal(Enum.GetValues<AccountType>(), chart.Accounts.Select(a => a.Type).Distinct().Order());
        Assert.Equal(AccountType.CostOfSales, chart.Find("5010")!.Type);
    }

    [Fact]
    public async Task SampleNumbersTellTheStoryTheReportsLookFor()
    {
        await using var db = await KpiDatabase.StartAsync(SamplesPath);
        var recent = await db.WithKpis(k => k.ListForPeriodAsync(Period.Parse("2026-10")));
        var jada = recent.Single(m => m.EntityId == "jada");

        var netBurn = recent.Sum(m => m.ExpenseTotal + m.OwnerDraws - m.CashReceived);
        Assert.InRange(netBurn, 7000m, 9000m);
        Assert.Contains(jada.Channels, c => c is { Channel: "Sailo", Live: true });
        Assert.Contains(jada.Channels, c => c is { Channel: "Viator", Live: false });
        var year = await db.WithKpis(k => k.ListRangeAsync("jada", Period.Parse("2025-12"), Period.Parse("2026-11")));
        Assert.Contains(year.SelectMany(m => m.Revenue.Select(r => (m.Period, r))), x => x.r.ServiceDate is { } d && d > x.Period.LastDay);
        Assert.Contains(year.SelectMany(m => m.Expenses), e => e.AccountCode is null);
    }
}
