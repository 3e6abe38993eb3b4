using ExecReports.Core.Ingestion;
using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reports.Finance;
using ExecReports.Core.Reports.Metrics;
using ExecReports.Core.Reports.Rendering;

namespace ExecReports.Core.Reports;

// What a generator reads: the period's inputs plus the metric book every figure must come from.
public sealed class ReportContext(ReportInputs inputs, MetricBook metrics, MetricBook previous, CfoResult cfo, FinanceOptions finance, Func<string, string> redact)
{
    public ReportInputs Inputs => inputs;
    public Period Period => inputs.Period;
    public string PeriodText => inputs.Period.ToString();
    public EntityCatalog Catalog => inputs.Catalog;
    public HandoffSnapshot Handoffs => inputs.Handoffs;
    public ChartOfAccounts Accounts => inputs.Accounts;
    public MetricBook Metrics => metrics;

    // Last month's book, for "Changed Since Last Month" and prior-period variance.
    public MetricBook Previous => previous;
    public CfoResult Cfo => cfo;
    public FinanceOptions Finance => finance;

    // Handoff figures the KPI inputs contradict (Reconciler), worked out once per set.
    public IReadOnlyList<Reconciliation.DataConflict> Conflicts { get; init; } = [];

    // Figures that cannot be true as recorded (SanityGuards): an impossible rate, a field that never moves.
    public IReadOnlyList<Reconciliation.SanityFinding> Sanity { get; init; } = [];

    public IEnumerable<CatalogEntity> Businesses => Catalog.Entities.Where(e => e.Kind == EntityKind.Business);

    public KpiMonth? Kpi(string entityId) => Kpi(entityId, Period);

    public KpiMonth? Kpi(string entityId, Period period) =>
        inputs.Kpis.FirstOrDefault(k => k.Period == period && string.Equals(k.EntityId, entityId, StringComparison.OrdinalIgnoreCase));

    public IReadOnlyList<KpiMonth> History(string entityId) =>
        inputs.Kpis.Where(k => string.Equals(k.EntityId, entityId, StringComparison.OrdinalIgnoreCase)).OrderBy(k => k.Period).ToList();

    public string NameOf(string entityId) => Catalog.ById(entityId)?.Name ?? entityId;

    // Usable facts from handoffs; a fact from a file that failed to parse is never quoted.
    // Unfiltered, it is the snapshot's own list, which per-snapshot verdicts (FactsCache) are keyed by.
    public IEnumerable<FactRef> Facts(string? entityId = null, SectionKind? section = null, string? tag = null)
    {
        var facts = entityId is null ? Handoffs.UsableFacts : Handoffs.UsableFactsOf(entityId);
        return section is null && tag is null
            ? facts
            : facts.Where(f => (section is null || f.Fact.Section == section) && (tag is null || f.Fact.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase)));
    }

    // Handoff text as it may appear in a report: secrets redacted, then escaped as data.
    public string Quote(string handoffText) => MarkdownText.Escape(redact(handoffText));

    public string Redact(string text) => redact(text);
}
