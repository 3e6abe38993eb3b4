using ExecReports.Core.Data;
using ExecReports.Core.Kpis;
using ExecReports.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ExecReports.Tests.Core.Kpis;

// Real Core services on a real SQLite file (or a PostgreSQL database), with a fake clock. Samples come from an empty folder
// unless a test asks for another one, so each test starts with no KPI months.
public sealed class KpiDatabase : IAsyncDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly ServiceProvider _services;

    private KpiDatabase(string? samplesPath, TestDatabase database)
    {
        Directory.CreateDirectory(_temp.Combine("no-samples"));
        _services = new CoreServicesBuilder(_temp.Combine("data"))
            .With("Kpis:SamplesPath", samplesPath ?? _temp.Combine("no-samples"))
            .Services(s => s.AddSingleton<TimeProvider>(Clock))
            .On(database)
            .Build();
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    public static async Task<KpiDatabase> StartAsync(string? samplesPath = null, TestDatabase database = TestDatabase.Sqlite)
    {
        var db = new KpiDatabase(samplesPath, database);
        await db._services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        return db;
    }

    // A fresh scope per call, as a web request or CLI command would have.
    public async Task<T> WithKpis<T>(Func<KpiService, Task<T>> use)
    {
        await using var scope = _services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<KpiService>());
    }

    public async Task<T> WithDb<T>(Func<AppDbContext, Task<T>> use)
    {
        await using var scope = _services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }
}
