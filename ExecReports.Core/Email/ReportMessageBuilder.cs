using ExecReports.Core.Ingestion;
using ExecReports.Core.Reports;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Utils;

namespace ExecReports.Core.Email;

public sealed record ReportMail(string Role, string Period, string TextBody, string HtmlBody);

// Builds the email for one report: body inline as text + HTML alternatives, subject from the report registry,
// recipients from Email:Recipients and, for a domain report, its entity's catalog recipients.
// The catalog is optional only for re-building a stored dispatch item, whose recipients are the stored ones.
public sealed class ReportMessageBuilder(IOptions<EmailOptions> options, EntityCatalogProvider? catalog = null)
{
    public MimeMessage Build(ReportMail mail)
    {
        var email = options.Value;
        var role = ReportRole.Find(mail.Role) ?? throw new ArgumentException($"Unknown report role '{mail.Role}'.", nameof(mail));
        var recipients = RecipientsFor(role);
        var from = ParseMailbox(email.From, "Email:From");

        var message = new MimeMessage { Subject = role.ReportTitle(SingleLine(mail.Period, "period")) };
        message.From.Add(from);
        message.To.AddRange(recipients.To.Select(a => ParseMailbox(a, "To")));
        message.Bcc.AddRange(recipients.Bcc.Select(a => ParseMailbox(a, "Bcc")));
        message.MessageId = MimeUtils.GenerateMessageId(from.Domain);
        message.Body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody }.ToMessageBody();
        return message;
    }

    // Who a report goes to; the entity pages show the same answer the mail uses.
    public Recipients RecipientsFor(ReportRole role)
    {
        var entity = role.EntityId is { } id ? catalog?.Current.ById(id) : null;
        return options.Value.RecipientsFor(role.Id, entity?.Recipients);
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
