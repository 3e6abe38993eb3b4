using ExecReports.Core.Ingestion;
using ExecReports.Core.Kpis;
using ExecReports.Web.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ExecReports.Tests.Support;

// Real Core services (sample catalog, sample KPI months in real SQLite, a handoffs folder) for the data pages'
// bUnit tests: the pages get the same singletons the app registers, built over a throwaway data folder.
public sealed class WebDataCore : IAsyncDisposable
{
    private readonly CoreTestHost _host;

    private WebDataCore(CoreTestHost host) => _host = host;

    public FakeTimeProvider Clock => _host.Clock;

    public string HandoffsFolder => _host.Temp.Combine("handoffs");

    // handoffsFolder: null for an empty folder the test writes into (HandoffsFolder).
    public static async Task<WebDataCore> StartAsync(string? handoffsFolder = null) =>
        new(await CoreTestHost.StartAsync(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero), (builder, temp) =>
        {
            Directory.CreateDirectory(temp.Combine("handoffs"));
            builder
                .With("Data:EntitiesFile", Path.Combine(RepoPaths.Samples, "entities.yaml"))
                .With("Data:HandoffsPath", handoffsFolder ?? temp.Combine("handoffs"))
                .With("Kpis:SamplesPath", Path.Combine(RepoPaths.Samples, "kpis"))
                // Page tests are about what a page shows; the parse budget has its own tests (HandoffHardeningTests).
                .With("Data:ParseTimeoutMs", "60000");
        }));

    public void WriteHandoff(string name, string content) => File.WriteAllText(Path.Combine(HandoffsFolder, name), content);

    public void AddTo(IServiceCollection services)
    {
        services.AddSingleton(_host.Services.GetRequiredService<EntityCatalogProvider>());
        services.AddSingleton(_host.Services.GetRequiredService<HandoffStore>());
        services.AddSingleton(_host.Services.GetRequiredService<ExecReports.Core.Secrets.SecretScanner>());
        services.AddSingleton(_host.Services.GetRequiredService<ChartOfAccounts>());
        services.AddSingleton(_host.Services.GetRequiredService<ExecReports.Core.Email.ReportMessageBuilder>());
        services.AddSingleton(new KpiAccess(_host.Services.GetRequiredService<IServiceScopeFactory>()));
    }

    public Task<T> WithKpis<T>(Func<KpiService, Task<T>> use) => _host.With(use);

    // Bypasses KpiService and its validator, as a month saved before a rule existed would.
    public Task StoreDirectlyAsync(string entityId, string period, Func<KpiMonth, KpiMonth> change) =>
        _host.DbAsync(async db =>
        {
            var record = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.KpiRecords, r => r.EntityId == entityId && r.Period == period);
            record.Json = KpiJson.Serialize(change(KpiJson.Deserialize(record.Json)));
            return await db.SaveChangesAsync();
        });

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
