namespace ExecReports.Core.Resilience;

// "Archive:Retry" and "Email:Retry" share one shape: how many tries in all, and the first back-off.
// Each owner sets its own default base delay (SES throttling wants a longer one than S3).
public sealed record RetryOptions
{
    public const int MaxAttemptsLimit = 20;
    public const double BaseDelayLimitSeconds = 600;

    public double BaseDelaySeconds { get; init; } = 1;
    public int MaxAttempts { get; init; } = 4;

    // `section` is the configuration path the values came from, so a message names the key to fix.
    public IEnumerable<string> Validate(string section)
    {
        if (MaxAttempts is < 1 or > MaxAttemptsLimit)
        {
            yield return $"{section}:MaxAttempts must be between 1 and {MaxAttemptsLimit}.";
        }

        if (BaseDelaySeconds is < 0 or > BaseDelayLimitSeconds)
        {
            yield return $"{section}:BaseDelaySeconds must be between 0 and {BaseDelayLimitSeconds}.";
        }
    }
}
