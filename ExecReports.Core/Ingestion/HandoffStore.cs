using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ExecReports.Core.Ingestion;

// Keeps the parsed handoff folder in memory. A re-scan stats every file but parses only those whose
// (path, length, mtime) changed since the last scan, so one edited note costs one parse.
// The watcher only decides whether a scan is needed; when it is missing or has failed, every read scans.
public sealed class HandoffStore : IDisposable
{
    private static readonly HashSet<string> MarkdownExtensions = new(StringComparer.OrdinalIgnoreCase) { ".md", ".markdown" };

    private readonly EntityCatalogProvider _catalog;
    private readonly TimeProvider _time;
    private readonly ILogger<HandoffStore> _logger;
    private readonly DataOptions _options;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (FileStamp Stamp, HandoffDocument Document)> _cache = new(StringComparer.Ordinal);
    private FileSystemWatcher? _watcher;
    private volatile bool _dirty = true;
    private HandoffSnapshot? _snapshot;
    private long _parseCount;

    public HandoffStore(string folder, IOptions<DataOptions> options, EntityCatalogProvider catalog, TimeProvider time, ILogger<HandoffStore> logger)
    {
        Folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        _options = options.Value;
        _catalog = catalog;
        _time = time;
        _logger = logger;
    }

    public string Folder { get; }

    // How many files have been parsed since start: lets tests and benchmarks see that unchanged files were reused.
    public long ParseCount => Interlocked.Read(ref _parseCount);

    public HandoffSnapshot GetSnapshot()
    {
        lock (_gate)
        {
            EnsureWatcher();
            if (_snapshot is null || _dirty || _watcher is null)
            {
                Scan();
            }

            return _snapshot! with { ScannedAt = _time.GetUtcNow() };
        }
    }

