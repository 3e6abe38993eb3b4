using Ganss.Xss;

namespace ExecReports.Core.Archive;

// Archived HTML is whatever the store holds now, so it is sanitised again before a page shows it: the tags and
// inline styles a report body is made of survive, scripts, handlers, frames, forms and foreign URLs do not.
public static class ArchiveHtml
{
    private static readonly HtmlSanitizer Sanitizer = new(new HtmlSanitizerOptions
    {
        AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "ul", "ol", "li", "strong", "em", "del", "code", "pre",
            "blockquote", "table", "thead", "tbody", "tr", "th", "td", "a", "span", "div",
        },
        AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "title", "id", "align", "style" },
        AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "font-family", "font-size", "font-weight", "font-style", "line-height", "color", "background", "background-color",
            "margin", "padding", "padding-left", "padding-bottom", "border", "border-top", "border-bottom", "border-left",
            "border-collapse", "text-align", "vertical-align", "max-width", "overflow",
        },
        AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
        UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
    });

    public static string Sanitize(string html) => Sanitizer.Sanitize(html);
}
