using System.Text.RegularExpressions;

namespace ExecReports.Core.Secrets;

public enum SecretRedaction
{
    // sk_live_…7f3a: the format's public prefix plus the last four characters.
    KeepPrefixAndLast4,
    // Passwords inside URLs and connection strings: the password alone becomes "…".
    PasswordOnly,
    // A whole private-key block becomes its BEGIN/END lines around "…redacted…".
    KeyBlock,
    // Literal secrets from the app's own configuration: nothing of them is shown.
    Full,
}

// What a rule's assessment sees: the secret (the "secret" group, or the whole match), the match and the text.
public sealed record SecretCandidate(string Secret, Match Match, string Text);

public sealed record SecretRule
{
    public required string Id { get; init; }
    public required string Description { get; init; }
    public required Regex Pattern { get; init; }

    // Cheap case-insensitive prefilter: the regex only runs when one of these occurs in the text. Empty = always run.
    public IReadOnlyList<string> Keywords { get; init; } = [];
    public SecretSeverity Severity { get; init; } = SecretSeverity.Error;

    // Shannon entropy (bits per char) the secret must reach once its format prefix is removed.
    public double MinEntropy { get; init; }
    public SecretRedaction Redaction { get; init; } = SecretRedaction.KeepPrefixAndLast4;

    // Tokens long enough to be hard-wrapped: a continuation line made only of token characters is part of the secret,
    // so redaction never leaves its second half readable.
    public bool Wrappable { get; init; }

    // Extra look-alike checks after the common placeholder checks; null means "not a secret",
    // otherwise the severity to report (lets fuzzy rules downgrade to Warning).
    public Func<SecretCandidate, SecretSeverity?>? Assess { get; init; }
}
