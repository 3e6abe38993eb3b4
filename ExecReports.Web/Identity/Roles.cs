namespace ExecReports.Web.Identity;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Editor = "Editor";
    public const string Viewer = "Viewer";

    public static readonly IReadOnlyList<string> All = [Admin, Editor, Viewer];

    // Used in [Authorize(Roles = ...)] where editing is allowed.
    public const string EditorOrAdmin = Admin + "," + Editor;

    // The same, for the server-side check each state-changing handler makes at the moment of the action.
    public static readonly IReadOnlyList<string> Editing = [Admin, Editor];
}
