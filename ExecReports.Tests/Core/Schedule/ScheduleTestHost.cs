using ExecReports.Core.Configuration;
using ExecReports.Core.Schedule;
using ExecReports.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ExecReports.Tests.Core.Schedule;

// Core's real services over the shipped samples and a real SQLite file, with a clock the test moves.
public sealed class ScheduleTestHost : IAsyncDisposable
{
    private readonly CoreTestHost _host;

    private ScheduleTestHost(CoreTestHost host) => _host = host;

    public FakeTimeProvider Clock => _host.Clock;

    public IServiceProvider Services => _host.Services;

    public static async Task<ScheduleTestHost> StartAsync(DateTimeOffset start)
    {
        var host = new ScheduleTestHost(await CoreTestHost.StartAsync(start));
        // The schedule exists from the first start of the app.
        await host.With<ScheduleHistory, ScheduleState>(h => h.StateAsync());
        return host;
    }

    public void SetNow(DateTimeOffset now) => Clock.SetUtcNow(now);

    public Task<TResult> With<TService, TResult>(Func<TService, Task<TResult>> use) where TService : notnull => _host.With(use);

    public Task<List<ScheduleRun>> RunsAsync() => _host.DbAsync(db => db.ScheduleRuns.AsNoTracking().OrderBy(r => r.Id).ToListAsync());

    public int OutboxCount => Directory.Exists(Outbox) ? Directory.GetFiles(Outbox, "*.eml").Length : 0;

    private string Outbox => _host.Services.GetRequiredService<AppPaths>().Outbox;

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
