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

// The Feedback page's filters; null or empty means any. Status: Open (open and in progress), Done (done and won't do) or All.
public sealed record ActionItemQuery(string? Role = null, string? Entity = null, string? Owner = null, ActionFilter Status = ActionFilter.All, string? Period = null);

// What an owner can be changed to, besides the status: each change is one line of history.
public sealed record ActionItemEdit(string? Owner, DateOnly? Due, string? Entity);

// Open and overdue items of one entity (null: items not about an entity), for the Dashboard.
public sealed record EntityActionCounts(string? Entity, int Open, int Overdue);

// An action item as a report reads it: plain values, so the inputs' digest and the report are reproducible.
public sealed record ActionItemSnapshot(long Id, string Title, ActionStatus Status, string? Owner, DateOnly? Due, string? Entity, string Role, string Period,
    DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt)
{
    public bool IsOpen => Status is ActionStatus.Open or ActionStatus.InProgress;
}

// Action items and their history: every change is one appended ActionItemChange, in the same save as the change.
public sealed class ActionItems(AppDbContext db, FeedbackPermissions permissions, TimeProvider clock)
{
    // From the app: the signed-in user's roles decide, here, whoever the page showed the button to.
    public Task<ActionItem> OpenAsync(NewActionItem request, FeedbackActor by, CancellationToken cancellationToken)
    {
        permissions.DemandComment(by, "open an action item");
        return OpenAsync(request, by.Email, cancellationToken);
    }

    public Task<ActionResult> ChangeStatusAsync(long id, ActionStatus status, FeedbackActor by, string? note, CancellationToken cancellationToken)
    {
        permissions.DemandComment(by, "change an action item");
        return ChangeStatusAsync(id, status, by.Email, note, cancellationToken);
    }

    public async Task<ActionResult> EditAsync(long id, ActionItemEdit edit, FeedbackActor by, CancellationToken cancellationToken)
    {
        permissions.DemandComment(by, "change an action item");
        var item = await db.Set<ActionItem>().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (item is null)
        {
            return new ActionResult(false, $"there is no action item #{id}", null);
        }

        var owner = Blank(edit.Owner);
        var entity = Blank(edit.Entity);
        var changes = new List<string>();
        if (owner != item.Owner)
        {
            changes.Add($"owner: {item.Owner ?? "unassigned"} → {owner ?? "unassigned"}");
            item.Owner = owner;
        }

        if (edit.Due != item.Due)
        {
            changes.Add($"due: {Day(item.Due)} → {Day(edit.Due)}");
            item.Due = edit.Due;
        }

        if (entity != item.Entity)
        {
            changes.Add($"entity: {item.Entity ?? "none"} → {entity ?? "none"}");
            item.Entity = entity;
        }

        if (changes.Count == 0)
        {
            return new ActionResult(false, $"action item #{id} is unchanged", item);
        }

        var now = clock.GetUtcNow();
        foreach (var change in changes)
        {
            db.Add(new ActionItemChange { ActionItemId = id, At = now, By = by.Email, Change = change });
        }

        await db.SaveChangesAsync(cancellationToken);
        return new ActionResult(true, $"action item #{id}: {string.Join("; ", changes)}", item);
    }

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
        return await WithStatus(db.Set<ActionItem>().AsNoTracking(), filter).OrderBy(a => a.Id).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ActionItem>> ListAsync(ActionItemQuery filter, CancellationToken cancellationToken)
    {
        var query = WithStatus(db.Set<ActionItem>().AsNoTracking(), filter.Status);
        if (Blank(filter.Role) is { } role)
        {
            query = query.Where(a => a.Role == role);
        }

        if (Blank(filter.Entity) is { } entity)
        {
            query = query.Where(a => a.Entity == entity);
        }

        if (Blank(filter.Owner) is { } owner)
        {
            query = query.Where(a => a.Owner == owner);
        }

        if (Blank(filter.Period) is { } period)
        {
            query = query.Where(a => a.Period == period);
        }

        return await query.OrderByDescending(a => a.Id).ToListAsync(cancellationToken);
    }

    public async Task<ActionItem?> FindAsync(long id, CancellationToken cancellationToken) =>
        await db.Set<ActionItem>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);

    // Overdue: still open after its due day. Filtered in the database, grouped here: a grouping over a nullable key
    // translates differently on the two providers.
    public async Task<IReadOnlyList<EntityActionCounts>> OpenPerEntityAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var open = await db.Set<ActionItem>().AsNoTracking()
            .Where(a => a.Status == ActionStatus.Open || a.Status == ActionStatus.InProgress)
            .Select(a => new { a.Entity, Overdue = a.Due != null && a.Due < today })
            .ToListAsync(cancellationToken);
        return open.GroupBy(a => a.Entity)
            .Select(g => new EntityActionCounts(g.Key, g.Count(), g.Count(a => a.Overdue)))
            .OrderBy(c => c.Entity is null).ThenBy(c => c.Entity, StringComparer.Ordinal)
            .ToList();
    }

    // Every change to an item appends a history row, so their count and last id move whenever a report's action items could.
    public async Task<(int Changes, long LastChange)> DataVersionAsync(CancellationToken cancellationToken) =>
        (await db.Set<ActionItemChange>().CountAsync(cancellationToken),
            await db.Set<ActionItemChange>().MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0);

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

    private static IQueryable<ActionItem> WithStatus(IQueryable<ActionItem> query, ActionFilter filter) => filter switch
    {
        ActionFilter.Open => query.Where(a => a.Status == ActionStatus.Open || a.Status == ActionStatus.InProgress),
        ActionFilter.Done => query.Where(a => a.Status == ActionStatus.Done || a.Status == ActionStatus.WontDo),
        _ => query,
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "none";

    public static string Describe(ActionStatus status) => status switch
    {
        ActionStatus.Open => "open",
        ActionStatus.InProgress => "in progress",
        ActionStatus.Done => "done",
        _ => "won't do",
    };
}
