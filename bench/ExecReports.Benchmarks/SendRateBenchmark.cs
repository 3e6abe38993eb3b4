using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using ExecReports.Core.Email;
using ExecReports.Core.Health;
using ExecReports.Core.Resilience;
using ExecReports.Tests.Support;
using MailKit.Security;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ExecReports.Benchmarks;

// `send-rate [--items 1000] [--rate 14] [--recipients 1] [--workers 4]`: N messages through the app's MailSender
// (its rate limiter, its SMTP transport) to a loopback SMTP server, then what the limiter achieved. The limiter counts
// envelope recipients, so rates are given per message and per recipient.
public static class SendRateBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var items = Option(args, "--items", 1000);
        var rate = Option(args, "--rate", 14);
        var recipients = Option(args, "--recipients", 1);
        var workers = Option(args, "--workers", 4);
        if (items < 1 || rate < 1 || recipients < 1 || recipients > rate || workers < 1)
        {
            Console.Error.WriteLine("send-rate: --items, --rate, --workers must be positive and --recipients between 1 and --rate.");
            return 2;
        }

        await using var server = await SmtpTestServer.StartAsync();
        var transport = new StartRecordingTransport(
            new SmtpMailTransport("Smtp", new SmtpEndpoint("127.0.0.1", server.Port, SecureSocketOptions.None, "", "")));
        var options = new EmailOptions
        {
            Transport = "Smtp",
            From = "reports@example.com",
            MaxSendRatePerSecond = rate,
            Smtp = new SmtpSettings { Host = "127.0.0.1", Port = server.Port, Security = SmtpSecurity.None },
            Retry = new RetryOptions { BaseDelaySeconds = 0.01, MaxAttempts = 1 },
        };
        using var sender = new MailSender(transport, Options.Create(options), TimeProvider.System, NullLogger<MailSender>.Instance);

        Console.WriteLine($"send-rate: {items} message(s) × {recipients} recipient(s) at {rate} recipients/s, {workers} worker(s), SMTP 127.0.0.1:{server.Port}");
        var queue = new ConcurrentQueue<int>(Enumerable.Range(0, items));
        var failed = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            while (queue.TryDequeue(out var i))
            {
                var outcome = await sender.SendAsync(Message(i, recipients), CancellationToken.None);
                if (!outcome.Delivered)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        })));
        clock.Stop();

        var starts = transport.Starts.Order().ToArray();
        var received = server.Received.Select(r => r.ReceivedTimestamp).Order().ToArray();
        var elapsed = clock.Elapsed.TotalSeconds;
        var messagesPerSecond = items / elapsed;
        var recipientsPerSecond = items * recipients / elapsed;
        var busiestStarts = BusiestSecond(starts);
        var busiestReceived = BusiestSecond(received);
        var transactions = transport.Milliseconds.Order().ToArray();

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            items                         {items} ({items - failed} delivered, {failed} failed, {received.Length} received by the server)
            elapsed                       {elapsed:F2} s (start → last reply)
            achieved rate                 {messagesPerSecond:F2} msgs/s, {recipientsPerSecond:F2} recipients/s
            % of limit                    {100 * recipientsPerSecond / rate:F1} %
            pace                          {Pace(starts, recipients, rate)}
            max starts in any 1 s window  {busiestStarts} message(s), {busiestStarts * recipients} recipient(s) (limit {rate} recipients)
            max received in any 1 s       {busiestReceived} message(s), {busiestReceived * recipients} recipient(s)
            SMTP transaction (client)     mean {transactions.Average():F1} ms, p95 {transactions[(int)(0.95 * (transactions.Length - 1))]:F1} ms, max {transactions[^1]:F1} ms
            """));
        return failed == 0 && Math.Max(busiestStarts, busiestReceived) * recipients <= rate ? 0 : 1;
    }

    // Most timestamps in any half-open one-second interval [t, t + 1 s) starting at one of them.
    private static int BusiestSecond(long[] sorted)
    {
        var busiest = 0;
        var end = 0;
        for (var start = 0; start < sorted.Length; start++)
        {
            while (end < sorted.Length && sorted[end] - sorted[start] < Stopwatch.Frequency)
            {
                end++;
            }

            busiest = Math.Max(busiest, end - start);
        }

        return busiest;
    }

    // Under a limit of R per any one second, a perfect limiter starts R at once and R more every second after, so the last
    // start comes ceil(N / R) - 1 seconds after the first. Comparing with that ignores the free first burst, which makes
    // items / elapsed flatter the limiter on short runs.
    private static string Pace(long[] starts, int recipients, int rate)
    {
        var ideal = Math.Ceiling((double)starts.Length * recipients / rate) - 1;
        var actual = (double)(starts[^1] - starts[0]) / Stopwatch.Frequency;
        return ideal <= 0
            ? "n/a (everything fitted in the first second)"
            : string.Create(CultureInfo.InvariantCulture, $"first to last start {actual:F2} s, a perfect limiter {ideal:F0} s: {100 * ideal / actual:F1} % of the limit's pace");
    }

    private static MimeMessage Message(int i, int recipients)
    {
        var message = new MimeMessage { Subject = $"send-rate probe {i}" };
        message.From.Add(MailboxAddress.Parse("reports@example.com"));
        for (var r = 0; r < recipients; r++)
        {
            message.To.Add(MailboxAddress.Parse($"probe{i}-{r}@example.com"));
        }

        message.Body = new TextPart("plain") { Text = "probe" };
        return message;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at < 0 ? fallback
            : at + 1 < args.Length && int.TryParse(args[at + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value
            : throw new ArgumentException($"{name} needs a whole number.");
    }

    private sealed class StartRecordingTransport(IMailTransport inner) : IMailTransport
    {
        public ConcurrentBag<long> Starts { get; } = [];

        public ConcurrentBag<double> Milliseconds { get; } = [];

        public string Name => inner.Name;

        public async Task<MailSendResult> SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            var start = Stopwatch.GetTimestamp();
            Starts.Add(start);
            try
            {
                return await inner.SendAsync(message, cancellationToken);
            }
            finally
            {
                Milliseconds.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        public Task<ComponentHealth> CheckAsync(CancellationToken cancellationToken) => inner.CheckAsync(cancellationToken);
    }
}
