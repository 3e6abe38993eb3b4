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
