using ExecReports.Core.Data;
using ExecReports.Core.Kpis;
using ExecReports.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ExecReports.Tests.Core.Kpis;

// Real Core services on a real SQLite file (or a PostgreSQL database), with a fake clock. Samples come from an empty folder
// unless a test asks for another one, so each test starts with no KPI months.
public sealed class KpiDatabase : IAsyncDisposable
{
    private readonly CoreTestHost _host;

    private KpiDatabase(CoreTestHost host) => _host = host;

    public FakeTimeProvider Clock => _host.Clock;

    public static async Task<KpiDatabase> StartAsync(string? samplesPath = null, TestDatabase database = TestDatabase.Sqlite) =>
        new(await CoreTestHost.StartAsync(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero), (builder, temp) =>
        {
            Directory.CreateDirectory(temp.Combine("no-samples"));
            builder.With("Kpis:SamplesPath", samplesPath ?? temp.Combine("no-samples")).On(database);
        }));

    public Task<T> WithKpis<T>(Func<KpiService, Task<T>> use) => _host.With(use);

    public Task<T> WithDb<T>(Func<AppDbContext, Task<T>> use) => _host.DbAsync(use);

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
