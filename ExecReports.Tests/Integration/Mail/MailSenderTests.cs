using ExecReports.Core.Email;
using ExecReports.Core.Resilience;
using ExecReports.Tests.Support;
using MailKit.Security;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ExecReports.Tests.Integration.Mail;

public sealed class MailSenderTests : IAsyncLifetime
{
    private SmtpTestServer _server = null!;

    public async Task InitializeAsync() => _server = await SmtpTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task DeliversToToAndBccByTheEnvelopeWithoutABccHeader()
    {
        using var sender = Sender();

        var outcome = await sender.SendAsync(Report("cfo"), CancellationToken.None);

        Assert.True(outcome.Delivered, outcome.LastAttempt.Detail);
        var mail = Assert.Single(_server.Received);
        Assert.Equal("reports@example.com", mail.MailFrom);
        Assert.Equal(["audit@example.com", "owner@example.com"], mail.RcptTo.Order(StringComparer.Ordinal));
        var parsed = mail.Parse();
        Assert.Empty(parsed.Bcc);
        Assert.DoesNotContain(parsed.Headers, h => h.Field.Equals("Bcc", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("owner@example.com", parsed.To.Mailboxes.Single().Address);
        Assert.Equal("CFO report — 2026-11", parsed.Subject);
        Assert.Equal(outcome.MessageId, parsed.MessageId);
    }

    [Fact]
    public async Task SendsTheReportInlineAsTextAndHtmlAlternatives()
    {
        using var sender = Sender();

        await sender.SendAsync(Report("ceo"), CancellationToken.None);

        var parsed = Assert.Single(_server.Received).Parse();
        var body = Assert.IsType<MultipartAlternative>(parsed.Body);
        Assert.Equal(["text/plain", "text/html"], body.Select(p => p.ContentType.MimeType));
        Assert.Empty(parsed.Attachments);
        Assert.Equal("Burn rate: $8,100", parsed.TextBody?.TrimEnd());
        Assert.Contains("<b>Burn rate</b>", parsed.HtmlBody);
    }

    [Fact]
    public async Task RetriesTwoThrottlingRepliesThenDeliversExactlyOnce()
    {
        _server.FailNext(2, SmtpFault.Throttle454);
        using var sender = Sender();

        var outcome = await sender.SendAsync(Report("cfo"), CancellationToken.None);

        Assert.True(outcome.Delivered);
        Assert.Single(_server.Received);
        Assert.Equal(3, _server.DataCommands);
        Assert.Equal([1, 2, 3], outcome.Attempts.Select(a => a.Number));
        Assert.Equal([454, 454, null], outcome.Attempts.Select(a => a.StatusCode));
        Assert.Equal([SendFailureKind.Transient, SendFailureKind.Transient, SendFailureKind.None], outcome.Attempts.Select(a => a.Failure));
        Assert.Contains("Maximum sending rate exceeded", outcome.Attempts[0].Detail);
    }

    [Fact]
    public async Task RetriesAServiceUnavailableReply()
    {
        _server.FailNext(1, SmtpFault.Unavailable421);
        using var sender = Sender();

        var outcome = await sender.SendAsync(Report("cto"), CancellationToken.None);

        Assert.True(outcome.Delivered, outcome.LastAttempt.Detail);
        Assert.Single(_server.Received);
        Assert.Equal(2, outcome.Attempts.Count);
        Assert.Equal(421, outcome.Attempts[0].StatusCode);
        Assert.Equal(SendFailureKind.Transient, outcome.Attempts[0].Failure);
    }

    [Fact]
    public async Task RetriesADroppedConnection()
    {
        _server.FailNext(1, SmtpFault.DropConnection);
        using var sender = Sender();

        var outcome = await sender.SendAsync(Report("cmo"), CancellationToken.None);

        Assert.True(outcome.Delivered, outcome.LastAttempt.Detail);
        Assert.Single(_server.Received);
        Assert.Equal(2, outcome.Attempts.Count);
        Assert.Null(outcome.Attempts[0].StatusCode);
        Assert.Equal(SendFailureKind.Transient, outcome.Attempts[0].Failure);
    }

    [Fact]
    public async Task DoesNotRetryAPermanentRejectionAndSaysWhatToDo()
    {
        _server.FailNext(1, SmtpFault.Reject554);
        using var sender = Sender();

        var outcome = await sender.SendAsync(Report("accounting"), CancellationToken.None);

        Assert.False(outcome.Delivered);
        Assert.True(outcome.IsPermanentFailure);
        var attempt = Assert.Single(outcome.Attempts);
        Assert.Equal(554, attempt.StatusCode);
        Assert.Equal("verify the recipient or leave the SES sandbox", outcome.Hint);
        Assert.Equal(1, _server.DataCommands);
        Assert.Empty(_server.Received);
    }

    [Fact]
    public async Task GivesUpAfterTheConfiguredAttemptsWhileStillThrottled()
    {
        _server.FailNext(10, SmtpFault.Throttle454);
        using var sender = Sender(maxAttempts: 3);

        var outcome = await sender.SendAsync(Report("cfo"), CancellationToken.None);

        Assert.False(outcome.Delivered);
        Assert.False(outcome.IsPermanentFailure);
        Assert.Equal(3, outcome.Attempts.Count);
        Assert.All(outcome.Attempts, a => Assert.Equal(454, a.StatusCode));
        Assert.Equal(3, _server.DataCommands);
    }

    [Fact]
    public void CountsEveryEnvelopeRecipientAgainstTheRate()
    {
        using var sender = Sender(rate: 14);

        Assert.Equal(2, sender.PermitsFor(Report("cfo")));
        Assert.Equal(1, sender.PermitsFor(SingleRecipient(1)));
    }

    [Fact]
    public async Task HealthCheckReportsAnAnsweringServer()
    {
        var transport = new SmtpMailTransport("Smtp", Endpoint(_server.Port, password: "S3cret-Value"));

        var health = await transport.CheckAsync(CancellationToken.None);

        Assert.True(health.IsOk, health.Detail);
    }

    [Fact]
    public async Task HealthCheckReportsAnUnreachableServerWithoutTheSecret()
    {
        var closedPort = _server.Port;
        await _server.DisposeAsync();
        _server = await SmtpTestServer.StartAsync();
        var transport = new SmtpMailTransport("Smtp", Endpoint(closedPort, password: "S3cret-Value"));

        var health = await transport.CheckAsync(CancellationToken.None);

        Assert.False(health.IsOk);
        Assert.Contains($"127.0.0.1:{closedPort}", health.Detail);
        Assert.DoesNotContain("S3cret-Value", health.Detail);
        Assert.DoesNotContain("S3cret-Value", transport.Endpoint.ToString());
    }

    private static SmtpEndpoint Endpoint(int port, string password = "") =>
        new("127.0.0.1", port, SecureSocketOptions.None, "", password);

    private MailSender Sender(int maxAttempts = 4, int rate = 1000) =>
        new(new SmtpMailTransport("Smtp", Endpoint(_server.Port)),
            Options.Create(EmailOptionsBuilder.Smtp(_server.Port, maxAttempts, rate)),
            TimeProvider.System,
            NullLogger<MailSender>.Instance);

    private static MimeMessage Report(string role) =>
        new ReportMessageBuilder(Options.Create(EmailOptionsBuilder.Smtp(25)))
            .Build(new ReportMail(role, "2026-11", "Burn rate: $8,100", "<p><b>Burn rate</b>: $8,100</p>"));

    internal static MimeMessage SingleRecipient(int i)
    {
        var message = new MimeMessage { Subject = $"rate probe {i}" };
        message.From.Add(MailboxAddress.Parse("reports@example.com"));
        message.To.Add(MailboxAddress.Parse($"probe{i}@example.com"));
        message.Body = new TextPart("plain") { Text = "probe" };
        return message;
    }
}

public static class EmailOptionsBuilder
{
    public static EmailOptions Smtp(int port, int maxAttempts = 4, int rate = 1000) => new()
    {
        Transport = "Smtp",
        From = "reports@example.com",
        MaxSendRatePerSecond = rate,
        Smtp = new SmtpSettings { Host = "127.0.0.1", Port = port, Security = SmtpSecurity.None },
        Retry = new RetryOptions { BaseDelaySeconds = 0.01, MaxAttempts = maxAttempts },
        Recipients = new(StringComparer.OrdinalIgnoreCase)
        {
            ["Default"] = new RecipientList { To = ["owner@example.com"], Bcc = ["audit@example.com"] },
        },
    };
}
