using ExecReports.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ExecReports.Core.Feedback;

public sealed record NewActionItem(string Title, string Role, string Period, string? Entity)
{
    public string? Owner { get; init; }
    public DateOnly? Due { get; init; }
    public long? AnnotationId { get; init; }
    public FeedbackSource Source { get; init; } = FeedbackSource.App;
}

public sealed record ActionResult(bool Ok, string Message, ActionItem? Item);

public enum ActionFilter { Open, Done, All }

// An action item as a report reads it: plain values, so the inputs' digest and the report are reproducible.
public sealed record ActionItemSnapshot(long Id, string Title, ActionStatus Status, string? Owner, DateOnly? Due, string? Entity, string Role, string Period,
    DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt)
{
    public bool IsOpen => Status is ActionStatus.Open or ActionStatus.InProgress;
}

// Action items and their history: every change is one appended ActionItemChange, in the same save as the change.
public sealed class ActionItems(AppDbContext db, TimeProvider clock)
{
    public async Task<ActionItem> OpenAsync(NewActionItem request, string by, CancellationToken cancellationToken)
    {
        var title = request.Title.Trim();
        if (title.Length == 0)
        {
            throw new ArgumentException("An action item needs a title.", nameof(request));
        }

        var now = clock.GetUtcNow();
        var item = new ActionItem
        {
            Title = title.Length > 500 ? title[..500] : title, Status = ActionStatus.Open, Owner = request.Owner, Due = request.Due, Entity = request.Entity,
            Role = request.Role, Period = request.Period, AnnotationId = request.AnnotationId, Source = request.Source, CreatedBy = by, CreatedAt = now,
        };
        item.History.Add(new ActionItemChange { At = now, By = by, Change = $"opened: {item.Title}" });
        db.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        return item;
    }

    public Task<ActionResult> ResolveAsync(long id, string by, string? note, CancellationToken cancellationToken) =>
        ChangeStatusAsync(id, ActionStatus.Done, by, note, cancellationToken);

    public async Task<ActionResult> ChangeStatusAsync(long id, ActionStatus status, string by, string? note, CancellationToken cancellationToken)
    {
        var item = await db.Set<ActionItem>().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (item is null)
        {
            return new ActionResult(false, $"there is no action item #{id}", null);
        }

        if (item.Status == status)
        {
            return new ActionResult(false, $"action item #{id} is already {Describe(status)}", item);
        }

        var now = clock.GetUtcNow();
        db.Add(new ActionItemChange { ActionItemId = id, At = now, By = by, Change = $"status: {Describe(item.Status)} → {Describe(status)}", Note = note });
        item.Status = status;
        item.ClosedAt = item.IsClosed ? now : null;
        await db.SaveChangesAsync(cancellationToken);
        return new ActionResult(true, $"action item #{id} is now {Describe(status)}", item);
    }

    public async Task<IReadOnlyList<ActionItem>> ListAsync(ActionFilter filter, CancellationToken cancellationToken)
    {
        var query = db.Set<ActionItem>().AsNoTracking();
        query = filter switch
        {
            ActionFilter.Open => query.Where(a => a.Status == ActionStatus.Open || a.Status == ActionStatus.InProgress),
            ActionFilter.Done => query.Where(a => a.Status == ActionStatus.Done || a.Status == ActionStatus.WontDo),
            _ => query,
        };
        return await query.OrderBy(a => a.Id).ToListAsync(cancellationToken);
    }

    // What a period's reports can show: items that existed before the period's month ended, open or closed within it.
    public async Task<IReadOnlyList<ActionItemSnapshot>> SnapshotAsync(Primitives.Period period, CancellationToken cancellationToken)
    {
        var start = new DateTimeOffset(period.FirstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = start.AddMonths(1);
        var items = await db.Set<ActionItem>().AsNoTracking().OrderBy(a => a.Id).ToListAsync(cancellationToken);
        return items
            .Where(a => a.CreatedAt < end && (a.ClosedAt is null || (a.ClosedAt >= start && a.ClosedAt < end)))
            .Select(a => new ActionItemSnapshot(a.Id, a.Title, a.Status, a.Owner, a.Due, a.Entity, a.Role, a.Period, a.CreatedAt, a.ClosedAt))
            .ToList();
    }

    public async Task<IReadOnlyList<ActionItemChange>> HistoryAsync(long id, CancellationToken cancellationToken) =>
        await db.Set<ActionItemChange>().AsNoTracking().Where(c => c.ActionItemId == id).OrderBy(c => c.Id).ToListAsync(cancellationToken);

    public static string Describe(ActionStatus status) => status switch
    {
        ActionStatus.Open => "open",
        ActionStatus.InProgress => "in progress",
        ActionStatus.Done => "done",
        _ => "won't do",
    };
}
