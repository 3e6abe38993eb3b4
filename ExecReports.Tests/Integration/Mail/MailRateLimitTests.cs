using System.Collections.Concurrent;
using System.Diagnostics;
using ExecReports.Core.Email;
using ExecReports.Core.Health;
using ExecReports.Tests.Support;
using MailKit.Security;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ExecReports.Tests.Integration.Mail;

// Timing-sensitive: on a busy 2-core machine the server can see delayed connections arrive together,
// so this runs after, not alongside, the parallel tests.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MailRateCollection
{
    public const string Name = "mail rate";
}

[Collection(MailRateCollection.Name)]
public sealed class MailRateLimitTests
{
    [Fact]
    public async Task NeverStartsMoreMessagesThanTheLimitInAnyOneSecondWindow()
    {
        const int limit = 20;
        await using var server = await SmtpTestServer.StartAsync();
        var transport = new StartRecordingTransport(
            new SmtpMailTransport("Smtp", new SmtpEndpoint("127.0.0.1", server.Port, SecureSocketOptions.None, "", "")));
        using var sender = new MailSender(transport, Options.Create(EmailOptionsBuilder.Smtp(server.Port, rate: limit)),
            TimeProvider.System, NullLogger<MailSender>.Instance);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 2 * limit + 1).Select(i =>
            sender.SendAsync(MailSenderTests.SingleRecipient(i), CancellationToken.None)));

        Assert.All(outcomes, o => Assert.True(o.Delivered, o.LastAttempt.Detail));
        Assert.InRange(BusiestSecond(transport.Starts), 1, limit);
        var received = server.Received.Select(m => m.ReceivedTimestamp).ToArray();
        // A permit is reused only a second after the transaction that held it finished, so arrivals keep the limit too.
        Assert.Equal(2 * limit + 1, received.Length);
        Assert.InRange(BusiestSecond(received), 1, limit);
    }

    private static int BusiestSecond(IEnumerable<long> timestamps)
    {
        var times = timestamps.Order().ToArray();
        return times.Select((start, i) => times.Skip(i).TakeWhile(t => t - start < Stopwatch.Frequency).Count()).Max();
    }

    private sealed class StartRecordingTransport(IMailTransport inner) : IMailTransport
    {
        public ConcurrentBag<long> Starts { get; } = [];

        public string Name => inner.Name;

        public Task<MailSendResult> SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            Starts.Add(Stopwatch.GetTimestamp());
            return inner.SendAsync(message, cancellationToken);
        }

        public Task<ComponentHealth> CheckAsync(CancellationToken cancellationToken) => inner.CheckAsync(cancellationToken);
    }
}
