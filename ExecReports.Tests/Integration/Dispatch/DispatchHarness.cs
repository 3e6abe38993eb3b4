using System.Globalization;
using ExecReports.Core.Archive;
using ExecReports.Core.Data;
using ExecReports.Core.Dispatch;
using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Tests.Integration.Dispatch;

// Core's real services on a throwaway data folder, mailing through a real SMTP server on 127.0.0.1.
public sealed class DispatchHarness : IAsyncDisposable
{
    public static readonly Period November = new(2026, 11);

    private readonly CoreTestHost _host;

    private DispatchHarness(CoreTestHost host, SmtpTestServer smtp)
    {
        _host = host;
        Smtp = smtp;
    }

    public TempDirectory Temp => _host.Temp;
    public SmtpTestServer Smtp { get; }
    public ServiceProvider Services => _host.Services;

    public DispatchService Dispatch => Services.GetRequiredService<DispatchService>();

    public IArchiveStore Archive => Services.GetRequiredService<IArchiveStore>();

    // On the system clock: sends go through the mail sender's real retry delays and rate limiter to a real server.
    public static async Task<DispatchHarness> StartAsync(Action<CoreServicesBuilder>? configure = null, TestDatabase database = TestDatabase.Sqlite)
    {
        var smtp = await SmtpTestServer.StartAsync();
        var host = await CoreTestHost.StartAsync(start: null, (builder, _) =>
        {
            builder
                .With("Email:Transport", "Smtp")
                .With("Email:Smtp:Host", "127.0.0.1")
                .With("Email:Smtp:Port", smtp.Port.ToString(CultureInfo.InvariantCulture))
                .With("Email:Smtp:Security", "None")
                .With("Email:Retry:BaseDelaySeconds", "0.01")
                .With("Email:Retry:MaxAttempts", "4")
                .With("Email:MaxSendRatePerSecond", "1000")
                .With("Email:Recipients:ceo:To:0", "ceo@example.com")
                .On(database);
            configure?.Invoke(builder);
        });
        return new DispatchHarness(host, smtp);
    }

    public Task<T> DbAsync<T>(Func<AppDbContext, Task<T>> query) => _host.DbAsync(query);

    public Task<List<DispatchItem>> ItemsAsync() =>
        DbAsync(db => db.DispatchItems.AsNoTracking().Include(i => i.Attempts).OrderBy(i => i.Id).ToListAsync());

    // Report mails per subject (alert mails excluded).
    public Dictionary<string, int> ReceivedPerSubject() => Smtp.Received
        .Select(m => m.Parse().Subject ?? "")
        .Where(s => !s.StartsWith("[ExecReports]", StringComparison.Ordinal))
        .GroupBy(s => s)
        .ToDictionary(g => g.Key, g => g.Count());

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
