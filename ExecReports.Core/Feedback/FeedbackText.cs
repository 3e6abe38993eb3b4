using System.Net;
using System.Text;
using Ganss.Xss;
using ExecReports.Core.Secrets;

namespace ExecReports.Core.Feedback;

// Reply and annotation text is stored as plain text: markup stripped, control and bidi-override characters removed,
// credentials redacted by the same scanner that guards reports.
public sealed class FeedbackText(SecretScanner scanner)
{
    private static readonly HtmlSanitizer StripAll = new(new HtmlSanitizerOptions
    {
        AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
    })
    {
        KeepChildNodes = true,
    };

    public string Clean(string text, int maxChars)
    {
        var plain = text.Contains('<', StringComparison.Ordinal) ? WebUtility.HtmlDecode(StripAll.Sanitize(text)) : text;
        var sb = new StringBuilder(plain.Length);
        foreach (var c in plain)
        {
            if ((char.IsControl(c) && c is not '\n' and not '\t') || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069')
            {
                continue;
            }

            sb.Append(c);
        }

        var redacted = scanner.Redact(sb.ToString()).Trim();
        return redacted.Length > maxChars ? redacted[..maxChars] : redacted;
    }
}
