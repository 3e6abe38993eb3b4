using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Polly;
using Polly.Retry;

namespace ExecReports.Core.Email;

// The one way mail leaves the app: rate-limited app-wide, retried on transient SMTP failures,
// and every attempt recorded so the caller can show what happened.
public sealed class MailSender : IDisposable
{
    private const int Segments = 20;

    private readonly IMailTransport _transport;
    private readonly TimeProvider _time;
    private readonly ILogger<MailSender> _logger;
    private readonly int _permitLimit;
    private readonly SlidingWindowRateLimiter _limiter;
    private readonly ResiliencePipeline _pipeline;

    public MailSender(IMailTransport transport, IOptions<EmailOptions> options, TimeProvider time, ILogger<MailSender> logger)
    {
        _transport = transport;
        _time = time;
        _logger = logger;
        var email = options.Value;
        _permitLimit = email.MaxSendRatePerSecond;
        _limiter = new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = _permitLimit,
            Window = WindowFor(Segments),
            SegmentsPerWindow = Segments,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
        _pipeline = BuildPipeline(email.Retry, time, logger);
    }

    public string TransportName => _transport.Name;

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
                    if (!lease.IsAcquired)
                    {
                        throw new InvalidOperationException("The mail rate limiter refused a permit.");
                    }

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
            _logger.LogWarning("Mail {MessageId} via {Transport} not delivered after {Attempts} attempt(s): {Detail} ({Kind})",
                message.MessageId, _transport.Name, attempts.Count, last.Detail, last.Failure);
            return new SendOutcome(false, message.MessageId, null, attempts);
        }
    }

    public void Dispose() => _limiter.Dispose();

    // A sliding window of S segments lets at most PermitLimit through in any S consecutive segments. A real
    // one-second interval touches at most 1/d + 2 segments; making the window 1 s plus two segments means
    // no one-second interval can exceed the limit, at the price of ~10 % of the nominal throughput.
    internal static TimeSpan WindowFor(int segments) => TimeSpan.FromSeconds(1) * segments / (segments - 2);

    private static SendAttempt Failed(int number, DateTimeOffset at, Exception ex)
    {
        var kind = SmtpFailure.Classify(ex);
        var code = SmtpFailure.StatusCode(ex);
        var detail = SmtpFailure.Describe(ex);
        return new SendAttempt(number, at, code, detail, kind, kind == SendFailureKind.Permanent ? SmtpFailure.Hint(code, detail) : null);
    }

    private static ResiliencePipeline BuildPipeline(EmailRetryOptions retry, TimeProvider time, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (retry.MaxAttempts > 1)
        {
            var baseDelay = TimeSpan.FromSeconds(retry.BaseDelaySeconds);
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(ex => SmtpFailure.Classify(ex) == SendFailureKind.Transient),
                MaxRetryAttempts = retry.MaxAttempts - 1,
                Delay = baseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                MaxDelay = baseDelay * 6,
                OnRetry = args =>
                {
                    logger.LogWarning("Mail attempt {Attempt} failed ({Detail}); retrying in {Delay:0.0} s",
                        args.AttemptNumber + 1, args.Outcome.Exception is { } ex ? SmtpFailure.Describe(ex) : "no result", args.RetryDelay.TotalSeconds);
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.Build();
    }
}
