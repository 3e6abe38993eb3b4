using ExecReports.Core.Archive;
using ExecReports.Core.Email;
using ExecReports.Core.Resilience;
using ExecReports.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ExecReports.Tests.Core.Resilience;

public class RetryOptionsTests
{
    [Fact]
    public void EmailAndArchiveKeepTheirOwnDefaultsUnderTheSameKeys()
    {
        using var temp = new TempDirectory();
        using var services = new CoreServicesBuilder(temp.Path).Build();

        var email = services.GetRequiredService<IOptions<EmailOptions>>().Value.Retry;
        var archive = services.GetRequiredService<IOptions<ArchiveOptions>>().Value.Retry;

        Assert.Equal(new RetryOptions { BaseDelaySeconds = 5, MaxAttempts = 4 }, email);
        Assert.Equal(new RetryOptions { BaseDelaySeconds = 1, MaxAttempts = 4 }, archive);
    }

    [Fact]
    public void SettingOneRetryKeyKeepsTheOtherDefault()
    {
        using var temp = new TempDirectory();
        using var services = new CoreServicesBuilder(temp.Path)
            .With("Email:Retry:MaxAttempts", "2")
            .With("Archive:Retry:BaseDelaySeconds", "0.5")
            .Build();

        Assert.Equal(new RetryOptions { BaseDelaySeconds = 5, MaxAttempts = 2 }, services.GetRequiredService<IOptions<EmailOptions>>().Value.Retry);
        Assert.Equal(new RetryOptions { BaseDelaySeconds = 0.5, MaxAttempts = 4 }, services.GetRequiredService<IOptions<ArchiveOptions>>().Value.Retry);
    }

    [Theory]
    [InlineData("Email:Retry:MaxAttempts", "0")]
    [InlineData("Email:Retry:BaseDelaySeconds", "601")]
    [InlineData("Archive:Retry:MaxAttempts", "21")]
    [InlineData("Archive:Retry:BaseDelaySeconds", "-1")]
    public void RefusesAnOutOfRangeRetrySettingNamingItsKey(string key, string value)
    {
        using var temp = new TempDirectory();
        using var services = new CoreServicesBuilder(temp.Path).With(key, value).Build();

        var error = Assert.Throws<OptionsValidationException>(() => key.StartsWith("Email", StringComparison.Ordinal)
            ? (object)services.GetRequiredService<IOptions<EmailOptions>>().Value
            : services.GetRequiredService<IOptions<ArchiveOptions>>().Value);

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePipelineRetriesOnlyWhatTheCallerCallsTransientUpToMaxAttempts()
    {
        var pipeline = RetryPipeline.Build(new RetryOptions { BaseDelaySeconds = 0, MaxAttempts = 3 }, "Test",
            ex => ex is TimeoutException, ex => ex.Message, 10, TimeProvider.System, NullLogger.Instance);

        var transientTries = 0;
        var permanentTries = 0;
        ValueTask Slow(CancellationToken _)
        {
            transientTries++;
            throw new TimeoutException("slow");
        }

        ValueTask Refused(CancellationToken _)
        {
            permanentTries++;
            throw new InvalidOperationException("refused");
        }

        await Assert.ThrowsAsync<TimeoutException>(async () => await pipeline.ExecuteAsync(Slow));
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await pipeline.ExecuteAsync(Refused));

        Assert.Equal(3, transientTries);
        Assert.Equal(1, permanentTries);
    }

    [Fact]
    public async Task OneAttemptMeansNoRetry()
    {
        var pipeline = RetryPipeline.Build(new RetryOptions { BaseDelaySeconds = 0, MaxAttempts = 1 }, "Test",
            _ => true, ex => ex.Message, 10, TimeProvider.System, NullLogger.Instance);
        var tries = 0;
        ValueTask Slow(CancellationToken _)
        {
            tries++;
            throw new TimeoutException("slow");
        }

        await Assert.ThrowsAsync<TimeoutException>(async () => await pipeline.ExecuteAsync(Slow));

        Assert.Equal(1, tries);
    }
}
