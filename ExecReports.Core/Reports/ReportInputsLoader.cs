using ExecReports.Core.Ingestion;
using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;

namespace ExecReports.Core.Reports;

// Gathers one period's inputs from the catalog, the handoff folder and the KPI store.
public sealed class ReportInputsLoader(EntityCatalogProvider catalogs, HandoffStore handoffs, KpiService kpis, ChartOfAccounts accounts, TimeProvider clock)
{
    public async Task<ReportInputs> LoadAsync(Period period, HandoffSnapshot? handoffOverride = null, DateTimeOffset? now = null,
        CancellationToken cancellationToken = default)
    {
        var catalog = catalogs.Current;
        var from = period.AddMonths(-(ReportInputs.HistoryMonths - 1));
        var months = new List<KpiMonth>();
        foreach (var entity in catalog.Entities)
        {
            months.AddRange(await kpis.ListRangeAsync(entity.Id, from, period, cancellationToken));
        }

        return new ReportInputs
        {
            Period = period,
            Catalog = catalog,
            Handoffs = handoffOverride ?? handoffs.GetSnapshot(),
            Kpis = months,
            Accounts = accounts,
            KpisLastEdited = await kpis.LastEditedAtAsync(cancellationToken: cancellationToken),
            Now = now ?? clock.GetUtcNow(),
        };
    }
}
