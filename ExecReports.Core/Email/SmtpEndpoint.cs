using MailKit.Security;

namespace ExecReports.Core.Email;

// Where and how to talk SMTP. ToString is overridden so the password can never reach a log line.
public sealed record SmtpEndpoint(string Host, int Port, SecureSocketOptions Security, string Username, string Password)
{
    public static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(5);

    public static SmtpEndpoint ForSmtp(SmtpSettings smtp) =>
        new(smtp.Host, smtp.Port, ToMailKit(smtp.Security), smtp.Username, smtp.Password);

    // SES is plain SMTP with STARTTLS on 587; an IAM key pair is turned into SES SMTP credentials.
    public static SmtpEndpoint ForSes(SesSettings ses)
    {
        var hasSmtpCredentials = !string.IsNullOrEmpty(ses.SmtpUsername);
        return new SmtpEndpoint(
            SesSmtpCredentials.Endpoint(ses.Region),
            SesSmtpCredentials.StartTlsPort,
            SecureSocketOptions.StartTls,
            hasSmtpCredentials ? ses.SmtpUsername : ses.AccessKeyId,
            hasSmtpCredentials ? ses.SmtpPassword : SesSmtpCredentials.DerivePassword(ses.SecretAccessKey, ses.Region));
    }

    public static SecureSocketOptions ToMailKit(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => throw new ArgumentOutOfRangeException(nameof(security), security, null),
    };

    public override string ToString() => $"{Host}:{Port} ({Security})";
}
