// Namespace "Scheduling", not "Schedule": a namespace ExecReports.Tests.Core.Schedule would hide the AccountingCmo fixture's Schedule property.
using ExecReports.Core.Configuration;
using ExecReports.Core.Data;
using ExecReports.Core.Schedule;
using ExecReports.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ExecReports.Tests.Core.Scheduling;

// Core's real services over the shipped samples and a real SQLite file, with a clock the test moves.
public sealed class ScheduleTestHost : IAsyncDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly ServiceProvider _services;

    private ScheduleTestHost(DateTimeOffset start, Action<CoreServicesBuilder>? configure)
    {
        Clock = new FakeTimeProvider(start);
        var builder = new CoreServicesBuilder(_temp.Combine("data"))
            .Services(s => s.AddSingleton<TimeProvider>(Clock));
        configure?.Invoke(builder);
        _services = builder.Build();
    }

    public FakeTimeProvider Clock { get; }

    public IServiceProvider Services => _services;

    public static async Task<ScheduleTestHost> StartAsync(DateTimeOffset start, Action<CoreServicesBuilder>? configure = null)
    {
        var host = new ScheduleTestHost(start, configure);
        await host._services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        // The schedule exists from the first start of the app.
        await host.With<ScheduleHistory, ScheduleState>(h => h.StateAsync());
        return host;
    }

    public void SetNow(DateTimeOffset now) => Clock.SetUtcNow(now);

    public async Task<TResult> With<TService, TResult>(Func<TService, Task<TResult>> use) where TService : notnull
    {
        await using var scope = _services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task<List<ScheduleRun>> RunsAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().ScheduleRuns.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
    }

    public int OutboxCount => Directory.Exists(_services.GetRequiredService<AppPaths>().Outbox)
        ? Directory.GetFiles(_services.GetRequiredService<AppPaths>().Outbox, "*.eml").Length
        : 0;

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }
}
