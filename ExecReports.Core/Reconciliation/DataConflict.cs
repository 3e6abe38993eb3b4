using ExecReports.Core.Primitives;
using ExecReports.Core.Reports;

namespace ExecReports.Core.Reconciliation;

public enum FigureKind { Money, Count, Rate, State }

// A figure a handoff states for an entity and month that the KPI inputs for that month contradict past materiality.
public sealed record DataConflict
{
    public required string EntityId { get; init; }
    public required string EntityName { get; init; }
    public required Period Month { get; init; }

    // What was compared, in words: "AWS cost", "security deposits held".
    public required string Figure { get; init; }
    public required FigureKind Kind { get; init; }

    // As displayed: "$412", "vacant", "$1,500, $2,000, $2,500".
    public required string Stated { get; init; }
    public required string Recorded { get; init; }

    // The KPI field the recorded side was read from: "expenses (AWS lines)", "rental.units[Unit B].occupied".
    public required string KpiField { get; init; }

    // Every "file:line" that states the figure; the newest note first.
    public required IReadOnlyList<string> Sources { get; init; }
    public required string NoteText { get; init; }

    // Absolute money at stake when the figure is money (a rate or a count carries none), for ordering.
    public decimal MoneyImpact { get; init; }

    public IReadOnlyList<ReportRole> Roles { get; init; } = [];

    public string KpiSource => $"KPI {KpiField}, {Month}";

    public string Summary =>
        $"{EntityName}, {Month}, {Figure}: the note says {Stated} ({string.Join(", ", Sources)}); the KPI inputs say {Recorded} ({KpiSource}).";
}
