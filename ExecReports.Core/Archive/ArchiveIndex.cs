using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using ExecReports.Core.Alerts;
using ExecReports.Core.Data;
using ExecReports.Core.Dispatch;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.Logging;

namespace ExecReports.Core.Archive;

// One row per archived file, so browsing never has to list and download the whole bucket.
public sealed class ArchiveIndexEntry
{
    public long Id { get; set; }
    public required string Key { get; set; }
    public required DateOnly Date { get; set; }
    public required string Role { get; set; }
    public required string Extension { get; set; }
    public string? Period { get; set; }
    public required long Size { get; set; }
    public required string Sha256 { get; set; }
    public long? BatchId { get; set; }
    public long? ItemId { get; set; }
    public required DateTimeOffset IndexedAt { get; set; }
}

// "2026-12-01/cfo-report.html", or "2026-12-01/cfo-report~7.html" when that day already holds another cfo report.
public sealed partial record ArchiveKey(DateOnly Date, string Role, string? Suffix, string Extension)
{
    public static readonly IReadOnlyList<string> Extensions = ["txt", "html", "md", "json"];

    public string Stem => $"{Date:yyyy-MM-dd}/{Role}-report{(Suffix is null ? "" : "~" + Suffix)}";

    public string Key => $"{Stem}.{Extension}";

    public static string StemFor(DateOnly date, string role, string? suffix) => new ArchiveKey(date, role, suffix, "txt").Stem;

    public static ArchiveKey? TryParse(string key)
    {
        var match = Pattern().Match(key);
        if (!match.Success || !DateOnly.TryParseExact(match.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return null;
        }

        return new ArchiveKey(date, match.Groups["role"].Value, match.Groups["suffix"].Success ? match.Groups["suffix"].Value : null, match.Groups["ext"].Value);
    }

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})/(?<role>[a-z0-9-]+)-report(~(?<suffix>[0-9]+))?\.(?<ext>txt|html|md|json)$")]
    private static partial Regex Pattern();
}

public sealed record RebuildResult(int Files, int Indexed, IReadOnlyList<string> Skipped);

// What a page gets for one archived file: its bytes when they are the ones archived, or why not.
public sealed record ArchiveRead(string Key, byte[]? Content, string? Error)
{
    public bool Verified => Content is not null && Error is null;
}

// Each operation takes its own short-lived DbContext: a page holds this for a circuit's whole life.
public sealed class ArchiveIndex(IDbContextFactory<AppDbContext> contexts, IArchiveStore store, TimeProvider clock, ILogger<ArchiveIndex> logger)
{
    public async Task<IReadOnlyList<ArchiveIndexEntry>> ListAsync(DateOnly? date = null, string? role = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.ArchiveIndex.AsNoTracking();
        if (date is { } d)
        {
            query = query.Where(e => e.Date == d);
        }

        if (role is not null)
        {
            query = query.Where(e => e.Role == role);
        }

        var rows = await query.ToListAsync(cancellationToken);
        return rows.OrderByDescending(e => e.Date).ThenBy(e => e.Role, StringComparer.Ordinal).ThenBy(e => e.Key, StringComparer.Ordinal).ToList();
    }

    // Only keys the index knows are served, so a page can never be used to read arbitrary objects; null for any other.
    // The bytes are compared with the SHA-256 recorded when they were archived: a file changed in the store since is
    // never handed out, and the change is an error log line and an alert.
    public async Task<ArchiveRead?> ReadAsync(string key, CancellationToken cancellationToken = default)
    {
        ArchiveIndexEntry? entry;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            entry = await db.ArchiveIndex.AsNoTracking().FirstOrDefaultAsync(e => e.Key == key, cancellationToken);
        }

        if (entry is null)
        {
            return null;
        }

        byte[]? content;
        try
        {
            content = await store.GetAsync(key, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.ReadFailed(key, store.Name, ex.Message);
            return new ArchiveRead(key, null, $"'{key}' could not be read from the {store.Name} archive: {ex.Message}");
        }

        if (content is null)
        {
            return await TamperedAsync(entry, $"'{key}' is in the archive index but no longer in the {store.Name} archive.");
        }

        var actual = Convert.ToHexStringLower(SHA256.HashData(content));
        return string.Equals(actual, entry.Sha256, StringComparison.OrdinalIgnoreCase)
            ? new ArchiveRead(key, content, null)
            : await TamperedAsync(entry,
                $"'{key}' in the {store.Name} archive has changed since it was archived (SHA-256 {Short(actual)}…, {content.Length} bytes; "
                + $"archived as {Short(entry.Sha256)}…, {entry.Size} bytes). It is not shown.");
    }

    public async Task<bool> StemTakenAsync(string stem, long itemId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ArchiveIndex.AnyAsync(e => e.Key.StartsWith(stem + ".") && e.ItemId != itemId, cancellationToken);
    }

