using System.Text;
using System.Text.RegularExpressions;
using MimeKit;

namespace ExecReports.Core.Feedback;

public sealed record ParsedReply(string NewText, IReadOnlyList<string> QuotedLines, string? ActionTitle, IReadOnlyList<long> Done, bool HadAttachments);

// What a person wrote in a reply: the plain-text part (or the HTML part's text), without the quoted report, the
// "On … wrote:" line and the signature. Quoted lines are kept apart: they are what the reply is about.
public static partial class ReplyParser
{
    public static ParsedReply Parse(MimeMessage message, int maxChars)
    {
        var body = message.TextBody ?? HtmlToText(message.HtmlBody) ?? "";
        var hadAttachments = message.Attachments.Any();
        return ParseText(body, maxChars, hadAttachments);
    }

    public static ParsedReply ParseText(string body, int maxChars, bool hadAttachments = false)
    {
        var lines = body.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var fresh = new List<string>();
        var quoted = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            if (line is "-- " or "--" || line.StartsWith("-----Original Message-----", StringComparison.OrdinalIgnoreCase)
                || SentFrom().IsMatch(line))
            {
                // A signature or a forwarded/original block: nothing after it is new text; quotes after it still anchor.
                quoted.AddRange(lines.Skip(i + 1).Select(Unquote).OfType<string>());
                break;
            }

            if (Unquote(line) is { } q)
            {
                quoted.Add(q);
                continue;
            }

            if (WroteLine().IsMatch(line))
            {
                continue;
            }

            fresh.Add(line);
        }

        // "On Tue, … ," may wrap onto the next line in some clients: the join catches it.
        var text = WroteBlock().Replace(string.Join('\n', fresh), "").Trim();
        if (text.Length > maxChars)
        {
            text = text[..maxChars];
        }

        var first = text.Split('\n', 2)[0].Trim();
        var action = ActionLine().Match(first) is { Success: true } a ? a.Groups[1].Value.Trim() : null;
        var done = DoneMarker().Matches(text)
            .Select(m => long.TryParse(m.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0).Distinct().ToList();
        return new ParsedReply(text, quoted.Where(q => q.Length > 0).Distinct(StringComparer.Ordinal).ToList(),
            string.IsNullOrEmpty(action) ? null : action, done, hadAttachments);
    }

    private static string? Unquote(string line)
    {
        var trimmed = line.TrimStart();
        if (!trimmed.StartsWith('>'))
        {
            return null;
        }

        while (trimmed.StartsWith('>'))
        {
            trimmed = trimmed[1..].TrimStart();
        }

        return trimmed.TrimEnd();
    }

    private static string? HtmlToText(string? html)
    {
        if (html is null)
        {
            return null;
        }

        var withBreaks = BlockTag().Replace(html, "\n");
        var sb = new StringBuilder(System.Net.WebUtility.HtmlDecode(AnyTag().Replace(withBreaks, "")));
        return sb.ToString();
    }

    [GeneratedRegex(@"^\s*ACTION:\s*(.*)$", RegexOptions.IgnoreCase, 100)]
    private static partial Regex ActionLine();

    [GeneratedRegex(@"\bDONE\s+#(\d{1,12})\b", RegexOptions.IgnoreCase, 100)]
    private static partial Regex DoneMarker();

    [GeneratedRegex(@"^\s*On\b.{0,300}\bwrote:\s*$", RegexOptions.IgnoreCase, 100)]
    private static partial Regex WroteLine();

    [GeneratedRegex(@"(^|\n)On\b[^\n]{0,300}\n[^\n]{0,300}\bwrote:\s*$", RegexOptions.IgnoreCase, 100)]
    private static partial Regex WroteBlock();

    [GeneratedRegex(@"^Sent from my \w+", RegexOptions.IgnoreCase, 100)]
    private static partial Regex SentFrom();

    [GeneratedRegex(@"<\s*(br|/p|/div|/tr|/li|/h\d)\b[^>]*>", RegexOptions.IgnoreCase, 100)]
    private static partial Regex BlockTag();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.None, 100)]
    private static partial Regex AnyTag();
}
