using ExecReports.Core.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ExecReports.Tests.Support;

// Core's real services (CoreServicesBuilder) over a throwaway folder of their own, with the database initialised and,
// unless a test passes no start time, a clock the test moves. The one host behind the KPI, schedule, web-data,
// claim and dispatch harnesses.
public sealed class CoreTestHost : IAsyncDisposable
{
    private readonly FakeTimeProvider? _clock;

    private CoreTestHost(TempDirectory temp, FakeTimeProvider? clock, ServiceProvider services)
    {
        Temp = temp;
        _clock = clock;
        Services = services;
    }

    public TempDirectory Temp { get; }

    public ServiceProvider Services { get; }

    public FakeTimeProvider Clock => _clock ?? throw new InvalidOperationException("This host runs on the system clock: start it with a time to get a clock the test moves.");

    // start: null only where the code under test waits on real time against a real server (retry delays, the mail rate
    // limiter), which a fake clock would never let pass.
    public static async Task<CoreTestHost> StartAsync(DateTimeOffset? start, Action<CoreServicesBuilder, TempDirectory>? configure = null)
    {
        var temp = new TempDirectory();
        var clock = start is { } at ? new FakeTimeProvider(at) : null;
        var builder = new CoreServicesBuilder(temp.Combine("data"));
        if (clock is not null)
        {
            builder.Services(s => s.AddSingleton<TimeProvider>(clock));
        }

        configure?.Invoke(builder, temp);
        var services = builder.Build();
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        return new CoreTestHost(temp, clock, services);
    }

    // A fresh scope per call, as a web request or CLI command would have.
    public async Task<TResult> With<TService, TResult>(Func<TService, Task<TResult>> use) where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public Task<TResult> DbAsync<TResult>(Func<AppDbContext, Task<TResult>> query) => With(query);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Temp.Dispose();
    }
}
