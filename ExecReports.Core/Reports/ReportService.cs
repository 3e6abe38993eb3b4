using ExecReports.Core.Ingestion;
using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Core.Reports;

// The reports of a period as the app shows and sends them, and the one cache of what is derived from them: one set
// per period, identified by its input digest. A changed input version (a handoff's file stamp, a KPI edit, a catalog
// reload, an action item opened or changed) makes it load the inputs again; only a different digest makes it generate again, so a touched file or a
// save without changes keeps the set, its books and its validation.
public sealed class ReportService(IServiceScopeFactory scopes, ReportEngine engine, HandoffStore handoffs, EntityCatalogProvider catalogs)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Period, (InputVersion Version, ReportSet Set)> _cache = [];

    private sealed record InputVersion(long HandoffVersion, (int, int, DateTimeOffset?) KpiVersion, (int, long) ActionVersion, EntityCatalog Catalog);

    public async Task<ReportSet> GetAsync(Period period, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var kpis = scope.ServiceProvider.GetRequiredService<KpiService>();
        var snapshot = handoffs.GetSnapshot();
        var actions = scope.ServiceProvider.GetRequiredService<Feedback.ActionItems>();
        var version = new InputVersion(snapshot.Version, await kpis.DataVersionAsync(cancellationToken), await actions.DataVersionAsync(cancellationToken), catalogs.Current);
        ReportSet? cached;
        lock (_gate)
        {
            cached = _cache.TryGetValue(period, out var entry) ? entry.Set : null;
            if (cached is not null && entry.Version == version)
            {
                return cached;
            }
        }

        var inputs = await scope.ServiceProvider.GetRequiredService<ReportInputsLoader>().LoadAsync(period, snapshot, cancellationToken: cancellationToken);
        // The metadata footer shows when the KPIs were last edited, which the digest leaves out: a new time is a new set.
        var set = cached is not null && cached.Inputs.KpisLastEdited == inputs.KpisLastEdited && cached.Digest == inputs.Digest()
            ? cached
            : engine.Generate(inputs);
        lock (_gate)
        {
            // Two callers that generated the same inputs at once share the first set stored, so its derived data is kept.
            if (_cache.TryGetValue(period, out var entry) && entry.Set.Digest == set.Digest && entry.Set.Inputs.KpisLastEdited == set.Inputs.KpisLastEdited)
            {
                set = entry.Set;
            }

            _cache[period] = (version, set);
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
