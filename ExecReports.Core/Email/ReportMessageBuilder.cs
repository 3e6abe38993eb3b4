using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Utils;

namespace ExecReports.Core.Email;

public sealed record ReportMail(string Role, string Period, string TextBody, string HtmlBody, string? DisplayTitle = null);

// Builds the email for one report: body inline as text + HTML alternatives, recipients from Email:Recipients.
public sealed class ReportMessageBuilder(IOptions<EmailOptions> options)
{
    private static readonly Dictionary<string, string> ExecutiveTitles = new(StringComparer.Ordinal)
    {
        ["ceo"] = "CEO",
        ["cto"] = "CTO",
        ["accounting"] = "Accounting",
        ["cmo"] = "CMO",
        ["cfo"] = "CFO",
    };

    public MimeMessage Build(ReportMail mail)
    {
        var email = options.Value;
        if (!EmailOptions.RoleIds.Contains(mail.Role))
        {
            throw new ArgumentException($"Unknown report role '{mail.Role}'.", nameof(mail));
        }

        var title = ExecutiveTitles.GetValueOrDefault(mail.Role) ?? mail.DisplayTitle;
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new ArgumentException($"Report role '{mail.Role}' needs a display title for its subject.", nameof(mail));
        }

        var subject = $"{SingleLine(title, "display title")} report — {SingleLine(mail.Period, "period")}";
        var recipients = email.RecipientsFor(mail.Role);
        var from = ParseMailbox(email.From, "Email:From");

        var message = new MimeMessage { Subject = subject };
        message.From.Add(from);
        message.To.AddRange(recipients.To.Select(a => ParseMailbox(a, "To")));
        message.Bcc.AddRange(recipients.Bcc.Select(a => ParseMailbox(a, "Bcc")));
        message.MessageId = MimeUtils.GenerateMessageId(from.Domain);
        message.Body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody }.ToMessageBody();
        return message;
    }

    // Header injection guard: a CR or LF in anything that becomes a header value is refused outright,
    // because "fixing" it would silently change what the reader of the report sees.
    internal static string SingleLine(string value, string what)
    {
        if (value.IndexOfAny(['\r', '\n']) >= 0)
        {
            throw new ArgumentException($"The {what} contains a line break, which is not allowed in an email header.");
        }

        return value.Trim();
    }

    private static MailboxAddress ParseMailbox(string value, string what)
    {
        SingleLine(value, $"{what} address");
        return MailboxAddress.TryParse(value, out var mailbox)
            ? mailbox
            : throw new ArgumentException($"The {what} address '{value}' is not a valid email address.");
    }
}
