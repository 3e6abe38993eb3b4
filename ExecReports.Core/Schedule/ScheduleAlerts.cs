using ExecReports.Core.Email;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ExecReports.Core.Schedule;

// INTERIM: a plain alert mail to the default recipients until the dispatch issue's alerts land; then this forwards to them.
public sealed class ScheduleAlerts(MailSender mail, IOptions<EmailOptions> email, ILogger<ScheduleAlerts> logger)
{
    public async Task SendAsync(string subject, string body, CancellationToken cancellationToken)
    {
        var options = email.Value;
        var message = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = body } };
        message.From.Add(MailboxAddress.Parse(options.From));
        foreach (var to in options.RecipientsFor(EmailOptions.DefaultRecipientsKey).To)
        {
            message.To.Add(MailboxAddress.Parse(to));
        }

        var outcome = await mail.SendAsync(message, cancellationToken);
        if (!outcome.Delivered)
        {
            logger.AlertNotSent(subject, outcome.Reply);
        }
    }
}
