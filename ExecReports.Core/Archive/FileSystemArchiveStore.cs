using System.Runtime.CompilerServices;
using ExecReports.Core.Configuration;
using ExecReports.Core.Health;

namespace ExecReports.Core.Archive;

public sealed class FileSystemArchiveStore(AppPaths paths) : IArchiveStore
{
    public string Name => "FileSystem";

    public async Task PutAsync(string key, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
    {
        var path = PathFor(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        await File.WriteAllBytesAsync(temp, content.ToArray(), cancellationToken);
        File.Move(temp, path, overwrite: true);
    }

    public async Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathFor(key);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken) : null;
    }

    public async IAsyncEnumerable<string> ListKeysAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!Directory.Exists(paths.Archive))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(paths.Archive, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var key = Path.GetRelativePath(paths.Archive, file).Replace(Path.DirectorySeparatorChar, '/');
            if (key.StartsWith(prefix, StringComparison.Ordinal) && !key.EndsWith(".tmp", StringComparison.Ordinal))
            {
                yield return key;
            }
        }

        await Task.CompletedTask;
    }

    public Task<ComponentHealth> CheckAsync(CancellationToken cancellationToken) =>
        Task.FromResult(WritableFolder.Check(paths.Archive, "archive folder"));

    // Keys come from our own dispatcher, but a key must still never climb out of the archive.
    private string PathFor(string key)
    {
        var full = Path.GetFullPath(Path.Combine(paths.Archive, key));
        var root = Path.GetFullPath(paths.Archive) + Path.DirectorySeparatorChar;
        if (!full.StartsWith(root, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Archive key '{key}' points outside the archive.", nameof(key));
        }

        return full;
    }
}
