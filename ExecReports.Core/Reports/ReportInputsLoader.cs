using ExecReports.Core.Ingestion;
using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;

namespace ExecReports.Core.Reports;

// Gathers one period's inputs from the catalog, the handoff folder and the KPI store.
public sealed class ReportInputsLoader(EntityCatalogProvider catalogs, HandoffStore handoffs, KpiService kpis, ChartOfAccounts accounts, Feedback.ActionItems actions, TimeProvider clock)
{
    public async Task<ReportInputs> LoadAsync(Period period, HandoffSnapshot? handoffOverride = null, DateTimeOffset? now = null,
        CancellationToken cancellationToken = default)
    {
        var catalog = catalogs.Current;
        var from = period.AddMonths(-(ReportInputs.HistoryMonths - 1));
        var months = new List<KpiMonth>();
        var problems = new List<KpiProblem>();
        foreach (var entity in catalog.Entities)
        {
            foreach (var month in await kpis.ListRangeAsync(entity.Id, from, period, cancellationToken))
            {
                // A month stored before the limits (or written to the database directly) must not break a report.
                var outOfBounds = KpiValidator.OutOfBounds(month);
                if (outOfBounds.Count == 0)
                {
                    months.Add(month);
                }
                else
                {
                    problems.Add(new KpiProblem(month.EntityId, month.Period, outOfBounds));
                }
            }
        }

        return new ReportInputs
        {
            Period = period,
            Catalog = catalog,
            Handoffs = handoffOverride ?? handoffs.GetSnapshot(),
            Kpis = months,
            KpiProblems = problems,
            Accounts = accounts,
            KpisLastEdited = await kpis.LastEditedAtAsync(from: from, to: period, cancellationToken: cancellationToken),
            Now = now ?? clock.GetUtcNow(),
            ActionItems = await actions.SnapshotAsync(period, cancellationToken),
        };
    }
}
