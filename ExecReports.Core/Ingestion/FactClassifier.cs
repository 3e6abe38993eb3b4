using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace ExecReports.Core.Ingestion;

// Tags and references for one fact. Explicit "[tag]" markers win nothing over keywords: both are added,
// because a note marked [cost] that mentions a secret key is still a security fact.
public static partial class FactClassifier
{
    // Each pattern beside words one of which every match contains. On ASCII text the pattern's IgnoreCase is ASCII case
    // folding, so a text with none of the words cannot match and the pattern is not run; text with any other character
    // (a Kelvin sign folds to k) always is. Tried at every word, the seven patterns were most of parsing 16,000
    // handoffs (issue 19); one vectorised search over a few words is far cheaper. VerdictFilterTests checks the words.
    internal static readonly (string Tag, Regex Pattern, SearchValues<string> Words)[] Keywords =
    [
        ("security", SecurityWords(), Words("key", "secret", "auth", "password", "credential", "token", "exposed", "leak", "vulnerab", "cve", "xss", "csrf", "injection", "sk_live_", "iam", "public", "mfa", "2fa")),
        ("cost", CostWords(), Words("$", "cost", "bill", "spend", "budget", "pricing", "invoice")),
        ("ci", CiWords(), Words("ci", "cd", "deploy", "pipeline", "test", "github actions", "scp", "rollback", "lead time", "release", "build")),
        ("ux", UxWords(), Words("mobile", "ux", "ui", "funnel", "checkout", "usability", "accessibility", "a11y", "drop", "page speed", "core web vitals")),
        ("analytics", AnalyticsWords(), Words("analytics", "ga4", "tracking", "funnel", "conversion", "attribution", "utm", "pixel", "drop")),
        ("revenue", RevenueWords(), Words("revenue", "booking", "booked", "deposit", "payout", "sales", "commission", "recogni", "mrr", "arr")),
        ("reliability", ReliabilityWords(), Words("single point of failure", "spof", "backup", "outage", "downtime", "bus factor")),
    ];

    private static SearchValues<string> Words(params string[] words) => SearchValues.Create(words, StringComparison.OrdinalIgnoreCase);

    internal static bool MayMatch(string text, SearchValues<string> words) => !Ascii.IsValid(text) || text.AsSpan().ContainsAny(words);

    public static IReadOnlyList<string> Tags(string text)
    {
        var tags = new List<string>();
        foreach (Match match in ExplicitTag().Matches(text))
        {
            var tag = match.Groups[1].Value.ToLowerInvariant();
            if (!tags.Contains(tag))
            {
                tags.Add(tag);
            }
        }

        foreach (var (tag, pattern, words) in Keywords)
        {
            if (!tags.Contains(tag) && MayMatch(text, words) && pattern.IsMatch(text))
            {
                tags.Add(tag);
            }
        }

        // Kept on 350,000 facts at 16,000 handoffs: most have none, and an array is a third the size of a list.
        return tags.Count == 0 ? Array.Empty<string>() : tags.ToArray();
    }

    public static IReadOnlyList<HandoffReference> References(string text, IEnumerable<string> linkUrls)
    {
        var references = new List<HandoffReference>();
        void Add(ReferenceKind kind, string value)
        {
            if (!references.Any(r => r.Kind == kind && r.Value == value))
            {
                references.Add(new HandoffReference(kind, value));
            }
        }

        // Each pattern runs only on text holding a literal every match of it holds: most facts name no endpoint or URL.
        var rest = text;
        if (text.Contains('/'))
        {
            foreach (Match match in Endpoint().Matches(text))
            {
                Add(ReferenceKind.Endpoint, $"{match.Groups[1].Value.ToUpperInvariant()} {TrimPunctuation(match.Groups[2].Value)}");
                rest = rest.Replace(match.Value, " ", StringComparison.Ordinal);
            }
        }

        var hasUrl = rest.Contains("://", StringComparison.Ordinal);
        foreach (var url in (hasUrl ? Url().Matches(rest).Select(m => TrimPunctuation(m.Value)) : []).Concat(linkUrls.Where(IsWebUrl)))
        {
            Add(ReferenceKind.Url, url);
        }

        // Paths inside URLs are not files of ours.
        if (hasUrl)
        {
            rest = Url().Replace(rest, " ");
        }

        if (MayNameAFile(rest))
        {
            foreach (Match match in FilePath().Matches(rest))
            {
                Add(ReferenceKind.File, match.Value);
            }
        }

        return references.Count == 0 ? Array.Empty<HandoffReference>() : references.ToArray();
    }

    // Every file name the pattern takes has a dot followed by its extension's first letter. Most facts have none, and
    // the pattern, tried at each word, was a large share of parsing 16,000 handoffs (issue 19).
    internal static bool MayNameAFile(string text)
    {
        for (var i = text.IndexOf('.'); i >= 0 && i < text.Length - 1; i = text.IndexOf('.', i + 1))
        {
            if (char.IsLetter(text[i + 1]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWebUrl(string url) =>
        url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    private static string TrimPunctuation(string value) => value.TrimEnd('.', ',', ';', ':', '!', '?', ')', '*', '_');

    // Keyword alternatives, whole words only; source-generated so that no process pays to build them at start.
    [GeneratedRegex(@"(?<![\w/])(?:(api[ -]?)?keys?|secrets?|unauthenticated|unauthorized|password|passwords|credentials?|tokens?|auth|exposed|leak(ed)?|vulnerab\w*|cve|xss|csrf|injection|sk_live_\w*|iam|public[ -]bucket|mfa|2fa)(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecurityWords();

    [GeneratedRegex(@"(?<![\w/])(?:ci|cd|ci/cd|deploy\w*|pipelines?|tests?|tested|testing|github actions|scp|rollbacks?|lead time|releases?|builds?)(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CiWords();

    [GeneratedRegex(@"(?<![\w/])(?:mobile|ux|ui|funnel|checkout|usability|accessibility|a11y|drop-?off|page speed|core web vitals)(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UxWords();

    [GeneratedRegex(@"(?<![\w/])(?:analytics|ga4|google analytics|tracking|funnel|conversion|attribution|utm|pixel|drop-?off)(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AnalyticsWords();

    [GeneratedRegex(@"(?<![\w/])(?:revenue|bookings?|booked|deposits?|payouts?|sales|commission|recogni[sz](e|ed|ing|tion)|mrr|arr)(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RevenueWords();

    [GeneratedRegex(@"(?<![\w/])(?:single point of failure|spof|backups?|outages?|downtime|bus factor)(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReliabilityWords();

    [GeneratedRegex(@"\$|\b(costs?|bill|billed|billing|spend|spending|budget|pricing|invoice[ds]?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CostWords();

    [GeneratedRegex(@"\[([a-z][a-z0-9-]{1,19})\](?![(\[:])")]
    private static partial Regex ExplicitTag();

    [GeneratedRegex(@"\b(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(/[^\s`'""<>]*)", RegexOptions.CultureInvariant)]
    private static partial Regex Endpoint();

    [GeneratedRegex(@"https?://[^\s<>`'""\]\[]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Url();

    [GeneratedRegex(@"(?<![\w/.@-])(?:\.?[\w-]+/)*\.?[\w-]+\.(?:js|mjs|cjs|ts|tsx|jsx|json|ya?ml|py|cs|csproj|sh|env|sql|md|html?|css|gs|tf|toml|ini|conf|config|php|rb|go|java|txt|xml|lock)(?![\w/])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex FilePath();
}
