using ExecReports.Core.Close;
using ExecReports.Core.Validation;

namespace ExecReports.Core.Dispatch;

public enum PlannedAction { Send, Unchanged, InProgress }

public enum SentState { NotSent, Sent, Changed }

public sealed record PlannedItem(
    string Role,
    string Title,
    IReadOnlyList<string> To,
    IReadOnlyList<string> Bcc,
    string Subject,
    string ContentDigest,
    PlannedAction Action,
    long? ExistingBatchId)
{
    public long? LastSentBatchId { get; init; }
    public DateTimeOffset? LastSentAt { get; init; }
    public bool ChangedSinceSent { get; init; }
    public int? FiguresMoved { get; init; }

    // For a report card, the preview and the Dashboard: "Sent 1 Dec 20:25 to owner@example.com",
    // "Changed since sent: 3 figures moved", "Not sent".
    public string SentText => LastSentBatchId is null ? "Not sent"
        : ChangedSinceSent ? $"Changed since sent: {(FiguresMoved is > 0 ? $"{FiguresMoved} figure{(FiguresMoved == 1 ? "" : "s")} moved" : "wording changed, no figure moved")}"
        : $"Sent {LastSentAt?.UtcDateTime.ToString("d MMM HH:mm", System.Globalization.CultureInfo.InvariantCulture)} to {string.Join(", ", To)}";

    public SentState SentState => LastSentBatchId is null ? SentState.NotSent : ChangedSinceSent ? SentState.Changed : SentState.Sent;

    // What the Send dialog ticks by default: the unsent and the changed reports.
    public bool SendByDefault => Action == PlannedAction.Send;

    public string ActionText => Action switch
    {
        PlannedAction.Send when ChangedSinceSent => $"send: changed since sent in batch {LastSentBatchId}",
        PlannedAction.Send when LastSentBatchId is not null => $"send again (sent in batch {LastSentBatchId})",
        PlannedAction.Send => "send: not sent yet",
        PlannedAction.Unchanged => $"unchanged, skip (sent in batch {ExistingBatchId})",
        _ => $"skip: in progress in batch {ExistingBatchId}",
    };
}

public sealed record DispatchPlan(string Period, IReadOnlyList<PlannedItem> Items, ValidationResult Validation)
{
    public MonthReadiness? Readiness { get; init; }
    public PeriodSignoff? Released { get; init; }
    public PeriodSignoff? Approval { get; init; }
    public bool RequireClosedMonths { get; init; }
    public bool RequireApproval { get; init; }

    public bool HeldForClose => RequireClosedMonths && Readiness is { IsReady: false } && Released is null;

    public string? BlockedBecause =>
        Validation.HasErrors ? $"validation found {Validation.Errors} error(s); fix them before sending"
        : Items.Count == 0 ? "there are no reports for this period"
        : HeldForClose ? $"not ready: {Readiness!.Detail}; close them on the Dashboard, or an Admin releases the month"
        : RequireApproval && Approval is null ? $"{Period} is not approved in its current content (Dispatch:RequireApproval); an Admin approves it on the Dashboard"
        : null;
}

public sealed record ItemProgress(long ItemId, string Role, ItemStatus Status, string? Detail, string MessageId);

public sealed record ItemSummary(long ItemId, long BatchId, string Role, int Recipients, ItemStatus Status, FailureKind Failure, string MessageId, string? Detail)
{
    public static ItemSummary Of(DispatchItem item) => new(
        item.Id, item.BatchId, item.Role, item.To.Count + item.Bcc.Count, item.Status, item.Failure, item.MessageId,
        item.Status switch
        {
            ItemStatus.Unchanged => $"unchanged since batch {item.AlreadySentInBatchId}",
            ItemStatus.Skipped => $"in progress in batch {item.AlreadySentInBatchId}",
            ItemStatus.Failed => item.Hint is null ? item.LastError : $"{item.LastError} — {item.Hint}",
            ItemStatus.Sent => item.Reply,
            _ => null,
        });
}

public sealed record BatchResult(long? BatchId, string Period, IReadOnlyList<ItemSummary> Items, string? RefusedBecause = null)
{
    // "3 sent, 5 unchanged" or "nothing sent: 8 unchanged": what happened, never just "sent".
    public string Outcome
    {
        get
        {
            if (RefusedBecause is not null)
            {
                return $"nothing sent: {RefusedBecause}";
            }

            var sent = Items.Count(i => i.Status == ItemStatus.Sent);
            var others = string.Join(", ", Items.Where(i => i.Status != ItemStatus.Sent).GroupBy(i => i.Status).OrderBy(g => g.Key)
                .Select(g => $"{g.Count()} {g.Key switch { ItemStatus.Skipped => "in progress elsewhere", var s => s.ToString().ToLowerInvariant() }}"));
            return sent == 0 ? $"nothing sent{(others.Length == 0 ? "" : $": {others}")}" : $"{sent} sent{(others.Length == 0 ? "" : $", {others}")}";
        }
    }

    public bool AnyFailed => RefusedBecause is not null || Items.Any(i => i.Status is ItemStatus.Failed or ItemStatus.Queued or ItemStatus.Sending);
}

// Summary: one line for an alert's subject ("December 2026: 5 of 7 entities not closed"); Reason: the whole story.
public sealed record DispatchHold(string Summary, string Reason);
