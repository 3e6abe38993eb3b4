using System.Text.RegularExpressions;
using Ganss.Xss;
using Markdig;

namespace ExecReports.Core.Reports.Rendering;

public sealed record RenderedReport(string Markdown, string Text, string Html);

// The one renderer: a report's Markdown becomes the plain text and the HTML that the preview shows and the email carries.
public static partial class ReportRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    // Mail clients (Gmail, Outlook) drop <style> blocks, so every element carries its own style.
    private static readonly Dictionary<string, string> InlineStyles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["h1"] = "font-family:Arial,Helvetica,sans-serif;font-size:22px;color:#1a1a2e;margin:0 0 12px 0;",
        ["h2"] = "font-family:Arial,Helvetica,sans-serif;font-size:18px;color:#1a1a2e;border-bottom:1px solid #dddddd;padding-bottom:4px;margin:24px 0 8px 0;",
        ["h3"] = "font-family:Arial,Helvetica,sans-serif;font-size:15px;color:#333333;margin:16px 0 6px 0;",
        ["p"] = "font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;color:#222222;margin:0 0 10px 0;",
        ["li"] = "font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;color:#222222;",
        ["ul"] = "margin:0 0 10px 0;padding-left:22px;",
        ["ol"] = "margin:0 0 10px 0;padding-left:22px;",
        ["table"] = "border-collapse:collapse;margin:0 0 12px 0;font-family:Arial,Helvetica,sans-serif;font-size:13px;",
        ["th"] = "border:1px solid #cccccc;background:#f2f2f7;padding:4px 8px;text-align:left;",
        ["td"] = "border:1px solid #cccccc;padding:4px 8px;vertical-align:top;",
        ["code"] = "font-family:Consolas,Menlo,monospace;font-size:12px;background:#f5f5f5;padding:1px 3px;",
        ["pre"] = "font-family:Consolas,Menlo,monospace;font-size:12px;background:#f5f5f5;padding:8px;overflow:auto;",
        ["blockquote"] = "border-left:3px solid #cccccc;margin:0 0 10px 0;padding:2px 10px;color:#555555;",
        ["a"] = "color:#3b5bdb;",
        ["hr"] = "border:0;border-top:1px solid #dddddd;margin:16px 0;",
    };

    // The email's styles: what inherits (font, colour, word breaking) is set once on its wrapper, so each element
    // carries only its own box; a table carries its font again because Outlook does not inherit into tables.
    private static readonly Dictionary<string, string> EmailStyles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["h1"] = "font-size:22px;color:#1a1a2e;margin:0 0 12px 0;",
        ["h2"] = "font-size:18px;color:#1a1a2e;border-bottom:1px solid #dddddd;padding-bottom:4px;margin:24px 0 8px 0;",
        ["h3"] = "font-size:15px;color:#333333;margin:16px 0 6px 0;",
        ["p"] = "margin:0 0 10px 0;",
        ["ul"] = "margin:0 0 10px 0;padding-left:20px;",
        ["ol"] = "margin:0 0 10px 0;padding-left:20px;",
        ["table"] = "width:100%;table-layout:fixed;border-collapse:collapse;margin:0 0 12px 0;font-family:Arial,Helvetica,sans-serif;font-size:13px;color:#222222;",
        ["th"] = "border:1px solid #cccccc;background:#f2f2f7;color:#1a1a2e;padding:4px;text-align:left;",
        ["td"] = "border:1px solid #cccccc;padding:4px;vertical-align:top;",
        ["code"] = "font-family:Consolas,Menlo,monospace;font-size:12px;",
        ["pre"] = "font-family:Consolas,Menlo,monospace;font-size:12px;white-space:pre-wrap;",
        ["blockquote"] = "border-left:3px solid #cccccc;margin:0 0 10px 0;padding:2px 10px;color:#555555;",
        ["a"] = "color:#3b5bdb;",
        ["hr"] = "border:0;border-top:1px solid #dddddd;margin:16px 0;",
    };

    public const string EmailWrapperStyle = "font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;color:#222222;overflow-wrap:anywhere;word-break:break-word;";

    public static RenderedReport Render(string markdown) => Render([markdown]);

    // The email's blocks, in the email's styles; the caller wraps the HTML in its document (EmailComposer).
    public static RenderedReport RenderEmail(IReadOnlyList<string> blocks)
    {
        var parts = blocks.Select(b => RenderBlock(b.Replace("\r\n", "\n"), email: true)).ToList();
        return new RenderedReport(string.Concat(parts.Select(p => p.Markdown)), string.Join("\n", parts.Select(p => p.Text)), string.Join("\n", parts.Select(p => p.Html)) + "\n");
    }

    // Renders consecutive blocks of one document. A block seen before is not rendered again: after one handoff changes,
    // most reports' bodies are unchanged and only their metadata footer is new.
    public static RenderedReport Render(IReadOnlyList<string> blocks)
    {
        var parts = blocks.Select(b => RenderBlock(b.Replace("\r\n", "\n"), email: false)).ToList();
        return new RenderedReport(
            string.Concat(parts.Select(p => p.Markdown)),
            string.Join("\n", parts.Select(p => p.Text)),
            "<div style=\"max-width:860px;\">\n" + string.Join("\n", parts.Select(p => p.Html)) + "\n</div>\n");
    }

    private const int CacheLimit = 256;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, RenderedReport> Blocks = new(StringComparer.Ordinal);

    // A cold start has rendered nothing yet; the cold-start benchmark starts from here.
    public static void ClearCache() => Blocks.Clear();

    private static RenderedReport RenderBlock(string markdown, bool email)
    {
        var key = (email ? "E" : "P") + markdown;
        if (Blocks.TryGetValue(key, out var cached))
        {
            return cached;
        }

        if (Blocks.Count >= CacheLimit)
        {
            Blocks.Clear();
        }

        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        return Blocks[key] = new RenderedReport(markdown, PlainTextWriter.Write(document), StyledHtml(document, email ? EmailStyles : InlineStyles));
    }

    public static string ToHtml(string markdown) => Render(markdown).Html;

    private static string StyledHtml(Markdig.Syntax.MarkdownDocument document, Dictionary<string, string> styles)
    {
        // Markdig does not sanitise and DisableHtml still lets javascript: links through.
        // Markdig writes table alignment as a style; carried through as align= so the sanitizer never parses CSS.
        var body = Sanitizer.Sanitize(MarkdigAlignment().Replace(document.ToHtml(Pipeline), " align=\"${align}\""));

        // Styles go in on the serialised text: setting them on the DOM makes AngleSharp parse CSS per element,
        // which costs more than everything else in a report put together.
        var styled = StartTag().Replace(body, match =>
        {
            if (!styles.TryGetValue(match.Groups["tag"].Value, out var style))
            {
                return match.Value;
            }

            var attributes = match.Groups["attrs"].Value;
            var align = AlignAttribute().Match(attributes);
            if (align.Success)
            {
                style += $"text-align:{align.Groups["value"].Value};";
                attributes = attributes.Remove(align.Index, align.Length);
            }

            return $"<{match.Groups["tag"].Value} style=\"{style}\"{attributes}{match.Groups["close"].Value}>";
        });
        // A status reads in colour too, as a chip whose text and background are both set, so a client that forces
        // dark mode (and recolours one of them) keeps it legible; the word stays, for readers who cannot see colour.
        styled = StatusCell().Replace(styled, m => $">{Chip(m.Groups["status"].Value)}</td>");
        // Section headings are anchors, for the preview's contents list.
        styled = SectionHeading().Replace(styled, m =>
            $"<h2 style=\"{m.Groups["style"].Value}\" id=\"{AnchorOf(System.Net.WebUtility.HtmlDecode(m.Groups["text"].Value))}\">{m.Groups["text"].Value}</h2>");
        return styled.Trim();
    }

    public static string Chip(string status) => status switch
    {
        "on track" => "<span style=\"background:#1e7b34;color:#ffffff;padding:1px 6px;border-radius:3px;font-weight:bold;white-space:nowrap;\">on track</span>",
        "at risk" => "<span style=\"background:#f2c94c;color:#1a1a1a;padding:1px 6px;border-radius:3px;font-weight:bold;white-space:nowrap;\">at risk</span>",
        _ => "<span style=\"background:#b3261e;color:#ffffff;padding:1px 6px;border-radius:3px;font-weight:bold;white-space:nowrap;\">off track</span>",
    };

    public static string AnchorOf(string heading) => "section-" + Primitives.Slugs.Of(heading);

    [GeneratedRegex("<h2 style=\"(?<style>[^\"]*)\">(?<text>[^<]*)</h2>")]
    private static partial Regex SectionHeading();

    [GeneratedRegex(">(?<status>on track|at risk|off track)</td>")]
    private static partial Regex StatusCell();

    [GeneratedRegex("""<(?<tag>[a-z][a-z0-9]*)(?<attrs>(?:\s+[a-z-]+(?:="[^"]*")?)*)\s*(?<close>/?)>""")]
    private static partial Regex StartTag();

    [GeneratedRegex("\\s+align=\"(?<value>left|right|center)\"")]
    private static partial Regex AlignAttribute();

    [GeneratedRegex(" style=\"text-align: (?<align>left|right|center);\"")]
    private static partial Regex MarkdigAlignment();

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "ul", "ol", "li", "strong", "em", "del", "code", "pre",
                "blockquote", "table", "thead", "tbody", "tr", "th", "td", "a", "span", "div",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "title", "id", "align" },
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
        };
        return new HtmlSanitizer(options);
    }
}
