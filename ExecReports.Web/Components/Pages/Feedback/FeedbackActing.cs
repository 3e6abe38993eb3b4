using ExecReports.Core.Feedback;
using ExecReports.Web.Security;
using MudBlazor;

namespace ExecReports.Web.Components.Pages.Feedback;

// Where a line, a figure or a section was picked on a preview, before the note is written.
public sealed record PendingAnchor(string Label, string? Section, int? Line, string? MetricId, string? Quoted);

// The session check every feedback change makes at the moment it acts; Core then checks the roles itself.
public static class FeedbackActing
{
    public static async Task<bool> ActAsync(ActionAuthorization authorization, IReadOnlyList<string> roles, string action, ISnackbar snackbar, Func<FeedbackActor, Task<(bool Ok, string Message)>> act)
    {
        var check = await authorization.RequireAsync(roles, action);
        if (check.User is not { } user)
        {
            snackbar.Add(check.Refused ?? $"Not allowed to {action}.", Severity.Error);
            return false;
        }

        try
        {
            var (ok, message) = await act(new FeedbackActor(user.Email, user.Roles));
            snackbar.Add(message, ok ? Severity.Success : Severity.Warning);
            return ok;
        }
        catch (Exception e) when (e is FeedbackDeniedException or ArgumentException)
        {
            snackbar.Add(e.Message, Severity.Error);
            return false;
        }
    }

    public static string AnchorText(ReportAnnotation a) =>
        string.Join(" · ", new[] { a.Section is null ? null : $"section “{a.Section}”", a.Line is null ? null : $"line {a.Line}", a.MetricId is null ? null : $"figure {a.MetricId}" }
            .Where(x => x is not null)) is { Length: > 0 } text ? text : "the whole report";

    public static Color StatusColor(ActionStatus status) => status switch
    {
        ActionStatus.Open => Color.Warning,
        ActionStatus.InProgress => Color.Info,
        ActionStatus.Done => Color.Success,
        _ => Color.Default,
    };
}