    // Forces a scan now, for callers that have just written a file and cannot wait for the watcher.
    public HandoffSnapshot Refresh()
    {
        _dirty = true;
        return GetSnapshot();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _watcher?.Dispose();
            _watcher = null;
        }
    }

    private void Scan()
    {
        _dirty = false;
        var catalog = _catalog.Current;
        var previous = _snapshot;
        string? folderProblem = null;
        var documents = new List<HandoffDocument>();
        var changed = false;
        var seen = new HashSet<string>(StringComparer.Ordinal);

        try
        {
            if (!Directory.Exists(Folder))
            {
                folderProblem = $"handoffs folder '{Folder}' does not exist";
            }
            else
            {
                foreach (var path in Directory.EnumerateFiles(Folder, "*", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal))
                {
                    var name = Path.GetFileName(path);
                    if (name.StartsWith('.'))
                    {
                        continue;
                    }

                    seen.Add(name);
                    var (document, reparsed) = Load(path, name, catalog);
                    documents.Add(document);
                    changed |= reparsed;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            folderProblem = $"handoffs folder '{Folder}' cannot be read: {e.Message}";
            documents.Clear();
        }

        foreach (var gone in _cache.Keys.Where(k => !seen.Contains(k)).ToList())
        {
            _cache.Remove(gone);
            changed = true;
        }

        var folderStateChanged = previous is null || previous.FolderProblem != folderProblem;
        changed |= folderStateChanged;
        // Without a folder there is no watcher and every read scans: log the problem once, not per read.
        if (folderProblem is not null && folderStateChanged)
        {
            _logger.HandoffFolderProblem(folderProblem);
        }

        _snapshot = new HandoffSnapshot(
            Folder,
            changed ? (previous?.Version ?? 0) + 1 : previous!.Version,
            _time.GetUtcNow(),
            _options.HandoffStaleDays,
            documents.ToImmutableArray(),
            folderProblem);
    }

    private (HandoffDocument Document, bool Reparsed) Load(string path, string name, EntityCatalog catalog)
    {
        FileStamp stamp;
        string target;
        try
        {
            (target, stamp) = Resolve(path, catalog);
        }
        catch (HandoffFileException e)
        {
            return Remember(name, new FileStamp(-1, default, catalog), () => HandoffDocument.Failed(name, 0, default, e.Message));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Remember(name, new FileStamp(-1, default, catalog), () => HandoffDocument.Failed(name, 0, default, $"cannot be read: {e.Message}"));
        }

        var modified = new DateTimeOffset(stamp.Modified, TimeSpan.Zero);
        if (!MarkdownExtensions.Contains(Path.GetExtension(name)))
        {
            return Remember(name, stamp, () => HandoffDocument.Failed(name, stamp.Length, modified, "not a markdown file (.md); move it out of the handoffs folder or rename it"));
        }

        if (stamp.Length > _options.HandoffMaxBytes)
        {
            return Remember(name, stamp, () => HandoffDocument.Failed(name, stamp.Length, modified,
                $"too large: {stamp.Length:N0} bytes, over the {_options.HandoffMaxBytes:N0}-byte limit (Data:HandoffMaxBytes)"));
        }

        return Remember(name, stamp, () =>
        {
            byte[] content;
            try
            {
                content = File.ReadAllBytes(target);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return HandoffDocument.Failed(name, stamp.Length, modified, $"cannot be read: {e.Message}");
            }

            Interlocked.Increment(ref _parseCount);
            return HandoffParser.Parse(name, content, modified, catalog);
        });
    }

    private (HandoffDocument, bool) Remember(string name, FileStamp stamp, Func<HandoffDocument> produce)
    {
        if (_cache.TryGetValue(name, out var cached) && cached.Stamp == stamp)
        {
            return (cached.Document, false);
        }

        var document = produce();
        _cache[name] = (stamp, document);
        return (document, true);
    }

    // A link is followed only while it stays inside the folder: a handoff must not become a way to
    // publish /etc/passwd or another project's notes in a report.
    private (string Target, FileStamp Stamp) Resolve(string path, EntityCatalog catalog)
    {
        var info = new FileInfo(path);
        var target = path;
        if (info.LinkTarget is not null)
        {
            var final = info.ResolveLinkTarget(returnFinalTarget: true);
            if (final is null || !final.Exists)
            {
                throw new HandoffFileException($"is a link to '{info.LinkTarget}', which does not exist");
            }

            var inside = Path.GetFullPath(final.FullName);
            if (!IsInside(inside))
            {
                throw new HandoffFileException($"is a link that leads outside the handoffs folder (to '{info.LinkTarget}'); copy the file in instead");
            }

            target = inside;
            info = new FileInfo(inside);
        }

        return (target, new FileStamp(info.Length, info.LastWriteTimeUtc, catalog));
    }

    private bool IsInside(string path)
    {
        var folders = new List<string> { Folder };
        if (new DirectoryInfo(Folder).ResolveLinkTarget(returnFinalTarget: true) is { } real)
        {
            folders.Add(Path.TrimEndingDirectorySeparator(real.FullName));
        }

        return folders.Any(f => path.StartsWith(f + Path.DirectorySeparatorChar, StringComparison.Ordinal));
    }

    private void EnsureWatcher()
    {
        if (_watcher is not null || !Directory.Exists(Folder))
        {
            return;
        }

        try
        {
            var watcher = new FileSystemWatcher(Folder)
            {
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
                IncludeSubdirectories = false,
            };
            watcher.Changed += (_, _) => _dirty = true;
            watcher.Created += (_, _) => _dirty = true;
            watcher.Deleted += (_, _) => _dirty = true;
            watcher.Renamed += (_, _) => _dirty = true;
            watcher.Error += (_, e) => OnWatcherError(e.GetException());
            watcher.EnableRaisingEvents = true;
            _watcher = watcher;
        }
        catch (Exception e) when (e is IOException or ArgumentException or PlatformNotSupportedException or UnauthorizedAccessException)
        {
            // Typically the inotify watch limit: reads still see changes, they just always scan.
            _logger.CannotWatch(Folder, e.Message);
        }
    }

    private void OnWatcherError(Exception error)
    {
        _logger.WatcherFailed(error.Message);
        lock (_gate)
        {
            _watcher?.Dispose();
            _watcher = null;
            _dirty = true;
        }
    }

    // The catalog is part of the key: a renamed alias changes which entity a note belongs to.
    private sealed record FileStamp(long Length, DateTime Modified, EntityCatalog Catalog);

    private sealed class HandoffFileException(string message) : Exception(message);
}
