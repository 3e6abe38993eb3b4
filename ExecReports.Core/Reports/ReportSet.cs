using System.Collections.Concurrent;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reports.Metrics;

namespace ExecReports.Core.Reports;

public sealed record PeriodBook(Period Period, MetricBook Book);

// A period's reports and everything derived from the same inputs. ReportService keeps one set per input digest, so the
// dashboard, the pages, the gate, the schedule and dispatch share what is derived here instead of computing it again.
// A class, not a record: a `with` copy would carry derived data that no longer matches its reports.
public sealed class ReportSet
{
    public const int TrendMonths = 12;

    private readonly Lazy<IReadOnlyList<PeriodBook>> _months;
    private readonly ConcurrentDictionary<Type, Lazy<object>> _derived = new();

    internal ReportSet(ReportInputs inputs, string digest, MetricBook metrics, MetricBook previous, IReadOnlyList<Report> reports, Func<Period, MetricBook> bookFor)
    {
        Inputs = inputs;
        Digest = digest;
        Metrics = metrics;
        Previous = previous;
        Reports = reports;
        _months = new Lazy<IReadOnlyList<PeriodBook>>(() => Period.Range(Period.AddMonths(1 - TrendMonths), Period)
            .Select(p => new PeriodBook(p, p == Period ? Metrics : p == Period.Previous() ? Previous : bookFor(p)))
            .ToList());
    }

    public ReportInputs Inputs { get; }

    // SHA-256 of the inputs, as stamped in every report's metadata.
    public string Digest { get; }

    public MetricBook Metrics { get; }

    // Last month's book from the same inputs: "Changed Since Last Month", the figures check and the dashboard's statuses.
    public MetricBook Previous { get; }

    public IReadOnlyList<Report> Reports { get; }

    // Handoff figures the KPI inputs contradict, as every report, the gate and the dashboard show them.
    public IReadOnlyList<Reconciliation.DataConflict> Conflicts { get; init; } = [];

    // Figures that cannot be true as recorded (SanityGuards): an impossible rate, a field that never moves.
    public IReadOnlyList<Reconciliation.SanityFinding> Sanity { get; init; } = [];

    public Period Period => Inputs.Period;

    // The books of the twelve months up to Period, for the dashboard's trends; the two newest are Previous and Metrics.
    public IReadOnlyList<PeriodBook> Months => _months.Value;

    public Report? For(ReportRole role) => Reports.FirstOrDefault(r => r.Role == role);

    // Data other parts derive from the set (the gate's result): computed once, on first use, and kept with the set.
    // One value per type; `compute` runs at most once even when several callers ask at the same time.
    public T Derived<T>(Func<ReportSet, T> compute) where T : class =>
        (T)_derived.GetOrAdd(typeof(T), _ => new Lazy<object>(() => compute(this))).Value;
}
