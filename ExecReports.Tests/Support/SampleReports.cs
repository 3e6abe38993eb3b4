using ExecReports.Core.Data;
using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ExecReports.Tests.Support;

// The shipped samples (catalog, a copy of the handoffs, the seeded KPI months) in a throwaway data folder,
// with the clock fixed at 2026-12-01 so reports are repeatable.
public sealed class SampleReports : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly Period November = Period.Parse("2026-11");

    private readonly TempDirectory _temp = new();
    private readonly ServiceProvider _services;

    public SampleReports()
    {
        CopyDirectory(Path.Combine(RepoPaths.Samples, "handoffs"), HandoffsFolder);
        _services = new CoreServicesBuilder(_temp.Combine("data"))
            .With("Data:HandoffsPath", HandoffsFolder)
            .Services(s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(Now)))
            .Build();
        _services.GetRequiredService<DatabaseInitializer>().InitializeAsync().GetAwaiter().GetResult();
    }

    public string HandoffsFolder => _temp.Combine("handoffs");

    public IServiceProvider Services => _services;

    public ReportEngine Engine => _services.GetRequiredService<ReportEngine>();

    public async Task<ReportInputs> InputsAsync(Period? period = null)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReportInputsLoader>().LoadAsync(period ?? November, now: Now);
    }

    public async Task<ReportSet> GenerateAsync(Period? period = null) => Engine.Generate(await InputsAsync(period));

    public void Dispose()
    {
        _services.Dispose();
        _temp.Dispose();
    }

    // Also for tests that add their own handoff to a copy of the samples.
    public static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            var copy = Path.Combine(to, Path.GetFileName(file));
            File.Copy(file, copy);
            // A note without a date falls back to its modified time: pin it, so reports do not depend on the checkout.
            File.SetLastWriteTimeUtc(copy, Now.UtcDateTime.AddDays(-6));
        }
    }
}
