using System.Text.RegularExpressions;

namespace ExecReports.Core.Secrets;

// Look-alike tests shared by the rules. Most false alarms are documentation placeholders, references to
// variables holding the secret, and identifiers (hashes, ids) that are random but public.
internal static partial class SecretValueChecks
{
    public const string Ellipsis = "…";
    public const string RedactedMarker = "[redacted]";

    // Format prefixes that are public knowledge, longest first, each shown in redacted output so a reader
    // still knows which key leaked.
    private static readonly string[] KnownPrefixes =
    [
        "https://hooks.slack.com/services/", "https://hooks.slack.com/workflows/", "https://hooks.slack.com/triggers/",
        "github_pat_", "sk_live_", "sk_test_", "rk_live_", "rk_test_", "whsec_", "GOCSPX-",
        "xoxb-", "xoxp-", "xoxa-", "xoxo-", "xoxs-", "xoxr-", "xoxe-", "xapp-",
        "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "npm_", "AKIA", "ASIA", "ABIA", "ACCA", "AIza", "SG.", "eyJ",
    ];

    private static readonly string[] PlaceholderWords =
    [
        "example", "placeholder", "your", "changeme", "change_me", "change-me", "redacted", "replace", "dummy",
        "sample", "insert", "notreal", "not-a-real", "todo",
    ];

    // Whole values that are words, not secrets.
    private static readonly HashSet<string> PlaceholderValues = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "passw0rd", "secret", "token", "apikey", "api_key", "null", "none", "nil", "empty", "test",
        "testing", "fake", "tbd", "undefined", "required", "optional", "hidden", "masked", "string", "value",
        "true", "false", "default", "unset", "secretkey", "secret_key", "mypassword", "yourpassword",
    };

    public static string FormatPrefix(string secret)
    {
        foreach (var prefix in KnownPrefixes)
        {
            if (secret.StartsWith(prefix, StringComparison.Ordinal) && secret.Length >= prefix.Length + 16)
            {
                return prefix;
            }
        }

        return string.Empty;
    }

    public static bool IsAlreadyRedacted(string value) =>
        value.Contains(Ellipsis, StringComparison.Ordinal) || value.Contains(RedactedMarker, StringComparison.Ordinal);

    public static bool IsPlaceholder(string value)
    {
        if (value.Length == 0 || PlaceholderValues.Contains(value.Trim('"', '\'')))
        {
            return true;
        }

        if (value.Contains('<') || value.Contains('>') || value.Contains("${", StringComparison.Ordinal) ||
            value.Contains("{{", StringComparison.Ordinal) || value.Contains("***", StringComparison.Ordinal) ||
            VariableReference().IsMatch(value))
        {
            return true;
        }

        foreach (var word in PlaceholderWords)
        {
            if (value.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        var body = value[FormatPrefix(value).Length..];
        return IsLowDiversity(body) || MostlyFiller(body);
    }

    // "xxxxxxxx", "AAAA1111", "abcdefgh12345678": typed by a person, not generated.
    public static bool IsLowDiversity(string body)
    {
        if (body.Length == 0)
        {
            return true;
        }

        if (body.Distinct().Count() <= 3)
        {
            return true;
        }

        var sequential = 0;
        for (var i = 1; i < body.Length; i++)
        {
            if (body[i] == body[i - 1] + 1 || body[i] == body[i - 1])
            {
                sequential++;
            }
        }

        return sequential >= (body.Length - 1) * 0.7;
    }

    // Docs often pad a real prefix with x's or zeros: sk_live_xxxxxxxxxxxx1234.
    private static bool MostlyFiller(string body)
    {
        var filler = body.Count(c => c is 'x' or 'X' or '*' or '0' or '•' or '.' or '#');
        return filler >= body.Length * 0.6;
    }

    public static double ShannonEntropy(string value)
    {
        if (value.Length == 0)
        {
            return 0;
        }

        var counts = new Dictionary<char, int>();
        foreach (var c in value)
        {
            counts[c] = counts.GetValueOrDefault(c) + 1;
        }

        double entropy = 0;
        foreach (var count in counts.Values)
        {
            var p = (double)count / value.Length;
            entropy -= p * Math.Log2(p);
        }

        return entropy;
    }

    public static int CharacterClasses(string value)
    {
        var lower = value.Any(char.IsAsciiLetterLower) ? 1 : 0;
        var upper = value.Any(char.IsAsciiLetterUpper) ? 1 : 0;
        var digit = value.Any(char.IsAsciiDigit) ? 1 : 0;
        var symbol = value.Any(c => !char.IsAsciiLetterOrDigit(c)) ? 1 : 0;
        return lower + upper + digit + symbol;
    }

    // Git SHAs, md5/sha1/sha256 digests, ETags, Twilio-style SIDs: hex is an id far more often than a secret.
    public static bool IsHexOnly(string value) => value.Length > 0 && value.All(char.IsAsciiHexDigit);

    public static bool IsUuid(string value) => Uuid().IsMatch(value);

    // STRIPE_SECRET_KEY, DB_PASSWORD: the name of the variable, not its value.
    public static bool IsEnvironmentVariableName(string value) => EnvironmentVariableName().IsMatch(value);

    // config.smtp.password, process.env.TOKEN, GetSecret(): code that fetches the secret.
    public static bool IsCodeReference(string value) =>
        value.Contains('(') || value.Contains("env.", StringComparison.OrdinalIgnoreCase) ||
        value.Contains("environ", StringComparison.OrdinalIgnoreCase) || DottedIdentifier().IsMatch(value);

    public static bool IsUrlOrPath(string value) =>
        value.Contains("://", StringComparison.Ordinal) || PathLike().IsMatch(value);

    public static bool IsDateVersionOrNumber(string value) => DateVersionOrNumber().IsMatch(value);

    [GeneratedRegex(@"^(?:\$[A-Za-z_][A-Za-z0-9_]*|%[A-Za-z_][A-Za-z0-9_]*%|\$\([^)]*\))", RegexOptions.CultureInvariant)]
    private static partial Regex VariableReference();

    [GeneratedRegex(@"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex Uuid();

    [GeneratedRegex(@"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex EnvironmentVariableName();

    [GeneratedRegex(@"^[A-Za-z_$][A-Za-z0-9_$]*(?:\.[A-Za-z_$][A-Za-z0-9_$]*)+$", RegexOptions.CultureInvariant)]
    private static partial Regex DottedIdentifier();

    [GeneratedRegex(@"^(?:~|\.{1,2})?/[\w./-]+$|^[\w.-]+(?:/[\w.-]+)+\.[A-Za-z0-9]{1,5}$", RegexOptions.CultureInvariant)]
    private static partial Regex PathLike();

    [GeneratedRegex(@"^(?:\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+Z?)?|v?\d+(?:\.\d+)+(?:[-+][\w.]+)?|[\d.,:/$%-]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex DateVersionOrNumber();
}
