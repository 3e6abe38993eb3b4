using System.Text;
using ExecReports.Core.Alerts;
using ExecReports.Core.Archive;
using ExecReports.Core.Data;
using ExecReports.Core.Dispatch;
using ExecReports.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Tests.Core.Archive;

// The index's SHA-256 is compared on every read, whichever store holds the file.
public sealed class ArchiveIntegrityTests : IAsyncLifetime
{
    private const string Key = "2026-12-01/cfo-report.html";
    private static readonly byte[] Mailed = Encoding.UTF8.GetBytes("<div><p>Cash on hand $43,210</p></div>");
    private static readonly byte[] Overwritten = Encoding.UTF8.GetBytes("<div><p>Cash on hand $43,210</p><img src=x onerror=alert(1)></div>");

    private readonly TempDirectory _temp = new();
    private readonly S3rverFixture _s3 = new();
    private ServiceProvider? _services;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await _s3.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    [Fact]
    public async Task AFileOverwrittenInTheFolderIsRefusedWithAnErrorAndAnAlert()
    {
        var index = await StartAsync(b => b);
        var store = _services!.GetRequiredService<IArchiveStore>();
        await ArchiveAsync(store, index);
        Assert.Equal(Mailed, (await index.ReadAsync(Key))!.Content);

        await File.WriteAllBytesAsync(Path.Combine(_temp.Combine("data"), "archive", Key), Overwritten);
        var read = (await index.ReadAsync(Key))!;
        await index.ReadAsync(Key);

        Assert.False(read.Verified);
        Assert.Null(read.Content);
        Assert.Contains("has changed since it was archived", read.Error);
        var alert = Assert.Single(await _services!.GetRequiredService<AlertService>().OpenAsync());
        Assert.Equal(((long?)7, (long?)41, "cfo", "2026-11"), (alert.BatchId, alert.ItemId, alert.Role, alert.Period));
        Assert.Contains(Key, alert.Message);
    }

    [Fact]
    public async Task AFileOverwrittenInS3IsRefusedWithAnErrorAndAnAlert()
    {
        await _s3.InitializeAsync();
        var index = await StartAsync(b => _s3.ArchiveOn(b));
        var store = _services!.GetRequiredService<IArchiveStore>();
        await ArchiveAsync(store, index);
        Assert.True((await index.ReadAsync(Key))!.Verified);

        // Someone with write access to the bucket replaces the object; the index is not told.
        await store.PutAsync(Key, Overwritten, "text/html", CancellationToken.None);
        var read = (await index.ReadAsync(Key))!;

        Assert.Null(read.Content);
        Assert.Contains("S3 archive has changed since it was archived", read.Error);
        Assert.Single(await _services!.GetRequiredService<AlertService>().OpenAsync());
    }

    [Fact]
    public async Task ARebuildKeepsTheRecordedHashOfAnOverwrittenFile()
    {
        var index = await StartAsync(b => b);
        var store = _services!.GetRequiredService<IArchiveStore>();
        await ArchiveAsync(store, index);
        await File.WriteAllBytesAsync(Path.Combine(_temp.Combine("data"), "archive", Key), Overwritten);

        var rebuilt = await index.RebuildAsync();

        Assert.Contains(Key, rebuilt.Skipped);
        Assert.Null((await index.ReadAsync(Key))!.Content);
    }

    [Fact]
    public async Task AKeyTheIndexDoesNotKnowIsNeverRead()
    {
        var index = await StartAsync(b => b);
        await _services!.GetRequiredService<IArchiveStore>().PutAsync(Key, Mailed, "text/html", CancellationToken.None);

        Assert.Null(await index.ReadAsync(Key));
    }

    private async Task<ArchiveIndex> StartAsync(Func<CoreServicesBuilder, CoreServicesBuilder> configure)
    {
        _services = configure(new CoreServicesBuilder(_temp.Combine("data"))).Build();
        await _services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        return _services.GetRequiredService<ArchiveIndex>();
    }

    private static async Task ArchiveAsync(IArchiveStore store, ArchiveIndex index)
    {
        await store.PutAsync(Key, Mailed, "text/html", CancellationToken.None);
        await index.UpsertAsync(Key, Mailed, "2026-11", 7, 41, CancellationToken.None);
    }
}
