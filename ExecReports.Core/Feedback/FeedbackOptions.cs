using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ExecReports.Core.Feedback;

// "Feedback": { "Source": "None" | "Imap" | "S3", "ReplyAddress": "reports@example.com", "PollMinutes": 5, ... }
public sealed class FeedbackOptions
{
    public const string SectionName = "Feedback";

    [AllowedValues("None", "Imap", "S3")]
    public string Source { get; init; } = "None";

    // Empty: report emails carry no Reply-To and replies go to Email:From. Set: "reports@domain" becomes
    // "reports+TOKEN@domain" on each message, which is how a reply finds its report even without In-Reply-To.
    public string ReplyAddress { get; init; } = "";

    [Range(1, 24 * 60)]
    public int PollMinutes { get; init; } = 5;

    public bool ViewersMayComment { get; init; }

    // A reply larger than this (raw MIME) is quarantined unread; attachments are never stored whatever the size.
    [Range(1024, 50 * 1024 * 1024)]
    public int MaxMessageBytes { get; init; } = 1024 * 1024;

    // The new text of a reply is cut to this many characters.
    [Range(100, 100_000)]
    public int MaxTextChars { get; init; } = 8000;

    // At most this many messages per poll; the rest wait for the next one.
    [Range(1, 10_000)]
    public int MaxMessagesPerPoll { get; init; } = 200;

    public FeedbackImapSettings Imap { get; init; } = new();

    public FeedbackS3Settings S3 { get; init; } = new();
}

public sealed class FeedbackImapSettings
{
    public string Host { get; init; } = "";
    public int Port { get; init; } = 993;

    [AllowedValues("None", "SslOnConnect", "StartTls", "Auto")]
    public string Security { get; init; } = "SslOnConnect";

    public string Username { get; init; } = "";
    public string Password { get; init; } = "";
    public string Folder { get; init; } = "INBOX";
}

public sealed class FeedbackS3Settings
{
    public string Bucket { get; init; } = "";
    public string Prefix { get; init; } = "inbound/";
    public string Region { get; init; } = "us-west-2";
    public string ServiceUrl { get; init; } = "";
    public bool ForcePathStyle { get; init; }
    public string AccessKeyId { get; init; } = "";
    public string SecretAccessKey { get; init; } = "";
}

public sealed class FeedbackOptionsValidator : IValidateOptions<FeedbackOptions>
{
    public ValidateOptionsResult Validate(string? name, FeedbackOptions options)
    {
        var failures = new List<string>();
        if (options.ReplyAddress.Length > 0 && !ReplyToken.TrySplit(options.ReplyAddress, out _, out _))
        {
            failures.Add($"Feedback:ReplyAddress — '{options.ReplyAddress}' is not an address like reports@example.com");
        }

        if (options.Source == "Imap" && options.Imap.Host.Length == 0)
        {
            failures.Add("Feedback:Imap:Host — required when Feedback:Source is Imap");
        }

        if (options.Source == "S3" && options.S3.Bucket.Length == 0)
        {
            failures.Add("Feedback:S3:Bucket — required when Feedback:Source is S3");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
