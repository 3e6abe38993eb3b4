using ExecReports.Core.Validation;

namespace ExecReports.Core.Dispatch;

public enum PlannedAction { Send, AlreadySent, InProgress }

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
    public string ActionText => Action switch
    {
        PlannedAction.Send => "send",
        PlannedAction.AlreadySent => $"skip: already sent in batch {ExistingBatchId}",
        _ => $"skip: in progress in batch {ExistingBatchId}",
    };
}

public sealed record DispatchPlan(string Period, IReadOnlyList<PlannedItem> Items, ValidationResult Validation)
{
    public string? BlockedBecause =>
        Validation.HasErrors ? $"validation found {Validation.Errors} error(s); fix them before sending"
        : Items.Count == 0 ? "there are no reports for this period"
        : null;
}

public sealed record ItemProgress(long ItemId, string Role, ItemStatus Status, string? Detail, string MessageId);

public sealed record ItemSummary(long ItemId, long BatchId, string Role, int Recipients, ItemStatus Status, FailureKind Failure, string MessageId, string? Detail)
{
    public static ItemSummary Of(DispatchItem item) => new(
        item.Id, item.BatchId, item.Role, item.To.Count + item.Bcc.Count, item.Status, item.Failure, item.MessageId,
        item.Status switch
        {
            ItemStatus.Skipped => $"already sent in batch {item.AlreadySentInBatchId}",
            ItemStatus.Failed => item.Hint is null ? item.LastError : $"{item.LastError} — {item.Hint}",
            ItemStatus.Sent => item.Reply,
            _ => null,
        });
}

public sealed record BatchResult(long? BatchId, string Period, IReadOnlyList<ItemSummary> Items, string? RefusedBecause = null)
{
    public bool AnyFailed => RefusedBecause is not null || Items.Any(i => i.Status is ItemStatus.Failed or ItemStatus.Queued or ItemStatus.Sending);
}
