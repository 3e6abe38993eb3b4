using System.Text;
using ExecReports.Core.Archive;
using ExecReports.Core.Configuration;
using ExecReports.Tests.Support;

namespace ExecReports.Tests.Core.Archive;

public class FileSystemArchiveStoreTests
{
    [Fact]
    public async Task ReadsBackExactlyTheBytesItWrote()
    {
        using var temp = new TempDirectory();
        var store = new FileSystemArchiveStore(new AppPaths(temp.Path, temp.Path));
        var bytes = Encoding.UTF8.GetBytes("CFO report — 2026-11\r\nBurn: $7.1K–$8.9K/mo\n");

        await store.PutAsync("2026-12-01/cfo-report.txt", bytes, "text/plain", CancellationToken.None);

        Assert.Equal(bytes, await store.GetAsync("2026-12-01/cfo-report.txt", CancellationToken.None));
        var keys = new List<string>();
        await foreach (var key in store.ListKeysAsync("2026-12", CancellationToken.None))
        {
            keys.Add(key);
        }

        Assert.Equal(["2026-12-01/cfo-report.txt"], keys);
    }

    [Fact]
    public async Task RejectsAKeyThatClimbsOutOfTheArchive()
    {
        using var temp = new TempDirectory();
        var store = new FileSystemArchiveStore(new AppPaths(temp.Path, temp.Path));

        await Assert.ThrowsAsync<ArgumentException>(() =>
            store.PutAsync("../escape.txt", new byte[] { 1 }, "text/plain", CancellationToken.None));
    }

    [Fact]
    public async Task ReturnsNullForAMissingKey()
    {
        using var temp = new TempDirectory();
        var store = new FileSystemArchiveStore(new AppPaths(temp.Path, temp.Path));

        Assert.Null(await store.GetAsync("2026-01-01/none.txt", CancellationToken.None));
    }
}
