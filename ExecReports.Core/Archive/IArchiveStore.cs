using ExecReports.Core.Health;

namespace ExecReports.Core.Archive;

// The seam for where sent reports are kept: a local folder by default, S3 in production.
public interface IArchiveStore
{
    string Name { get; }
    Task PutAsync(string key, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken);
    Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken);
    IAsyncEnumerable<string> ListKeysAsync(string prefix, CancellationToken cancellationToken);
    Task<ComponentHealth> CheckAsync(CancellationToken cancellationToken);
}
