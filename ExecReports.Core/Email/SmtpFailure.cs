using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace ExecReports.Core.Email;

public enum SendFailureKind
{
    None,
    Transient,
    Permanent,
}

// Which failures are worth another try (SES: 4xx throttling and service hiccups, dropped connections)
// and which never will be (5xx: bad credentials, unverified address, access denied).
public static class SmtpFailure
{
    public static SendFailureKind Classify(Exception exception) => exception switch
    {
        SmtpCommandException command => (int)command.StatusCode is >= 400 and < 500 ? SendFailureKind.Transient : SendFailureKind.Permanent,
        SmtpProtocolException or ServiceNotConnectedException => SendFailureKind.Transient,
        AuthenticationException => SendFailureKind.Permanent,
        IOException or SocketException or TimeoutException => SendFailureKind.Transient,
        _ => SendFailureKind.Permanent,
    };

    public static int? StatusCode(Exception exception) => exception switch
    {
        SmtpCommandException command => (int)command.StatusCode,
        AuthenticationException => 535,
        _ => null,
    };

    // Exception messages from MailKit and sockets carry the server's reply or the OS error, never our credentials.
    public static string Describe(Exception exception) => exception switch
    {
        SmtpCommandException command => $"{(int)command.StatusCode} {command.Message}",
        _ => $"{exception.GetType().Name}: {exception.Message}",
    };

    public static string? Hint(int? statusCode, string text)
    {
        bool Says(string phrase) => text.Contains(phrase, StringComparison.OrdinalIgnoreCase);
        return statusCode switch
        {
            554 or 550 when Says("not verified") => "verify the recipient or leave the SES sandbox",
            554 when Says("access denied") => "the SES identity or IAM policy does not allow sending from this address; check Email:From and ses:SendRawEmail",
            535 => "the server refused the credentials; for SES check Email:Ses:SmtpUsername/SmtpPassword or the IAM key pair and region",
            530 => "the server wants authentication; set Email:Smtp:Username and Email:Smtp:Password",
            550 or 551 or 553 => "a mailbox was refused; check the recipient and sender addresses",
            552 => "the message is too large for the server",
            _ when statusCode is >= 500 => "permanent rejection; read the server's reply above",
            _ => null,
        };
    }
}
