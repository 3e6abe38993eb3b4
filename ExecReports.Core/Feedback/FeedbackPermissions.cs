using Microsoft.Extensions.Options;

namespace ExecReports.Core.Feedback;

// Who acts, as the identity store knows them right now (the web checks the session before it builds one).
public sealed record FeedbackActor(string Email, IReadOnlyCollection<string> Roles)
{
    public bool Is(string role) => Roles.Contains(role, StringComparer.OrdinalIgnoreCase);
}

// Thrown when a caller that got past the page asks for something its roles do not allow.
public sealed class FeedbackDeniedException(string message) : Exception(message);

// The one rule for who may comment and manage action items, and who handles the quarantine. Core checks it on every
// call from the app, so hiding a button is never what keeps a Viewer out.
public sealed class FeedbackPermissions(IOptions<FeedbackOptions> options)
{
    public const string Admin = "Admin";
    public const string Editor = "Editor";
    public const string Viewer = "Viewer";

    public IReadOnlyList<string> CommentingRoles => options.Value.ViewersMayComment ? [Admin, Editor, Viewer] : [Admin, Editor];

    public bool MayComment(IEnumerable<string> roles) => roles.Any(r => CommentingRoles.Contains(r, StringComparer.OrdinalIgnoreCase));

    public void DemandComment(FeedbackActor actor, string action)
    {
        if (!MayComment(actor.Roles))
        {
            throw new FeedbackDeniedException(
                $"Not allowed to {action}: {(actor.Roles.Count == 0 ? "no role" : string.Join(", ", actor.Roles))} may not (Feedback:ViewersMayComment is {(options.Value.ViewersMayComment ? "true" : "false")}).");
        }
    }

    public static void DemandAdmin(FeedbackActor actor, string action)
    {
        if (!actor.Is(Admin))
        {
            throw new FeedbackDeniedException($"Not allowed to {action}: only an Admin handles quarantined replies.");
        }
    }
}
