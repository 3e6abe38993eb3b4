using System.ComponentModel.DataAnnotations;
using ExecReports.Core.Ingestion;
using ExecReports.Core.Resilience;

namespace ExecReports.Core.Email;

// "Email": { "Transport": "Pickup", "From": "...", "Smtp": {...}, "Ses": {...}, "Retry": {...}, "Recipients": {...} }
// Bound by EmailConfiguration (dotenv + legacy AWS_SES_* variables first), validated by EmailOptionsValidator.
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    public const string DefaultRecipientsKey = "Default";
    public const string DefaultTo = "owner@example.com";
    public const string DefaultBcc = "audit@example.com";

    [Required]
    [AllowedValues("Pickup", "Smtp", "Ses")]
    public required string Transport { get; init; }

    [Required]
    public required string From { get; init; }

    public SmtpSettings Smtp { get; init; } = new();

    public SesSettings Ses { get; init; } = new();

    // AWS suggests backing off about 5 s, 10 s, 30 s on SES throttling; tests shrink the base.
    public RetryOptions Retry { get; init; } = new() { BaseDelaySeconds = 5 };

    // SES counts recipients against its per-second quota, so MailSender does too.
    [Range(1, 10_000)]
    public int MaxSendRatePerSecond { get; init; } = 14;

    // "Default" plus optional per-role entries keyed by report id (ReportRole.All).
    public Dictionary<string, RecipientList> Recipients { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    public string? AuditAddress { get; init; }

    public string? DotEnvPath { get; init; }

    // Each list (To, Bcc) on its own, the first that is not empty: Email:Recipients:<role>, then the catalog
    // recipients of the entity a domain report is about, then Email:Recipients:Default, then the built-in
    // example.com addresses. Configuration cannot express an empty array, so "no Bcc" is not configurable;
    // an audit copy is always sent.
    public Recipients RecipientsFor(string role, Recipients? entity = null)
    {
        Recipients.TryGetValue(DefaultRecipientsKey, out var defaults);
        Recipients.TryGetValue(role, out var forRole);
        return new Recipients(
            FirstNonEmpty(forRole?.To, entity?.To, defaults?.To) ?? [DefaultTo],
            FirstNonEmpty(forRole?.Bcc, entity?.Bcc, defaults?.Bcc) ?? [DefaultBcc]);
    }

    public string EffectiveAuditAddress =>
        string.IsNullOrWhiteSpace(AuditAddress) ? RecipientsFor(DefaultRecipientsKey).Bcc[0] : AuditAddress;

    private static IReadOnlyList<string>? FirstNonEmpty(params IReadOnlyList<string>?[] lists) =>
        lists.FirstOrDefault(list => list is { Count: > 0 });
}

public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
}

public sealed class SmtpSettings
{
    public string Host { get; init; } = "";
    public int Port { get; init; } = 587;
    public SmtpSecurity Security { get; init; } = SmtpSecurity.StartTls;
    public string Username { get; init; } = "";
    public string Password { get; init; } = "";
}

public sealed class SesSettings
{
    public const string DefaultRegion = "us-west-2";

    public string Region { get; init; } = DefaultRegion;

    // Either the SMTP credentials shown by the SES console, or an IAM key pair from which they are derived.
    public string SmtpUsername { get; init; } = "";
    public string SmtpPassword { get; init; } = "";
    public string AccessKeyId { get; init; } = "";
    public string SecretAccessKey { get; init; } = "";
}

public sealed class RecipientList
{
    public List<string> To { get; init; } = [];
    public List<string> Bcc { get; init; } = [];
}