    public async Task UpsertAsync(string key, ReadOnlyMemory<byte> content, string? period, long? batchId, long? itemId, CancellationToken cancellationToken)
    {
        var parsed = ArchiveKey.TryParse(key) ?? throw new ArgumentException($"'{key}' is not an archive key like 2026-12-01/cfo-report.html.", nameof(key));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entry = await db.ArchiveIndex.FirstOrDefaultAsync(e => e.Key == key, cancellationToken);
        if (entry is null)
        {
            entry = new ArchiveIndexEntry
            {
                Key = key, Date = parsed.Date, Role = parsed.Role, Extension = parsed.Extension,
                Size = 0, Sha256 = "", IndexedAt = clock.GetUtcNow(),
            };
            db.ArchiveIndex.Add(entry);
        }

        entry.Size = content.Length;
        entry.Sha256 = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        entry.Period = period ?? entry.Period;
        entry.BatchId = batchId ?? entry.BatchId;
        entry.ItemId = itemId ?? entry.ItemId;
        entry.IndexedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    // The dispatch alert banner is where a person looks; one open alert per file, however often it is opened.
    private async Task<ArchiveRead> TamperedAsync(ArchiveIndexEntry entry, string why)
    {
        logger.IntegrityFailed(why);
        var message = $"Archive integrity: {why}";
        try
        {
            await using var db = await contexts.CreateDbContextAsync();
            if (!await db.Alerts.AnyAsync(a => a.ResolvedAt == null && a.Message == message))
            {
                db.Alerts.Add(new Alert
                {
                    Source = AlertSource.Archive, BatchId = entry.BatchId, ItemId = entry.ItemId, Role = entry.Role, Period = entry.Period ?? "",
                    At = clock.GetUtcNow(), Message = message,
                    Hint = "Compare it with the BCC audit copy of the mail; restore the file or find who changed the store.",
                });
                await db.SaveChangesAsync();
            }
        }
        catch (DbUpdateException ex)
        {
            logger.IntegrityAlertNotRecorded(entry.Key, ex.Message);
        }

        return new ArchiveRead(entry.Key, null, why);
    }

    private static string Short(string sha256) => sha256.Length > 12 ? sha256[..12] : sha256;

    // The archive is the truth; the index is a cache of it. Period and batch come from each report's .json.
    // A file the index already knows under another SHA-256 was changed in the store: it keeps its recorded hash
    // (so it stays refused) and is reported, rather than the change being blessed by a rebuild.
    public async Task<RebuildResult> RebuildAsync(CancellationToken cancellationToken = default)
    {
        Dictionary<string, ArchiveIndexEntry> known;
        await using (var before = await contexts.CreateDbContextAsync(cancellationToken))
        {
            known = await before.ArchiveIndex.AsNoTracking().ToDictionaryAsync(e => e.Key, StringComparer.Ordinal, cancellationToken);
        }

        var files = 0;
        var indexed = 0;
        var skipped = new List<string>();
        var keys = new List<string>();
        await foreach (var key in store.ListKeysAsync("", cancellationToken))
        {
            keys.Add(key);
        }

        foreach (var stem in keys.GroupBy(k => ArchiveKey.TryParse(k)?.Stem ?? ""))
        {
            if (stem.Key == "")
            {
                foreach (var key in stem)
                {
                    files++;
                    skipped.Add(key);
                    logger.KeyNotIndexed(key);
                }

                continue;
            }

            var (period, batchId, itemId) = await ReadDispatchFactsAsync(stem.Key + ".json", cancellationToken);
            foreach (var key in stem)
            {
                files++;
                var content = await store.GetAsync(key, cancellationToken);
                if (content is null)
                {
                    skipped.Add(key);
                    continue;
                }

                if (known.TryGetValue(key, out var entry) && entry.Sha256.Length > 0
                    && !string.Equals(entry.Sha256, Convert.ToHexStringLower(SHA256.HashData(content)), StringComparison.OrdinalIgnoreCase))
                {
                    skipped.Add(key);
                    await TamperedAsync(entry, $"'{key}' in the {store.Name} archive has changed since it was archived; the rebuild kept its recorded SHA-256.");
                    continue;
                }

                await UpsertAsync(key, content, period, batchId, itemId, cancellationToken);
                indexed++;
            }
        }

        var present = keys.ToHashSet(StringComparer.Ordinal);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stale = (await db.ArchiveIndex.Select(e => e.Key).ToListAsync(cancellationToken)).Where(k => !present.Contains(k)).ToList();
        if (stale.Count > 0)
        {
            await db.ArchiveIndex.Where(e => stale.Contains(e.Key)).ExecuteDeleteAsync(cancellationToken);
        }

        return new RebuildResult(files, indexed, skipped);
    }

    private async Task<(string? Period, long? BatchId, long? ItemId)> ReadDispatchFactsAsync(string jsonKey, CancellationToken cancellationToken)
    {
        var bytes = await store.GetAsync(jsonKey, cancellationToken);
        if (bytes is null)
        {
            return (null, null, null);
        }

        try
        {
            using var json = JsonDocument.Parse(bytes);
            var root = json.RootElement;
            var period = root.TryGetProperty("metadata", out var metadata) && metadata.TryGetProperty("period", out var p) ? p.GetString() : null;
            long? batch = null;
            long? item = null;
            if (root.TryGetProperty("dispatch", out var dispatch) && dispatch.ValueKind == JsonValueKind.Object)
            {
                batch = dispatch.TryGetProperty("batchId", out var b) && b.ValueKind == JsonValueKind.Number ? b.GetInt64() : null;
                item = dispatch.TryGetProperty("itemId", out var i) && i.ValueKind == JsonValueKind.Number ? i.GetInt64() : null;
            }

            return (period, batch, item);
        }
        catch (JsonException ex)
        {
            logger.InvalidArchiveJson(jsonKey, ex.Message);
            return (null, null, null);
        }
    }
}

internal static class ArchiveIndexModel
{
    public static void Configure(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<ArchiveIndexEntry>(e =>
        {
            e.ToTable("ArchiveIndex");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.Key).IsUnique();
            e.HasIndex(x => new { x.Date, x.Role });
            e.Property(x => x.Key).HasMaxLength(300);
            e.Property(x => x.Role).HasMaxLength(50);
            e.Property(x => x.Extension).HasMaxLength(10);
            e.Property(x => x.Period).HasMaxLength(7);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.IndexedAt).HasConversion(new DateTimeOffsetToBinaryConverter());
        });
}
