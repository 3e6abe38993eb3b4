using System.Data.Common;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using static ExecReports.Core.Secrets.SecretValueChecks;

namespace ExecReports.Core.Secrets;

// Finds credentials in report and handoff text and produces the redacted text shown in previews.
// Stateless after construction, so one instance serves every request.
public sealed partial class SecretScanner
{
    public const int MinimumConfiguredSecretLength = 8;
    private const int ExcerptWidth = 160;

    public static readonly IReadOnlyList<string> ConfiguredSecretKeys =
    [
        "Email:Smtp:Password",
        "Email:Ses:SmtpPassword",
        "Email:Ses:SecretAccessKey",
        "Archive:S3:SecretAccessKey",
        "Feedback:Imap:Password",
        "Feedback:S3:SecretAccessKey",
        "Auth:BootstrapAdmin:Password",
    ];

    private readonly IReadOnlyList<SecretRule> _rules;
    private readonly IReadOnlyList<Regex> _configured;

    public SecretScanner(IEnumerable<string> configuredSecrets)
        : this(configuredSecrets, SecretRules.All)
    {
    }

    public SecretScanner(IEnumerable<string> configuredSecrets, IReadOnlyList<SecretRule> rules)
    {
        _rules = rules;
        _configured = configuredSecrets
            .Where(s => !string.IsNullOrWhiteSpace(s) && s.Trim().Length >= MinimumConfiguredSecretLength)
            .Select(s => s.Trim())
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length)
            .Select(WrappedLiteral)
            .ToList();
    }

    // Every configured secret, whatever its source (appsettings, environment, the dotenv file, the command line): the
    // named keys, any key whose last part names a credential (Email:Smtp:Password, SMTP_PASS, GITHUB_TOKEN,
    // Archive__S3__SecretAccessKey once mapped), and the password in every connection string.
    public static SecretScanner FromConfiguration(IConfiguration configuration)
    {
        var secrets = ConfiguredSecretKeys.Select(key => configuration[key]).OfType<string>().ToList();
        foreach (var (key, value) in configuration.AsEnumerable())
        {
            if (!string.IsNullOrWhiteSpace(value) && IsCredentialKey(key))
            {
                secrets.Add(value);
            }
        }

        foreach (var connection in configuration.GetSection("ConnectionStrings").GetChildren())
        {
            if (PasswordInConnectionString(connection.Value) is { } password)
            {
                secrets.Add(password);
            }
        }

        return new SecretScanner(secrets);
    }

    // The key's last part (after ':' or '__'): PASSWORD, SMTP_PASS, SecretAccessKey, API_KEY, ApiKey, TOKEN; not
    // AccessKeyId (an identifier), TokenUrl or PasswordMinLength (settings about credentials, not credentials).
    public static bool IsCredentialKey(string key)
    {
        var last = key.Split(':')[^1];
        var underscores = last.LastIndexOf("__", StringComparison.Ordinal);
        return CredentialKey().IsMatch(underscores >= 0 ? last[(underscores + 2)..] : last);
    }

    [GeneratedRegex(@"(?:^|_)(?:PASS|PASSWD|PWD)$|(?:PASSWORD|SECRET|SECRETACCESSKEY|SECRET_ACCESS_KEY|TOKEN|API_?KEY|PRIVATE_?KEY|CLIENT_?SECRET)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CredentialKey();

    public static string RedactValue(string secret)
    {
        if (IsAlreadyRedacted(secret))
        {
            return secret;
        }

        var prefix = FormatPrefix(secret);
        var body = secret[prefix.Length..];
        // Short secrets show nothing: four characters of an eight-character password is half of it.
        return prefix + Ellipsis + (body.Length >= 16 ? body[^4..] : string.Empty);
    }

    public IReadOnlyList<SecretFinding> Scan(string text)
    {
        var hits = Find(text, out var failures);
        var lineStarts = LineStarts(text);
        var findings = new List<SecretFinding>(hits.Count + failures.Count);
        foreach (var hit in hits)
        {
            var (line, column) = Position(lineStarts, hit.Start);
            var message = hit.Severity == SecretSeverity.Error
                ? $"{SecretRules.Describe(hit.RuleId)} in the text; remove it and rotate the credential."
                : $"Possible {SecretRules.Describe(hit.RuleId)}; check it is not a real credential.";
            findings.Add(new SecretFinding(hit.RuleId, hit.Severity, line, column, hit.Length, Excerpt(text, hit, hits), message));
        }

        // A rule that timed out may have missed a secret; say so rather than report a clean scan.
        foreach (var ruleId in failures)
        {
            findings.Add(new SecretFinding(ruleId, SecretSeverity.Warning, 1, 1, 0, string.Empty,
                $"The {SecretRules.Describe(ruleId)} check timed out; the text was not fully scanned."));
        }

        return findings;
    }

    public string Redact(string text)
    {
        var hits = Find(text, out _);
        return hits.Count == 0 ? text : RedactRange(text, 0, text.Length, hits);
    }

    private sealed record Hit(string RuleId, SecretSeverity Severity, int Start, int Length, string Replacement)
    {
        public int End => Start + Length;
    }

    private List<Hit> Find(string text, out List<string> failures)
    {
        failures = [];
        var accepted = new List<Hit>();
        if (string.IsNullOrEmpty(text))
        {
            return accepted;
        }

        foreach (var regex in _configured)
        {
            foreach (Match match in regex.Matches(text))
            {
                Accept(accepted, new Hit(SecretRules.ConfiguredSecretId, SecretSeverity.Error, match.Index, match.Length, RedactedMarker));
            }
        }

        foreach (var rule in _rules)
        {
            if (rule.Keywords.Count > 0 && !rule.Keywords.Any(k => text.Contains(k, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            try
            {
                foreach (Match match in rule.Pattern.Matches(text))
                {
                    if (Assess(rule, match, text) is { } hit)
                    {
                        Accept(accepted, hit);
                    }
                }
            }
            catch (RegexMatchTimeoutException)
            {
                failures.Add(rule.Id);
            }
        }

        return accepted;
    }

    // Earlier rules are more specific; a later rule never re-reports (or re-redacts) characters already claimed.
    // Accepted hits stay sorted by start and never overlap, so only the neighbours need checking.
    private static void Accept(List<Hit> accepted, Hit hit)
    {
        var index = FirstEndingAfter(accepted, hit.Start);
        if (index < accepted.Count && accepted[index].Start < hit.End)
        {
            return;
        }

        accepted.Insert(index, hit);
    }

    // Index of the first hit whose end lies after position (hits sorted and disjoint, so ends are sorted too).
    private static int FirstEndingAfter(List<Hit> hits, int position)
    {
        int low = 0, high = hits.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (hits[mid].End <= position)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    private static Hit? Assess(SecretRule rule, Match match, string text)
    {
        var group = match.Groups["secret"];
        var (start, length) = group.Success ? (group.Index, group.Length) : (match.Index, match.Length);
        var secret = text.Substring(start, length);
        if (rule.Redaction == SecretRedaction.KeyBlock)
        {
            var severity = rule.Assess?.Invoke(new SecretCandidate(secret, match, text));
            return severity is { } s ? new Hit(rule.Id, s, start, length, KeyBlockReplacement(match)) : null;
        }

        if (IsAlreadyRedacted(secret) || IsPlaceholder(secret))
        {
            return null;
        }

        if (rule.MinEntropy > 0 && ShannonEntropy(secret[FormatPrefix(secret).Length..]) < rule.MinEntropy)
        {
            return null;
        }

        var level = rule.Assess is null ? rule.Severity : rule.Assess(new SecretCandidate(secret, match, text));
        if (level is not { } found)
        {
            return null;
        }

        if (rule.Wrappable)
        {
            length = ExtendOverWrappedLines(text, start, length);
            secret = WithoutLineBreaks(text.Substring(start, length));
        }

        var replacement = rule.Redaction == SecretRedaction.PasswordOnly ? Ellipsis : RedactValue(secret);
        return new Hit(rule.Id, found, start, length, replacement);
    }

    private static string KeyBlockReplacement(Match match)
    {
        var label = match.Groups["label"].Value;
        var end = match.Groups["end"].Success ? $" -----END {label}-----" : string.Empty;
        return $"-----BEGIN {label}----- {Ellipsis}redacted{Ellipsis}{end}";
    }

    // A hard-wrapped token continues on the next line when that whole line is token characters.
    private static int ExtendOverWrappedLines(string text, int start, int length)
    {
        var end = start + length;
        for (var lines = 0; lines < 20; lines++)
        {
            var p = end;
            if (p < text.Length && text[p] == '\r')
            {
                p++;
            }

            if (p >= text.Length || text[p] != '\n')
            {
                break;
            }

            p++;
            while (p < text.Length && text[p] is ' ' or '\t' or '>')
            {
                p++;
            }

            var runStart = p;
            while (p < text.Length && (char.IsAsciiLetterOrDigit(text[p]) || text[p] is '_' or '-' or '+' or '/' or '=' or '.'))
            {
                p++;
            }

            var atLineEnd = p >= text.Length || text[p] is '\r' or '\n';
            if (p == runStart || !atLineEnd || text.AsSpan(runStart, p - runStart).ContainsAnyExcept(text[runStart]) is false)
            {
                break;
            }

            end = p;
        }

        return end - start;
    }

    private static string WithoutLineBreaks(string value)
    {
        if (!value.Contains('\n'))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        foreach (var line in value.Split('\n'))
        {
            builder.Append(line.Trim().TrimStart('>').Trim());
        }

        return builder.ToString();
    }

    // The configured secret, tolerating a line break (and quote marker) anywhere inside it, so a wrapped
    // copy is found and redacted whole.
    private static Regex WrappedLiteral(string secret)
    {
        // A break inside the first three characters is not expected; keeping them contiguous lets the engine search
        // for them as a literal instead of trying every occurrence of the first character.
        var head = Regex.Escape(secret[..3]);
        var pattern = head + string.Concat(secret[3..].Select(c => @"(?:\r?\n[ \t>]*)?" + Regex.Escape(c.ToString())));
        return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(2));
    }

    private static string? PasswordInConnectionString(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return null;
        }

        if (Uri.TryCreate(connectionString, UriKind.Absolute, out var uri) && uri.UserInfo.Contains(':'))
        {
            return Uri.UnescapeDataString(uri.UserInfo[(uri.UserInfo.IndexOf(':') + 1)..]);
        }

        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
            foreach (var key in new[] { "Password", "Pwd" })
            {
                if (builder.TryGetValue(key, out var value) && value is string { Length: > 0 } password)
                {
                    return password;
                }
            }
        }
        catch (ArgumentException)
        {
            // Not key=value shaped; nothing to extract, and the app's own startup reports the bad string.
        }

        return null;
    }

    private static string RedactRange(string text, int from, int to, List<Hit> hits)
    {
        var builder = new StringBuilder(to - from);
        var position = from;
        for (var i = FirstEndingAfter(hits, from); i < hits.Count && hits[i].Start < to; i++)
        {
            var hit = hits[i];

            if (hit.Start > position)
            {
                builder.Append(text, position, hit.Start - position);
            }

            // A secret cut by the range edge is shown as a bare ellipsis: no part of it leaks.
            builder.Append(hit.Start >= from && hit.End <= to ? hit.Replacement : Ellipsis);
            position = Math.Max(position, Math.Min(hit.End, to));
        }

        if (position < to)
        {
            builder.Append(text, position, to - position);
        }

        return builder.ToString();
    }

    private static string Excerpt(string text, Hit hit, List<Hit> hits)
    {
        var lineStart = hit.Start == 0 ? 0 : text.LastIndexOf('\n', hit.Start - 1) + 1;
        var lineEnd = text.IndexOf('\n', hit.End);
        if (lineEnd < 0)
        {
            lineEnd = text.Length;
        }

        var before = RedactRange(text, lineStart, hit.Start, hits).TrimStart();
        var after = RedactRange(text, hit.End, lineEnd, hits).TrimEnd('\r', ' ', '\t');
        var room = Math.Max(0, ExcerptWidth - hit.Replacement.Length) / 2;
        if (before.Length > room)
        {
            before = Ellipsis + before[^room..];
        }

        if (after.Length > room)
        {
            after = after[..room] + Ellipsis;
        }

        return before + hit.Replacement + after;
    }

    private static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1))
        {
            starts.Add(i + 1);
        }

        return starts;
    }

    private static (int Line, int Column) Position(List<int> lineStarts, int index)
    {
        var found = lineStarts.BinarySearch(index);
        var line = found >= 0 ? found : ~found - 1;
        return (line + 1, index - lineStarts[line] + 1);
    }
}
