using ExecReports.Core.Health;
using MimeKit;

namespace ExecReports.Core.Email;

// The seam between the dispatcher and whatever carries mail (pickup folder, SMTP, SES over SMTP).
public interface IMailTransport
{
    string Name { get; }
    Task<MailSendResult> SendAsync(MimeMessage message, CancellationToken cancellationToken);
    Task<ComponentHealth> CheckAsync(CancellationToken cancellationToken);
}

public sealed record MailSendResult(string MessageId, string Reply);
