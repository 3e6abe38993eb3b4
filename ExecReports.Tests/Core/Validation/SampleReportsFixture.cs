using ExecReports.Core.Data;
using ExecReports.Core.Ingestion;
using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reports;
using ExecReports.Core.Reports.Metrics;
using ExecReports.Core.Validation;
using ExecReports.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Tests.Core.Validation;

// The shipped samples (catalog, handoffs, KPIs) through the real services: the 2026-11 set generated once per class.
public sealed class SampleReportsFixture : IAsyncLifetime
{
    public static readonly Period November = Period.Parse("2026-11");
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _temp = new();

    public ServiceProvider Services { get; private set; } = null!;
    public ReportSet Set { get; private set; } = null!;
    public ValidationGate Gate => Services.GetRequiredService<ValidationGate>();
    public EntityCatalog Catalog => Set.Inputs.Catalog;
    public ReportText Cfo => ReportText.From(Set.For(ReportRole.Cfo)!);

    public string TempPath(params string[] parts) => _temp.Combine(parts);

    public async Task InitializeAsync()
    {
        Services = new CoreServicesBuilder(_temp.Combine("data"))
            .With("Kpis:SamplesPath", Path.Combine(RepoPaths.Samples, "kpis"))
            .With("Data:EntitiesFile", Path.Combine(RepoPaths.Samples, "entities.yaml"))
            .With("Data:HandoffsPath", Path.Combine(RepoPaths.Samples, "handoffs"))
            .Build();
        await Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        Set = await GenerateAsync();
    }

    public async Task<ReportSet> GenerateAsync(HandoffSnapshot? handoffs = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var inputs = await scope.ServiceProvider.GetRequiredService<ReportInputsLoader>().LoadAsync(November, handoffs, Now);
        return Services.GetRequiredService<ReportEngine>().Generate(inputs);
    }

    public async Task<MetricBook> BookAsync(Period period)
    {
        await using var scope = Services.CreateAsyncScope();
        var inputs = await scope.ServiceProvider.GetRequiredService<ReportInputsLoader>().LoadAsync(period, now: Now);
        return Services.GetRequiredService<ReportEngine>().Metrics(inputs);
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        _temp.Dispose();
    }
}
