using ExecReports.Core.Data;
using ExecReports.Core.Ingestion;
using ExecReports.Core.Kpis;
using ExecReports.Tests.Support;
using ExecReports.Web.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ExecReports.Tests.Web;

// Real Core services (sample catalog, sample KPI months in real SQLite, a handoffs folder) for the data pages'
// bUnit tests: the pages get the same singletons the app registers, built over a throwaway data folder.
public sealed class WebDataCore : IAsyncDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly ServiceProvider _services;

    private WebDataCore(string? handoffsFolder)
    {
        Directory.CreateDirectory(HandoffsFolder);
        _services = new CoreServicesBuilder(_temp.Combine("data"))
            .With("Data:EntitiesFile", Path.Combine(RepoPaths.Samples, "entities.yaml"))
            .With("Data:HandoffsPath", handoffsFolder ?? HandoffsFolder)
            .With("Kpis:SamplesPath", Path.Combine(RepoPaths.Samples, "kpis"))
            // Page tests are about what a page shows; the parse budget has its own tests (HandoffHardeningTests).
            .With("Data:ParseTimeoutMs", "60000")
            .Services(s => s.AddSingleton<TimeProvider>(Clock))
            .Build();
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    public string HandoffsFolder => _temp.Combine("handoffs");

    // handoffsFolder: null for an empty folder the test writes into (HandoffsFolder).
    public static async Task<WebDataCore> StartAsync(string? handoffsFolder = null)
    {
        var core = new WebDataCore(handoffsFolder);
        await core._services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        return core;
    }

    public void WriteHandoff(string name, string content) => File.WriteAllText(Path.Combine(HandoffsFolder, name), content);

    public void AddTo(IServiceCollection services)
    {
        services.AddSingleton(_services.GetRequiredService<EntityCatalogProvider>());
        services.AddSingleton(_services.GetRequiredService<HandoffStore>());
        services.AddSingleton(_services.GetRequiredService<ExecReports.Core.Secrets.SecretScanner>());
        services.AddSingleton(_services.GetRequiredService<ChartOfAccounts>());
        services.AddSingleton(new KpiAccess(_services.GetRequiredService<IServiceScopeFactory>()));
    }

    public async Task<T> WithKpis<T>(Func<KpiService, Task<T>> use)
    {
        await using var scope = _services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<KpiService>());
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }
}
