namespace ExecReports.Web.Components.Pages.Handoffs;

public static class HandoffMarkdown
{
    // The parser reads the front matter into fields the page shows separately; rendered as Markdown it
    // would come out as a rule and a stray heading.
    public static string Body(string raw)
    {
        var text = raw.TrimStart('\uFEFF').Replace("\r\n", "\n");
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            return text;
        }

        var end = text.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        if (end >= 0)
        {
            return text[(end + 5)..];
        }

        return text.EndsWith("\n---", StringComparison.Ordinal) && text.Length > 4 ? "" : text;
    }
}
