using ExecReports.Core.Health;
using MailKit.Net.Smtp;
using MimeKit;
using MimeKit.Utils;

namespace ExecReports.Core.Email;

// One connection per message: reports go out a few at a time, and a fresh connection never inherits
// a half-broken session after a throttling reply or a drop. Used for plain SMTP and for SES.
public sealed class SmtpMailTransport(string name, SmtpEndpoint endpoint) : IMailTransport
{
    public string Name => name;

    public SmtpEndpoint Endpoint => endpoint;

    public async Task<MailSendResult> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(message.MessageId))
        {
            message.MessageId = MimeUtils.GenerateMessageId();
        }

        using var client = new SmtpClient { Timeout = (int)SmtpEndpoint.SendTimeout.TotalMilliseconds };
        await client.ConnectAsync(endpoint.Host, endpoint.Port, endpoint.Security, cancellationToken);
        if (!string.IsNullOrEmpty(endpoint.Username))
        {
            await client.AuthenticateAsync(endpoint.Username, endpoint.Password, cancellationToken);
        }

        var reply = await client.SendAsync(message, cancellationToken);
        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or SmtpProtocolException or System.Net.Sockets.SocketException)
        {
            // The server already accepted the message; failing now would make the caller retry and send it twice.
        }

        return new MailSendResult(message.MessageId, reply);
    }

    // Connect + EHLO (done by Connect) + NOOP, never authenticating, so no credential is used or echoed.
    public async Task<ComponentHealth> CheckAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(SmtpEndpoint.HealthTimeout);
        using var client = new SmtpClient { Timeout = (int)SmtpEndpoint.HealthTimeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(endpoint.Host, endpoint.Port, endpoint.Security, timeout.Token);
            await client.NoOpAsync(timeout.Token);
            await client.DisconnectAsync(quit: true, timeout.Token);
            return ComponentHealth.Ok($"{endpoint.Host}:{endpoint.Port} answered");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ComponentHealth.Failed($"{endpoint.Host}:{endpoint.Port} did not answer within {SmtpEndpoint.HealthTimeout.TotalSeconds:0} s");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return ComponentHealth.Failed($"{endpoint.Host}:{endpoint.Port} unreachable: {SmtpFailure.Describe(ex)}");
        }
    }
}
