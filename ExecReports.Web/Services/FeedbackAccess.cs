using ExecReports.Core.Feedback;

namespace ExecReports.Web.Services;

// A scope per call, as KpiAccess: a circuit must not hold the DbContext behind Annotations and ActionItems for hours.
// The caller has checked the session (ActionAuthorization); Core checks the roles again on every change.
public sealed class FeedbackAccess(IServiceScopeFactory scopes, FeedbackPermissions permissions)
{
    public IReadOnlyList<string> CommentingRoles => permissions.CommentingRoles;

    public Task<ReportAnnotation> AnnotateAsync(NewAnnotation request, FeedbackActor by) => With<Annotations, ReportAnnotation>(a => a.AddAsync(request, by, CancellationToken.None));

    public Task<IReadOnlyList<ReportAnnotation>> AnnotationsAsync(AnnotationFilter filter) => With<Annotations, IReadOnlyList<ReportAnnotation>>(a => a.ListAsync(filter, CancellationToken.None));

    public Task<string?> ArchivedStemAsync(ReportAnnotation annotation) => With<Annotations, string?>(a => a.ArchivedStemAsync(annotation, CancellationToken.None));

    public Task<IReadOnlyList<FeedbackMessage>> QuarantineAsync() => With<Annotations, IReadOnlyList<FeedbackMessage>>(a => a.QuarantineAsync(CancellationToken.None));

    public Task<QuarantineResult> ReleaseAsync(long id, FeedbackActor admin) => With<Annotations, QuarantineResult>(a => a.ReleaseAsync(id, admin, CancellationToken.None));

    public Task<QuarantineResult> DiscardAsync(long id, FeedbackActor admin) => With<Annotations, QuarantineResult>(a => a.DiscardAsync(id, admin, CancellationToken.None));

    public Task<ActionItem> OpenActionAsync(NewActionItem request, FeedbackActor by) => With<ActionItems, ActionItem>(a => a.OpenAsync(request, by, CancellationToken.None));

    public Task<ActionResult> ChangeStatusAsync(long id, ActionStatus status, FeedbackActor by) =>
        With<ActionItems, ActionResult>(a => a.ChangeStatusAsync(id, status, by, null, CancellationToken.None));

    public Task<ActionResult> EditActionAsync(long id, ActionItemEdit edit, FeedbackActor by) => With<ActionItems, ActionResult>(a => a.EditAsync(id, edit, by, CancellationToken.None));

    public Task<IReadOnlyList<ActionItem>> ActionItemsAsync(ActionItemQuery filter) => With<ActionItems, IReadOnlyList<ActionItem>>(a => a.ListAsync(filter, CancellationToken.None));

    public Task<ActionItem?> ActionItemAsync(long id) => With<ActionItems, ActionItem?>(a => a.FindAsync(id, CancellationToken.None));

    public Task<IReadOnlyList<ActionItemChange>> HistoryAsync(long id) => With<ActionItems, IReadOnlyList<ActionItemChange>>(a => a.HistoryAsync(id, CancellationToken.None));

    public Task<IReadOnlyList<EntityActionCounts>> OpenPerEntityAsync(DateOnly today) =>
        With<ActionItems, IReadOnlyList<EntityActionCounts>>(a => a.OpenPerEntityAsync(today, CancellationToken.None));

    private async Task<TResult> With<TService, TResult>(Func<TService, Task<TResult>> use) where TService : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
