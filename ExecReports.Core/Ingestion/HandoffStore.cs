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
        try
        {
            ScanFolder();
        }
        catch (Exception e)
        {
            // Never the old snapshot served silently: the failure is the folder's problem until a scan succeeds.
            _dirty = true;
            _logger.ScanFailed(e, Folder);
            var previous = _snapshot;
            _snapshot = new HandoffSnapshot(Folder, (previous?.Version ?? 0) + 1, _time.GetUtcNow(), _options.HandoffStaleDays,
                previous?.Documents ?? [], $"handoffs folder '{Folder}' could not be scanned ({e.GetType().Name}: {e.Message}); showing the last scan");
        }
    }

    private void ScanFolder()
    {
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
                var realFolder = RegularFile.RealPath(Folder) ?? Folder;
                var paths = Directory.EnumerateFiles(Folder, "*", SearchOption.TopDirectoryOnly)
                    .Where(p => !Path.GetFileName(p).StartsWith('.'))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                // Files are independent, so they load on every core; the cache is only read while they do, and
                // written afterwards in file order.
                var loaded = new (string Name, FileStamp Stamp, HandoffDocument Document, bool Reparsed)[paths.Count];
                Parallel.For(0, paths.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
                {
                    var name = Path.GetFileName(paths[i]);
                    try
                    {
                        var (stamp, document, reparsed) = Load(paths[i], name, realFolder, catalog);
                        loaded[i] = (name, stamp, document, reparsed);
                    }
                    catch (Exception e)
                    {
                        // One file's failure stays that file's error row; escaping Parallel.For it would fail the folder.
                        loaded[i] = (name, new FileStamp(-1, default, catalog), HandoffDocument.Failed(name, 0, default, $"could not be ingested ({e.GetType().Name}: {e.Message})"), true);
                    }
                });
                foreach (var (name, stamp, document, reparsed) in loaded)
                {
                    seen.Add(name);
                    documents.Add(document);
                    if (reparsed)
                    {
                        _cache[name] = (stamp, document);
                        changed = true;
                    }
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

    // Each file in isolation: whatever goes wrong with one (a link, a FIFO, a parser's exception, a timeout) is that
    // file's error row and the scan goes on.
    private (FileStamp Stamp, HandoffDocument Document, bool Reparsed) Load(string path, string name, string realFolder, EntityCatalog catalog)
    {
        FileStamp stamp;
        string target;
        try
        {
            (target, stamp) = Resolve(path, realFolder, catalog);
        }
        catch (HandoffFileException e)
        {
            return Remember(name, new FileStamp(-1, default, catalog), () => HandoffDocument.Failed(name, 0, default, e.Message));
        }
        catch (Exception e)
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

        // A timed-out or failed parse is remembered under the file's stamp like any other result: it is not
        // retried (and cannot pile up abandoned work) until the file changes.
        return Remember(name, stamp, () => ParseBudget.Run(
            _options.ParseTimeout,
            cancel => ReadAndParse(target, name, stamp, modified, catalog, cancel),
            () =>
            {
                _logger.ParseTimedOut(name, _options.ParseTimeoutMs);
                return HandoffDocument.Failed(name, stamp.Length, modified,
                    $"took longer than the {_options.ParseTimeoutMs:N0} ms parse budget (Data:ParseTimeoutMs); skipped until it changes");
            }));
    }

    private HandoffDocument ReadAndParse(string target, string name, FileStamp stamp, DateTimeOffset modified, EntityCatalog catalog, CancellationToken cancel)
    {
        byte[] content;
        try
        {
            content = RegularFile.Read(target, _options.HandoffMaxBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return HandoffDocument.Failed(name, stamp.Length, modified, $"cannot be read: {e.Message}");
        }

        Interlocked.Increment(ref _parseCount);
        return HandoffParser.Parse(name, content, modified, catalog, cancel);
    }

    private (FileStamp, HandoffDocument, bool) Remember(string name, FileStamp stamp, Func<HandoffDocument> produce)
    {
        if (_cache.TryGetValue(name, out var cached) && cached.Stamp == stamp)
        {
            return (stamp, cached.Document, false);
        }

        HandoffDocument document;
        try
        {
            document = produce();
        }
        catch (Exception e)
        {
            document = HandoffDocument.Failed(name, stamp.Length, default, $"could not be ingested ({e.GetType().Name}: {e.Message})");
        }

        return (stamp, document, true);
    }

    // Every component of the path is resolved (a link to 'etcdir/passwd' where etcdir links to /etc ends in /etc),
    // and the result must lie inside the folder's own real path and be a regular file: a handoff must not become a
    // way to publish /etc/passwd or the key ring in a report, nor a FIFO that hangs every reader.
    private static (string Target, FileStamp Stamp) Resolve(string path, string realFolder, EntityCatalog catalog)
    {
        var link = new FileInfo(path).LinkTarget;
        var real = RegularFile.RealPath(path)
            ?? throw new HandoffFileException(link is null ? "has disappeared" : $"is a link to '{link}', which does not exist");
        if (!RegularFile.IsInside(real, realFolder))
        {
            throw new HandoffFileException($"is a link that leads outside the handoffs folder (to '{link}'); copy the file in instead");
        }

        var kind = RegularFile.KindOf(real);
        if (kind != FileKind.Regular)
        {
            var what = link is null ? "is" : "is a link to";
            throw new HandoffFileException($"{what} {RegularFile.Describe(kind)}, not a regular file; skipped and never opened");
        }

        var info = new FileInfo(real);
        return (real, new FileStamp(info.Length, info.LastWriteTimeUtc, catalog));
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
