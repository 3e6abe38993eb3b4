using ExecReports.Core.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Polly;

namespace ExecReports.Core.Email;

// The one way mail leaves the app: rate-limited app-wide, retried on transient SMTP failures,
// and every attempt recorded so the caller can show what happened.
public sealed class MailSender : IDisposable
{
    private readonly IMailTransport _transport;
    private readonly TimeProvider _time;
    private readonly ILogger<MailSender> _logger;
    private readonly int _permitLimit;
    private readonly OneSecondLimiter _limiter;
    private readonly ResiliencePipeline _pipeline;

    public MailSender(IMailTransport transport, IOptions<EmailOptions> options, TimeProvider time, ILogger<MailSender> logger)
    {
        _transport = transport;
        _time = time;
        _logger = logger;
        var email = options.Value;
        _permitLimit = email.MaxSendRatePerSecond;
        // SES's quota is per real second: a test's fake clock must not hold mail back, so the limiter keeps real time.
        _limiter = new OneSecondLimiter(_permitLimit, TimeProvider.System);
        _pipeline = RetryPipeline.Build(email.Retry, "Mail", ex => SmtpFailure.Classify(ex) == SendFailureKind.Transient, SmtpFailure.Describe, 6, time, logger);
    }

    // SES counts recipients, not messages, against its per-second quota: a message costs one permit per
    // envelope recipient (To + Cc + Bcc), capped at the limit so a large list still goes out, alone.
    public int PermitsFor(MimeMessage message) =>
        Math.Clamp(message.To.Mailboxes.Count() + message.Cc.Mailboxes.Count() + message.Bcc.Mailboxes.Count(), 1, _permitLimit);

    public async Task<SendOutcome> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var attempts = new List<SendAttempt>();
        var permits = PermitsFor(message);
        try
        {
            var result = await _pipeline.ExecuteAsync(
                async token =>
                {
                    using var lease = await _limiter.AcquireAsync(permits, token);
                    var number = attempts.Count + 1;
                    var startedAt = _time.GetUtcNow();
                    try
                    {
                        var sent = await _transport.SendAsync(message, token);
                        attempts.Add(new SendAttempt(number, startedAt, null, sent.Reply, SendFailureKind.None, null));
                        return sent;
                    }
                    catch (Exception ex) when (!token.IsCancellationRequested)
                    {
                        attempts.Add(Failed(number, startedAt, ex));
                        throw;
                    }
                },
                cancellationToken);
            return new SendOutcome(true, result.MessageId, result.Reply, attempts);
        }
        catch (Exception) when (attempts.Count > 0 && !cancellationToken.IsCancellationRequested)
        {
            var last = attempts[^1];
            _logger.NotDelivered(message.MessageId, _transport.Name, attempts.Count, last.Detail, last.Failure);
            return new SendOutcome(false, message.MessageId, null, attempts);
        }
    }

    public void Dispose() => _limiter.Dispose();

    private static SendAttempt Failed(int number, DateTimeOffset at, Exception ex)
    {
        var kind = SmtpFailure.Classify(ex);
        var code = SmtpFailure.StatusCode(ex);
        var detail = SmtpFailure.Describe(ex);
        return new SendAttempt(number, at, code, detail, kind, kind == SendFailureKind.Permanent ? SmtpFailure.Hint(code, detail) : null);
    }
}

// At most `limit` permits in any one-second interval, whether counted when the client starts a transaction or when the
// server accepts the message: permit n may start only a full second (plus a margin) after every permit up to n - limit has
// finished its transaction. Counting from the end rather than the start is what bounds arrivals too: a message accepted
// late (a slow connection, a busy machine) would otherwise land in the next second's share; the cost is the transaction
// time once per `limit` permits, and nothing at all while sends are slower than the limit anyway.
// It replaces a SlidingWindowRateLimiter that had to be 1 s plus two of its 20 segments long to be safe (~10 % of the rate)
// and bounded only starts. Figures: bench/ExecReports.Benchmarks/README.md (send-rate).
internal sealed class OneSecondLimiter(int limit, TimeProvider time) : IDisposable
{
    // A second after the end is already a second after the server accepted the message; the few milliseconds on top are
    // for whoever counts at the other end with a coarser clock.
    internal static readonly TimeSpan Window = TimeSpan.FromSeconds(1) + TimeSpan.FromMilliseconds(5);

    private readonly SemaphoreSlim _turn = new(1, 1);

    // When each of the last `limit` permits finished (oldest first from _oldest); unfinished until its lease is disposed.
    private readonly Task<long>[] _ends = new Task<long>[limit];
    private int _oldest;
    private int _recorded;

    // One caller at a time, in arrival order, so a message to many recipients is not starved by a stream of small ones.
    // Dispose the lease when the transaction is over, delivered or not.
    public async Task<IDisposable> AcquireAsync(int permits, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permits, limit);
        await _turn.WaitAsync(cancellationToken);
        try
        {
            // Our permits push the `overflow` oldest out of the last `limit`: each must have ended a second ago. Permits pushed
            // out before were waited for by earlier callers, who all started before us.
            var overflow = _recorded + permits - limit;
            if (overflow > 0)
            {
                var pushedOut = Enumerable.Range(0, overflow).Select(i => _ends[(_oldest + i) % limit]);
                var lastEnd = (await Task.WhenAll(pushedOut).WaitAsync(cancellationToken)).Max();
                TimeSpan wait;
                // Timers may fire up to a millisecond early: wait again until the second has really passed.
                while ((wait = Window - time.GetElapsedTime(lastEnd)) > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, cancellationToken);
                }
            }

            var lease = new Lease(time);
            for (var i = 0; i < permits; i++)
            {
                _ends[Next()] = lease.Ended;
            }

            return lease;
        }
        finally
        {
            _turn.Release();
        }
    }

    public void Dispose() => _turn.Dispose();

    // The slot for the next permit: an empty one while fewer than `limit` were taken, else the oldest's.
    private int Next()
    {
        if (_recorded < limit)
        {
            return (_oldest + _recorded++) % limit;
        }

        var slot = _oldest;
        _oldest = (_oldest + 1) % limit;
        return slot;
    }

    private sealed class Lease(TimeProvider time) : IDisposable
    {
        private readonly TaskCompletionSource<long> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<long> Ended => _ended.Task;

        public void Dispose() => _ended.TrySetResult(time.GetTimestamp());
    }
}
