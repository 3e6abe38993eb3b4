namespace ExecReports.Web.Components.Pages.Handoffs;

public static class HandoffMarkdown
{
    // What one note may cost the page: a handoff is a page or two; 100,000 headings took 42 s to sanitise and show.
    public const int MaxRenderedLines = 2_000;
    public const int MaxRenderedChars = 100_000;

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

    // The first lines of the body within the render budget, cut at a line end; Truncated says the rest was left out.
    public static (string Shown, bool Truncated) WithinBudget(string body)
    {
        var end = 0;
        for (var lines = 0; lines < MaxRenderedLines && end < body.Length; lines++)
        {
            var next = body.IndexOf('\n', end);
            var lineEnd = next < 0 ? body.Length : next + 1;
            if (lineEnd > MaxRenderedChars)
            {
                break;
            }

            end = lineEnd;
        }

        return end >= body.Length ? (body, false) : (body[..end], true);
    }
}
