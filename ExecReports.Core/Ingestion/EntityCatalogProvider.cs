using ExecReports.Core.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ExecReports.Core.Ingestion;

// Loads the catalog on first use and again whenever the file's size or timestamp changes. A broken edit
// while running keeps the last good catalog (and says so in the log and LastError); a broken file at
// start-up stops the app.
public sealed class EntityCatalogProvider(IOptions<DataOptions> options, AppPaths paths, ILogger<EntityCatalogProvider> logger)
{
    private readonly Lock _gate = new();
    private EntityCatalog? _current;
    private (long Length, DateTime Modified) _stamp = (-1, default);

    public string FilePath { get; } = paths.Resolve(options.Value.EntitiesFile);

    public CatalogException? LastError { get; private set; }

    public EntityCatalog Current
    {
        get
        {
            lock (_gate)
            {
                var stamp = Stamp(FilePath);
                if (_current is not null && stamp == _stamp)
                {
                    return _current;
                }

                try
                {
                    _current = ParseBudget.Run(
                        options.Value.ParseTimeout,
                        _ => EntityCatalogLoader.Load(FilePath),
                        () => throw new CatalogException(FilePath, [new CatalogProblem(FilePath, 0, "file",
                            $"took longer than the {options.Value.ParseTimeoutMs:N0} ms parse budget (Data:ParseTimeoutMs)")]));
                    LastError = null;
                    logger.CatalogLoaded(FilePath, _current.Entities.Count);
                }
                catch (CatalogException e) when (_current is not null)
                {
                    LastError = e;
                    logger.CatalogInvalid(e.Message);
                }

                _stamp = stamp;
                return _current;
            }
        }
    }

    public EntityCatalog EnsureLoaded() => Current;

    private static (long, DateTime) Stamp(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? (info.Length, info.LastWriteTimeUtc) : (-1, default);
    }
}

// Makes a broken catalog a start-up failure for any host that starts its hosted services (the web app).
internal sealed class EntityCatalogStartupCheck(EntityCatalogProvider catalog) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        catalog.EnsureLoaded();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
