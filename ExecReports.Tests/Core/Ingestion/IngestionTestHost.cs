using ExecReports.Core.Ingestion;
using ExecReports.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ExecReports.Tests.Core.Ingestion;

// Core's real registrations over a temp handoffs folder and the sample catalog, with a fake clock.
public sealed class IngestionTestHost : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly ServiceProvider _services;

    public IngestionTestHost(int maxBytes = 1_048_576, int staleDays = 30, string? entitiesFile = null, int parseTimeoutMs = 10_000)
    {
        Directory.CreateDirectory(Folder);
        _services = new CoreServicesBuilder(_temp.Combine("data"))
            .With("Data:EntitiesFile", entitiesFile ?? Path.Combine(RepoPaths.Samples, "entities.yaml"))
            .With("Data:HandoffsPath", Folder)
            .With("Data:HandoffMaxBytes", maxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With("Data:HandoffStaleDays", staleDays.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With("Data:ParseTimeoutMs", parseTimeoutMs.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Services(s => s.AddSingleton<TimeProvider>(Time))
            .Build();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    public string Folder => _temp.Combine("handoffs");

    public string Outside => _temp.Combine("outside");

    public IServiceProvider Services => _services;

    public HandoffStore Store => _services.GetRequiredService<HandoffStore>();

    public string Write(string name, HandoffBuilder handoff) => Write(name, handoff.Bytes());

    public string Write(string name, byte[] content)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public HandoffDocument Document(string name) => Store.Refresh().Documents.Single(d => d.File == name);

    public void Dispose()
    {
        _services.Dispose();
        _temp.Dispose();
    }
}
