using System.Globalization;
using ExecReports.Core.Primitives;

namespace ExecReports.Core.Close;

public enum CloseState { Closed, Open, Missing }

// Missing: no KPI inputs stored for the month. Open: inputs stored, not yet marked final.
public sealed record EntityReadiness(string EntityId, string Name, CloseState State, string? ClosedBy, DateTimeOffset? ClosedAt, string? LastEditedBy)
{
    public string StateText => State switch
    {
        CloseState.Closed => "closed",
        CloseState.Open => "open",
        _ => "missing inputs",
    };
}

public sealed record MonthReadiness(Period Period, IReadOnlyList<EntityReadiness> Entities)
{
    public IReadOnlyList<EntityReadiness> NotClosed => Entities.Where(e => e.State != CloseState.Closed).ToList();
    public bool IsReady => Entities.Count > 0 && NotClosed.Count == 0;

    public string MonthName => Period.FirstDay.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    // "December 2026: 5 of 7 entities not closed"
    public string Summary => Entities.Count == 0
        ? $"{MonthName}: the entity catalog lists no entities"
        : IsReady ? $"{MonthName}: all {Entities.Count} entities closed"
        : $"{MonthName}: {NotClosed.Count} of {Entities.Count} entities not closed";

    // The summary and each entity that is not ready, for a CLI error, a run record or an alert.
    public string Detail => IsReady ? Summary
        : $"{Summary} ({string.Join(", ", NotClosed.Select(e => $"{e.EntityId}: {e.StateText}"))})";
}
