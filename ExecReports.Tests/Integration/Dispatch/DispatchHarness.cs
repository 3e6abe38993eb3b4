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

    private DispatchHarness(TempDirectory temp, SmtpTestServer smtp, ServiceProvider services)
    {
        Temp = temp;
        Smtp = smtp;
        Services = services;
    }

    public TempDirectory Temp { get; }
    public SmtpTestServer Smtp { get; }
    public ServiceProvider Services { get; }

    public DispatchService Dispatch => Services.GetRequiredService<DispatchService>();

    public IArchiveStore Archive => Services.GetRequiredService<IArchiveStore>();

    public static async Task<DispatchHarness> StartAsync(Action<CoreServicesBuilder>? configure = null, TestDatabase database = TestDatabase.Sqlite)
    {
        var temp = new TempDirectory();
        var smtp = await SmtpTestServer.StartAsync();
        var builder = new CoreServicesBuilder(temp.Combine("data"))
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
        var services = builder.Build();
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        return new DispatchHarness(temp, smtp, services);
    }

    public async Task<T> DbAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

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
        await Services.DisposeAsync();
        await Smtp.DisposeAsync();
        Temp.Dispose();
    }
}
