using System.Text;
using ExecReports.Core.Archive;
using ExecReports.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ExecReports.Tests.Integration.Archive;

public sealed class S3ArchiveStoreTests : IAsyncLifetime
{
    private readonly S3rverFixture _s3 = new();

    public Task InitializeAsync() => _s3.InitializeAsync();

    public Task DisposeAsync() => _s3.DisposeAsync();

    [Fact]
    public async Task ReadsBackExactlyTheBytesItWrote()
    {
        using var store = Store();
        var content = Encoding.UTF8.GetBytes("CFO report - 2026-11\n");
        Assert.Equal(21, content.Length);

        await store.PutAsync("2026/11/cfo.html", content, "text/html; charset=utf-8", CancellationToken.None);
        var stored = await store.GetAsync("2026/11/cfo.html", CancellationToken.None);

        Assert.NotNull(stored);
        Assert.Equal(21, stored.Length);
        Assert.Equal(content, stored);
    }

    [Fact]
    public async Task ReturnsNothingForAKeyThatWasNeverWritten()
    {
        using var store = Store();

        Assert.Null(await store.GetAsync("2026/11/missing.html", CancellationToken.None));
    }

    [Fact]
    public async Task ListsKeysByDatePrefix()
    {
        using var store = Store();
        foreach (var key in new[] { "2026/10/ceo.html", "2026/11/ceo.html", "2026/11/cfo.html", "2027/01/ceo.html" })
        {
            await store.PutAsync(key, Encoding.UTF8.GetBytes(key), "text/html", CancellationToken.None);
        }

        var keys = new List<string>();
        await foreach (var key in store.ListKeysAsync("2026/11/", CancellationToken.None))
        {
            keys.Add(key);
        }

        Assert.Equal(["2026/11/ceo.html", "2026/11/cfo.html"], keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task HealthCheckReportsTheBucketReachable()
    {
        using var store = Store();

        var health = await store.CheckAsync(CancellationToken.None);

        Assert.True(health.IsOk, health.Detail);
        Assert.Contains(S3rverFixture.Bucket, health.Detail);
    }

    [Fact]
    public async Task FailsWithAClearErrorAfterTheLastRetryWhenS3IsDown()
    {
        await _s3.StopAsync();
        using var store = Store(maxAttempts: 3);

        var error = await Assert.ThrowsAsync<ArchiveStoreException>(() =>
            store.PutAsync("2026/11/cfo.html", "x"u8.ToArray(), "text/html", CancellationToken.None));

        Assert.Contains("put '2026/11/cfo.html'", error.Message);
        Assert.Contains($"127.0.0.1:{_s3.Port}", error.Message);
        Assert.Contains("after 3 attempt(s) (retries exhausted)", error.Message);
        Assert.False((await store.CheckAsync(CancellationToken.None)).IsOk);
    }

    [Fact]
    public async Task SucceedsWhenS3ComesBackDuringTheRetries()
    {
        await _s3.StopAsync();
        var firstFailure = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var logs = new SignallingLoggerFactory("retrying", firstFailure);
        using var store = new S3ArchiveStore(_s3.OptionsFor(maxAttempts: 8, baseDelaySeconds: 0.5), TimeProvider.System, new Logger<S3ArchiveStore>(logs));
        var content = Encoding.UTF8.GetBytes("CEO report — 2026-11");

        var put = store.PutAsync("2026/11/ceo.html", content, "text/html", CancellationToken.None);
        await firstFailure.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await _s3.StartAsync();
        await put;

        Assert.Equal(content, await store.GetAsync("2026/11/ceo.html", CancellationToken.None));
    }

    private S3ArchiveStore Store(int maxAttempts = 3) =>
        new(_s3.OptionsFor(maxAttempts), TimeProvider.System, NullLogger<S3ArchiveStore>.Instance);
}
