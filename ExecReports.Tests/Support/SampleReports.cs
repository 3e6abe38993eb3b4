using ExecReports.Core.Data;
using ExecReports.Core.Ingestion;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reports;
using ExecReports.Core.Reports.Metrics;
using ExecReports.Core.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ExecReports.Tests.Support;

// The shipped samples (catalog, a copy of the handoffs, the seeded KPI months) in a throwaway data folder through
// Core's real services, with the clock fixed at 2026-12-01 so reports are repeatable. As a class fixture it also
// generates the 2026-11 set once for the class (Set).
public sealed class SampleReports : IDisposable, IAsyncLifetime
{
    public static readonly DateTimeOffset Now = ReportInputsBuilder.Now;
    public static readonly Period November = ReportInputsBuilder.November;

    private readonly TempDirectory _temp = new();
    private readonly ServiceProvider _services;
    private ReportSet? _set;

    public SampleReports()
        : this(null)
    {
    }

    // Settings a test needs on top of the samples' (Feedback:ViewersMayComment, …). A factory, not a second public
    // constructor: a class fixture may have only one.
    public static SampleReports With(Action<CoreServicesBuilder> configure) => new(configure);

    private SampleReports(Action<CoreServicesBuilder>? configure)
    {
        CopyDirectory(Path.Combine(RepoPaths.Samples, "handoffs"), HandoffsFolder);
        var builder = new CoreServicesBuilder(_temp.Combine("data"))
            .With("Data:HandoffsPath", HandoffsFolder)
            .Services(s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(Now)));
        configure?.Invoke(builder);
        _services = builder.Build();
        _services.GetRequiredService<DatabaseInitializer>().InitializeAsync().GetAwaiter().GetResult();
    }

    public string HandoffsFolder => _temp.Combine("handoffs");

    public IServiceProvider Services => _services;

    public ReportEngine Engine => _services.GetRequiredService<ReportEngine>();

    public ValidationGate Gate => _services.GetRequiredService<ValidationGate>();

    public ReportSet Set => _set ?? throw new InvalidOperationException("Set is generated when SampleReports is a class fixture (InitializeAsync).");

    public EntityCatalog Catalog => Set.Inputs.Catalog;

    public ReportText Cfo => ReportText.From(Set.For(ReportRole.Cfo)!);

    public string TempPath(params string[] parts) => _temp.Combine(parts);

    public async Task<ReportInputs> InputsAsync(Period? period = null, HandoffSnapshot? handoffs = null)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReportInputsLoader>().LoadAsync(period ?? November, handoffs, Now);
    }

    public async Task<ReportSet> GenerateAsync(Period? period = null, HandoffSnapshot? handoffs = null) => Engine.Generate(await InputsAsync(period, handoffs));

    public async Task<MetricBook> BookAsync(Period period) => Engine.Metrics(await InputsAsync(period));

    public async Task InitializeAsync() => _set = await GenerateAsync();

    public Task DisposeAsync() => Task.CompletedTask;

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
