using ExecReports.Core.Ingestion;
using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Core.Reports;

// The reports of a period as the app shows and sends them. Regenerated only when an input changed:
// a handoff (snapshot version), a KPI edit (last-edited time) or the catalog.
public sealed class ReportService(IServiceScopeFactory scopes, ReportEngine engine, HandoffStore handoffs, EntityCatalogProvider catalogs)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Period, (CacheKey Key, ReportSet Set)> _cache = [];

    private sealed record CacheKey(long HandoffVersion, (int, int, DateTimeOffset?) KpiVersion, EntityCatalog Catalog);

    public async Task<ReportSet> GetAsync(Period period, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var kpis = scope.ServiceProvider.GetRequiredService<KpiService>();
        var snapshot = handoffs.GetSnapshot();
        var key = new CacheKey(snapshot.Version, await kpis.DataVersionAsync(cancellationToken), catalogs.Current);
        lock (_gate)
        {
            if (_cache.TryGetValue(period, out var cached) && cached.Key == key)
            {
                return cached.Set;
            }
        }

        var inputs = await scope.ServiceProvider.GetRequiredService<ReportInputsLoader>().LoadAsync(period, snapshot, cancellationToken: cancellationToken);
        var set = engine.Generate(inputs);
        lock (_gate)
        {
            _cache[period] = (key, set);
        }

        return set;
    }

    // The month a user most likely wants: the latest with KPI inputs, else the month before today.
    public async Task<IReadOnlyList<Period>> PeriodsAsync(TimeProvider clock, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var periods = await scope.ServiceProvider.GetRequiredService<KpiService>().ListPeriodsAsync(cancellationToken);
        return periods.Count > 0 ? periods.OrderDescending().ToList() : [Period.Of(clock.GetUtcNow()).Previous()];
    }
}
