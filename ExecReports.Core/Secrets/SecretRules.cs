using System.Text;
using System.Text.RegularExpressions;
using static ExecReports.Core.Secrets.SecretValueChecks;

namespace ExecReports.Core.Secrets;

// Patterns follow gitleaks' rule set (github.com/gitleaks/gitleaks, config/gitleaks.toml) where it has one.
// Every quantifier is bounded so the backtracking engine stays linear in practice; the timeout is a backstop.
// Order matters: when two rules claim the same characters, the earlier (more specific) rule wins.
public static partial class SecretRules
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
    private const int TimeoutMs = 2000;

    public const string ConfiguredSecretId = "configured-secret";

    public static IReadOnlyList<SecretRule> All { get; } =
    [
        new()
        {
            Id = "private-key-openssh",
            Description = "OpenSSH private key",
            Pattern = OpenSshPrivateKey(),
            Keywords = ["PRIVATE KEY"],
            Redaction = SecretRedaction.KeyBlock,
            Assess = c => HasKeyMaterial(c.Match) ? SecretSeverity.Error : null,
        },
        new()
        {
            Id = "private-key-pem",
            Description = "PEM private key",
            Pattern = PemPrivateKey(),
            Keywords = ["PRIVATE KEY"],
            Redaction = SecretRedaction.KeyBlock,
            Assess = c => HasKeyMaterial(c.Match) ? SecretSeverity.Error : null,
        },
        new()
        {
            Id = "jwt",
            Description = "JSON Web Token",
            Pattern = Jwt(),
            Keywords = ["eyJ"],
            MinEntropy = 3.0,
            Wrappable = true,
            Assess = c => JwtHeaderHasAlg(c.Secret) ? SecretSeverity.Error : null,
        },
        new()
        {
            Id = "slack-webhook",
            Description = "Slack incoming webhook URL",
            Pattern = SlackWebhook(),
            Keywords = ["hooks.slack.com"],
            Wrappable = true,
            Assess = c => IsPlaceholder(c.Secret[(c.Secret.LastIndexOf('/') + 1)..]) ? null : SecretSeverity.Error,
        },
        new()
        {
            Id = "url-embedded-password",
            Description = "password embedded in a URL",
            Pattern = UrlWithPassword(),
            Keywords = ["://"],
            Redaction = SecretRedaction.PasswordOnly,
            Assess = c => c.Secret.All(char.IsAsciiDigit) && c.Secret.Length <= 5 ? null : SecretSeverity.Error,
        },
        new()
        {
            Id = "connection-string-password",
            Description = "password in a connection string",
            Pattern = ConnectionStringPassword(),
            Keywords = ["password", "pwd"],
            Redaction = SecretRedaction.PasswordOnly,
            Assess = c => LooksLikeConnectionString(c) ? SecretSeverity.Error : null,
        },
        new()
        {
            Id = "stripe-secret-key",
            Description = "Stripe secret key",
            Pattern = StripeSecretKey(),
            Keywords = ["sk_live_", "sk_test_"],
            MinEntropy = 3.0,
            Wrappable = true,
        },
        new()
        {
            Id = "stripe-restricted-key",
            Description = "Stripe restricted key",
            Pattern = StripeRestrictedKey(),
            Keywords = ["rk_live_", "rk_test_"],
            MinEntropy = 3.0,
            Wrappable = true,
        },
        new()
        {
            Id = "stripe-webhook-secret",
            Description = "Stripe webhook signing secret",
            Pattern = StripeWebhookSecret(),
            Keywords = ["whsec_"],
            MinEntropy = 3.0,
        },
        new()
        {
            Id = "github-pat-fine-grained",
            Description = "GitHub fine-grained personal access token",
            Pattern = GitHubFineGrained(),
            Keywords = ["github_pat_"],
            MinEntropy = 3.0,
        },
        new()
        {
            Id = "github-pat-classic",
            Description = "GitHub classic personal access token",
            Pattern = GitHubClassic(),
            Keywords = ["ghp_"],
            MinEntropy = 3.0,
        },
        new()
        {
            Id = "github-app-token",
            Description = "GitHub OAuth or app token",
            Pattern = GitHubAppToken(),
            Keywords = ["gho_", "ghu_", "ghs_", "ghr_"],
            MinEntropy = 3.0,
        },
        new()
        {
            Id = "slack-token",
            Description = "Slack token",
            Pattern = SlackToken(),
            Keywords = ["xox", "xapp-"],
            MinEntropy = 2.5,
            Wrappable = true,
        },
        new()
        {
            Id = "google-api-key",
            Description = "Google API key",
            Pattern = GoogleApiKey(),
            Keywords = ["AIza"],
            MinEntropy = 3.0,
        },
        new()
        {
            Id = "google-oauth-client-secret",
            Description = "Google OAuth client secret",
            Pattern = GoogleOAuthClientSecret(),
            Keywords = ["GOCSPX-"],
            MinEntropy = 3.0,
        },
        new()
        {
            Id = "npm-token",
            Description = "npm access token",
            Pattern = NpmToken(),
            Keywords = ["npm_"],
            MinEntropy = 3.0,
        },
        new()
        {
            Id = "sendgrid-api-key",
            Description = "SendGrid API key",
            Pattern = SendGridApiKey(),
            Keywords = ["SG."],
            MinEntropy = 3.0,
        },
        new()
        {
            Id = "twilio-api-key",
            Description = "Twilio API key",
            Pattern = TwilioApiKey(),
            Keywords = ["SK"],
            MinEntropy = 3.0,
        },
        new()
        {
            Id = "twilio-auth-token",
            Description = "Twilio auth token",
            Pattern = TwilioAuthToken(),
            Keywords = ["twilio"],
            MinEntropy = 3.0,
        },
        new()
        {
            Id = "aws-access-key-id",
            Description = "AWS access key id",
            Pattern = AwsAccessKeyId(),
            Keywords = ["AKIA", "ASIA", "ABIA", "ACCA", "A3T"],
            MinEntropy = 2.5,
        },
        new()
        {
            Id = "aws-secret-access-key",
            Description = "AWS secret access key",
            Pattern = AwsSecretAccessKey(),
            Keywords = ["secret"],
            MinEntropy = 4.0,
            Assess = c => IsHexOnly(c.Secret) || CharacterClasses(c.Secret) < 3 ? null : SecretSeverity.Error,
        },
        new()
        {
            Id = "credential-variable",
            Description = "credential assigned to a variable",
            Pattern = CredentialVariable(),
            Keywords = ["PASS", "PWD", "SECRET", "TOKEN", "KEY"],
            Assess = AssessCredentialVariable,
        },
        new()
        {
            Id = "generic-assignment",
            Description = "password, secret or token assignment",
            Pattern = GenericAssignment(),
            Keywords = ["pass", "pwd", "secret", "token", "key", "credential"],
            Assess = AssessGenericAssignment,
        },
    ];

    public static string Describe(string ruleId) =>
        ruleId == ConfiguredSecretId
            ? "secret from the app's own configuration"
            : All.FirstOrDefault(r => r.Id == ruleId)?.Description ?? ruleId;

    private static bool HasKeyMaterial(Match match) => Base64Run().IsMatch(match.Groups["body"].Value);

    private static bool JwtHeaderHasAlg(string jwt)
    {
        var header = jwt[..jwt.IndexOf('.')];
        var base64 = header.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        var bytes = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, bytes, out var written) &&
               Encoding.UTF8.GetString(bytes, 0, written).Contains("\"alg\"", StringComparison.Ordinal);
    }

    // "Password=" alone is too common in prose and config docs; another connection-string key on the same line
    // (Host=, Server=, User Id= ...) is what makes it a connection string.
    private static bool LooksLikeConnectionString(SecretCandidate c)
    {
        var start = c.Text.LastIndexOf('\n', Math.Max(0, c.Match.Index - 1)) + 1;
        var end = c.Text.IndexOf('\n', c.Match.Index);
        var line = c.Text[start..(end < 0 ? c.Text.Length : end)];
        return ConnectionStringKey().IsMatch(line);
    }

    private static SecretSeverity? AssessGenericAssignment(SecretCandidate c)
    {
        var keyEnd = c.Match.Groups["keytail"].Index + c.Match.Groups["keytail"].Length;
        var keyStart = c.Match.Index;
        while (keyStart > 0 && c.Match.Index - keyStart < 40 && (char.IsAsciiLetterOrDigit(c.Text[keyStart - 1]) || c.Text[keyStart - 1] is '_' or '.' or '-'))
        {
            keyStart--;
        }

        var key = c.Text[keyStart..keyEnd];
        var value = c.Secret;
        if (NonSecretKeyName().IsMatch(key) || IsEnvironmentVariableName(value) || IsCodeReference(value) ||
            IsUrlOrPath(value) || IsHexOnly(value) || IsUuid(value) || IsDateVersionOrNumber(value))
        {
            return null;
        }

        var entropy = ShannonEntropy(value);
        var classes = CharacterClasses(value);
        if ((value.Length >= 12 && entropy >= 3.5 && classes >= 3) || (value.Length >= 20 && entropy >= 4.0 && classes >= 2))
        {
            return SecretSeverity.Error;
        }

        // A weak literal password (password=hunter2024) is still a leak, but too often a sample to block on.
        var passwordKey = PasswordKeyName().IsMatch(key);
        var hasLetter = value.Any(char.IsAsciiLetter);
        if ((passwordKey && hasLetter && classes >= 2) || (!passwordKey && entropy >= 3.0 && classes >= 2))
        {
            return SecretSeverity.Warning;
        }

        return null;
    }

    // SMTP_PASS="…", STRIPE_SECRET='…', GITHUB_TOKEN="…": the name says credential, so any quoted value that looks
    // generated is one. Placeholders (changeme, ${VAR}, <your-key>, xxx, $(cat …)) and words are not.
    private static SecretSeverity? AssessCredentialVariable(SecretCandidate c)
    {
        var value = c.Secret;
        if (value.StartsWith('$') || value.Contains(' ') || IsEnvironmentVariableName(value) || IsCodeReference(value) || IsUrlOrPath(value)
            || IsDateVersionOrNumber(value) || value.All(char.IsAsciiLetterLower) || value.All(char.IsAsciiLetterUpper))
        {
            return null;
        }

        var entropy = ShannonEntropy(value);
        return value.Length >= 8 && entropy >= 3.0 && CharacterClasses(value) >= 2 ? SecretSeverity.Error : null;
    }

    private const string KeyBody =
        @"(?<body>(?:(?:\r?\n|\\r\\n|\\n)[ \t>]*(?:[A-Za-z0-9+/=]{1,200}|(?:Proc-Type|DEK-Info|Comment|Version):[^\r\n\\]{0,200})[ \t]*(?=\r?\n|\\r|\\n|-----|\z)){1,4000})";

    [GeneratedRegex(@"-----BEGIN (?<label>OPENSSH PRIVATE KEY)-----" + KeyBody + @"(?:(?:\r?\n|\\r\\n|\\n)?[ \t>]*(?<end>-----END OPENSSH PRIVATE KEY-----))?", Options, TimeoutMs)]
    private static partial Regex OpenSshPrivateKey();

    [GeneratedRegex(@"-----BEGIN (?<label>(?:RSA |EC |DSA |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----" + KeyBody + @"(?:(?:\r?\n|\\r\\n|\\n)?[ \t>]*(?<end>-----END (?:RSA |EC |DSA |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----))?", Options, TimeoutMs)]
    private static partial Regex PemPrivateKey();

    [GeneratedRegex(@"[A-Za-z0-9+/]{40}", Options)]
    private static partial Regex Base64Run();

    [GeneratedRegex(@"(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,2000}\.eyJ[A-Za-z0-9_-]{8,8000}\.[A-Za-z0-9_-]{8,2000}(?![A-Za-z0-9_-])", Options, TimeoutMs)]
    private static partial Regex Jwt();

    [GeneratedRegex(@"https?://hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9]{6,14}/[A-Za-z0-9]{6,14}/[A-Za-z0-9]{16,64}(?![A-Za-z0-9])", Options, TimeoutMs)]
    private static partial Regex SlackWebhook();

    [GeneratedRegex(@"(?<=(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{1,20})://[^:/?#@\s""'<>\[\]]{0,100}:(?<secret>[^@/?#\s""'<>]{1,200})@(?:[A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:]{2,45}\])", Options, TimeoutMs)]
    private static partial Regex UrlWithPassword();

    [GeneratedRegex(@"(?<![\w])(?:password|pwd)[ \t]*=[ \t]*(?:""(?<secret>[^""\r\n]{1,200})""|'(?<secret>[^'\r\n]{1,200})'|(?<secret>[^;""'\s][^;""'\r\n]{0,199}?))[ \t]*(?=;|\r?\n|\z)", Options | RegexOptions.IgnoreCase, TimeoutMs)]
    private static partial Regex ConnectionStringPassword();

    [GeneratedRegex(@"(?:^|[;""'])[ \t]*(?:server|host|data source|datasource|database|initial catalog|user id|userid|uid|username|user|port|address|addr)[ \t]*=", Options | RegexOptions.IgnoreCase)]
    private static partial Regex ConnectionStringKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?<secret>sk_(?:live|test)_[A-Za-z0-9]{20,247})(?![A-Za-z0-9])", Options, TimeoutMs)]
    private static partial Regex StripeSecretKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?<secret>rk_(?:live|test)_[A-Za-z0-9]{20,247})(?![A-Za-z0-9])", Options, TimeoutMs)]
    private static partial Regex StripeRestrictedKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?<secret>whsec_[A-Za-z0-9+/=]{32,64})(?![A-Za-z0-9+/=])", Options, TimeoutMs)]
    private static partial Regex StripeWebhookSecret();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?<secret>github_pat_[A-Za-z0-9_]{82})(?![A-Za-z0-9_])", Options, TimeoutMs)]
    private static partial Regex GitHubFineGrained();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?<secret>ghp_[A-Za-z0-9]{36})(?![A-Za-z0-9])", Options, TimeoutMs)]
    private static partial Regex GitHubClassic();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?<secret>gh[ousr]_[A-Za-z0-9]{36})(?![A-Za-z0-9])", Options, TimeoutMs)]
    private static partial Regex GitHubAppToken();

    [GeneratedRegex(@"(?<![A-Za-z0-9])(?<secret>xox[abposre]-(?:[0-9]{6,13}-){1,3}[A-Za-z0-9-]{8,80}|xapp-[0-9]-[A-Z0-9]{6,16}-[0-9]{6,16}-[a-f0-9]{32,80})(?![A-Za-z0-9-])", Options, TimeoutMs)]
    private static partial Regex SlackToken();

    [GeneratedRegex(@"(?<![A-Za-z0-9_-])(?<secret>AIza[0-9A-Za-z_-]{35})(?![0-9A-Za-z_-])", Options, TimeoutMs)]
    private static partial Regex GoogleApiKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9_-])(?<secret>GOCSPX-[0-9A-Za-z_-]{28})(?![0-9A-Za-z_-])", Options, TimeoutMs)]
    private static partial Regex GoogleOAuthClientSecret();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?<secret>npm_[A-Za-z0-9]{36})(?![A-Za-z0-9])", Options, TimeoutMs)]
    private static partial Regex NpmToken();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?<secret>SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])", Options, TimeoutMs)]
    private static partial Regex SendGridApiKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9])(?<secret>SK[0-9a-f]{32})(?![A-Za-z0-9])", Options, TimeoutMs)]
    private static partial Regex TwilioApiKey();

    [GeneratedRegex(@"twilio[\w .-]{0,20}?(?:auth|token|secret)[\w.-]{0,20}[""']?[ \t]*(?::=|=>|=|:)[ \t]*[""']?(?<secret>[0-9a-f]{32})(?![0-9A-Za-z])", Options | RegexOptions.IgnoreCase, TimeoutMs)]
    private static partial Regex TwilioAuthToken();

    [GeneratedRegex(@"(?<![A-Za-z0-9])(?<secret>(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16})(?![A-Za-z0-9])", Options, TimeoutMs)]
    private static partial Regex AwsAccessKeyId();

    [GeneratedRegex(@"(?:aws|amazon)[\w .-]{0,20}?secret[\w .-]{0,20}?[""']?[ \t]*(?::=|=>|=|:)[ \t]*[""']?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])", Options | RegexOptions.IgnoreCase, TimeoutMs)]
    private static partial Regex AwsSecretAccessKey();

    // An environment-style name (upper case, words joined by '_') ending in a credential word, then a quoted value.
    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?:[A-Z][A-Z0-9]{0,30}_){0,6}(?:PASS|PASSWD|PASSWORD|PWD|SECRET|TOKEN|API_?KEY|SECRET_KEY|ACCESS_KEY|PRIVATE_KEY|AUTH_KEY)""?[ \t]*(?::=|=|:)[ \t]*(?:""(?<secret>[^""\r\n]{1,200})""|'(?<secret>[^'\r\n]{1,200})')", Options, TimeoutMs)]
    private static partial Regex CredentialVariable();

    // Starts at the keyword so the engine can search for it; the rest of the key name is read back in code.
    [GeneratedRegex(@"(?:password|passwd|passphrase|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|auth[_-]?key|private[_-]?key|credentials?)(?<keytail>[\w.-]{0,30})[""']?[ \t]*(?::=|=>|=|:)[ \t]*[""']?(?<secret>[^\s""'`<>,;]{8,200})(?![<>])", Options | RegexOptions.IgnoreCase, TimeoutMs)]
    private static partial Regex GenericAssignment();

    [GeneratedRegex(@"(?:url|uri|endpoint|type|name|arn|_id|id$|expir|ttl|length|policy|hint|file|path|header|format|count|limit|hash|digest|fingerprint|checksum|rotation|manager|store|vault|provider)", Options | RegexOptions.IgnoreCase)]
    private static partial Regex NonSecretKeyName();

    [GeneratedRegex(@"(?:password|passwd|passphrase|pwd|secret)", Options | RegexOptions.IgnoreCase)]
    private static partial Regex PasswordKeyName();
}
