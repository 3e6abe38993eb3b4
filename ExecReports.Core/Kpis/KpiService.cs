using System.Text.Json;
using System.Text.Json.Nodes;
using ExecReports.Core.Data;
using ExecReports.Core.Primitives;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ExecReports.Core.Kpis;

public sealed record StoredKpiMonth(KpiMonth Month, int Version, DateTimeOffset UpdatedAt, string UpdatedBy);

public sealed record KpiSaveResult(IReadOnlyList<KpiError> Errors, IReadOnlyList<KpiEdit> Edits, bool Created)
{
    public bool Saved => Errors.Count == 0;
}

public enum KpiImportOutcome
{
    Created,
    Updated,
    Unchanged,
    Rejected,
}

// Index is the record's position in the file (0-based); EntityId and Period are as written in the
// file even when they are the invalid part.
public sealed record KpiImportRecordResult(int Index, string? EntityId, string? Period, KpiImportOutcome Outcome, int EditCount, IReadOnlyList<KpiError> Errors)
{
    public override string ToString() =>
        $"#{Index} {EntityId ?? "(no entityId)"} {Period ?? "(no period)"}: {Outcome.ToString().ToLowerInvariant()}"
        + (Outcome == KpiImportOutcome.Rejected ? " - " + string.Join("; ", Errors) : EditCount > 0 ? $" ({EditCount} field{(EditCount == 1 ? "" : "s")} changed)" : "");
}

public sealed record KpiImportResult(IReadOnlyList<KpiImportRecordResult> Records)
{
    public int Rejected => Records.Count(r => r.Outcome == KpiImportOutcome.Rejected);
    public bool AllImported => Rejected == 0;
}

// A context per call, from the factory: pages hold this service for a circuit's whole life.
public sealed class KpiService(IDbContextFactory<AppDbContext> dbs, TimeProvider clock, KnownEntities knownEntities, ChartOfAccounts chart)
{
    public async Task<KpiMonth?> GetAsync(string entityId, Period period, CancellationToken cancellationToken = default) =>
        (await GetStoredAsync(entityId, period, cancellationToken))?.Month;

    public async Task<StoredKpiMonth?> GetStoredAsync(string entityId, Period period, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var key = period.ToString();
        var record = await db.Set<KpiRecord>().AsNoTracking()
            .SingleOrDefaultAsync(r => r.EntityId == entityId && r.Period == key, cancellationToken);
        return record is null ? null : new StoredKpiMonth(KpiJson.Deserialize(record.Json), record.Version, record.UpdatedAt, record.UpdatedBy);
    }

    // Every entity's month, ordered by entity id.
    public async Task<IReadOnlyList<KpiMonth>> ListForPeriodAsync(Period period, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var key = period.ToString();
        var json = await db.Set<KpiRecord>().AsNoTracking()
            .Where(r => r.Period == key)
            .OrderBy(r => r.EntityId)
            .Select(r => r.Json)
            .ToListAsync(cancellationToken);
        return json.ConvertAll(KpiJson.Deserialize);
    }

    // Months present between from and to inclusive, oldest first; missing months are simply absent.
    public async Task<IReadOnlyList<KpiMonth>> ListRangeAsync(string entityId, Period from, Period to, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var (low, high) = (from.ToString(), to.ToString());
        // EF translates string.Compare to SQL comparison (ordinal under the default collation); the overloads CA1309 asks for do not translate.
#pragma warning disable CA1309
        var json = await db.Set<KpiRecord>().AsNoTracking()
            .Where(r => r.EntityId == entityId && string.Compare(r.Period, low) >= 0 && string.Compare(r.Period, high) <= 0)
#pragma warning restore CA1309
            .OrderBy(r => r.Period)
            .Select(r => r.Json)
            .ToListAsync(cancellationToken);
        return json.ConvertAll(KpiJson.Deserialize);
    }

    public async Task<IReadOnlyList<Period>> ListPeriodsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var periods = await db.Set<KpiRecord>().Select(r => r.Period).Distinct().OrderBy(p => p).ToListAsync(cancellationToken);
        return periods.ConvertAll(p => Period.Parse(p));
    }

    // The latest month before `period` carried over (KpiCarryOver), or null when the entity has no earlier month.
    public async Task<(KpiMonth Month, Period From)?> StartFromPreviousAsync(string entityId, Period period, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var key = period.ToString();
        // Periods are "YYYY-MM", so ordinal order is calendar order; see ListRangeAsync for why CA1309 is off.
#pragma warning disable CA1309
        var json = await db.Set<KpiRecord>().AsNoTracking()
            .Where(r => r.EntityId == entityId && string.Compare(r.Period, key) < 0)
#pragma warning restore CA1309
            .OrderByDescending(r => r.Period)
            .Select(r => r.Json)
            .FirstOrDefaultAsync(cancellationToken);
        if (json is null)
        {
            return null;
        }

        var previous = KpiJson.Deserialize(json);
        return (KpiCarryOver.From(previous, period), previous.Period);
    }

    // Every problem a stored month has now (a month saved before a rule existed may break it), for the editor to show.
    public IReadOnlyList<KpiError> Validate(KpiMonth month) => KpiValidator.Validate(month, knownEntities.Ids, chart);

    // expectedVersion: the Version the editor loaded; a save over someone else's newer save is refused.
    public async Task<KpiSaveResult> SaveAsync(KpiMonth month, string user, int? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        var errors = KpiValidator.Validate(month, knownEntities.Ids, chart);
        if (errors.Count > 0)
        {
            return new KpiSaveResult(errors, [], Created: false);
        }

        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var key = month.Period.ToString();
        var record = await db.Set<KpiRecord>()
            .SingleOrDefaultAsync(r => r.EntityId == month.EntityId && r.Period == key, cancellationToken);
        if (expectedVersion is { } expected && (record?.Version ?? 0) != expected)
        {
            return Conflict(record);
        }

        var json = KpiJson.Serialize(month);
        var before = record is null ? new JsonObject() : JsonNode.Parse(record.Json);
        var changes = JsonDiff.Compare(before, JsonNode.Parse(json));
        if (changes.Count == 0)
        {
            return new KpiSaveResult([], [], Created: false);
        }

        var now = clock.GetUtcNow();
        if (record is null)
        {
            record = new KpiRecord { EntityId = month.EntityId, Period = key, Json = json, UpdatedAt = now, UpdatedBy = user, Version = 1 };
            db.Add(record);
        }
        else
        {
            record.Json = json;
            record.UpdatedAt = now;
            record.UpdatedBy = user;
            record.Version++;
        }

        var edits = changes
            .Select(c => new KpiEdit { EntityId = month.EntityId, Period = key, At = now, By = user, FieldPath = c.FieldPath, OldValue = c.OldValue, NewValue = c.NewValue })
            .ToList();
        db.AddRange(edits);

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || ex.InnerException is SqliteException { SqliteErrorCode: 19 } or Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // Another save won the race (version bumped or the same month inserted first).
            db.ChangeTracker.Clear();
            var current = await db.Set<KpiRecord>().AsNoTracking()
                .SingleOrDefaultAsync(r => r.EntityId == month.EntityId && r.Period == key, cancellationToken);
            return Conflict(current);
        }

        return new KpiSaveResult([], edits, Created: record.Version == 1);
    }

    private static KpiSaveResult Conflict(KpiRecord? current) =>
        new([new KpiError("", current is null
            ? "This month was deleted or never saved; reload before saving."
            : $"Changed by {current.UpdatedBy} at {current.UpdatedAt:yyyy-MM-dd HH:mm} UTC since you loaded it (now version {current.Version}); reload and apply your change again.")],
            [], Created: false);

    // Oldest first.
    public async Task<IReadOnlyList<KpiEdit>> HistoryAsync(string entityId, Period period, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var key = period.ToString();
        return await db.Set<KpiEdit>().AsNoTracking()
            .Where(e => e.EntityId == entityId && e.Period == key)
            .OrderBy(e => e.Id)
            .ToListAsync(cancellationToken);
    }

    // Changes whenever any month is created or edited, even within one clock tick: edits are append-only.
    public async Task<(int Records, int Edits, DateTimeOffset? LastEdited)> DataVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return (await db.Set<KpiRecord>().CountAsync(cancellationToken),
            await db.Set<KpiEdit>().CountAsync(cancellationToken),
            await LastEditedAtAsync(cancellationToken: cancellationToken));
    }

    // With a range, only the months in it count: a report reads its own window, so an edit to a later month must not
    // stamp (and so regenerate) an earlier month's reports.
    public async Task<DateTimeOffset?> LastEditedAtAsync(string? entityId = null, Period? from = null, Period? to = null,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var records = db.Set<KpiRecord>().AsNoTracking();
        if (entityId is not null)
        {
            records = records.Where(r => r.EntityId == entityId);
        }

#pragma warning disable CA1309 // as in ListRangeAsync: only this overload translates to SQL
        if (from is { } low)
        {
            var key = low.ToString();
            records = records.Where(r => string.Compare(r.Period, key) >= 0);
        }

        if (to is { } high)
        {
            var key = high.ToString();
            records = records.Where(r => string.Compare(r.Period, key) <= 0);
        }
#pragma warning restore CA1309

        return await records.OrderByDescending(r => r.UpdatedAt).Select(r => (DateTimeOffset?)r.UpdatedAt).FirstOrDefaultAsync(cancellationToken);
    }

    // A JSON array of months (the import format), ordered by entity then period.
    public async Task<int> ExportJsonAsync(Stream output, string? entityId = null, Period? period = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var records = db.Set<KpiRecord>().AsNoTracking();
        if (entityId is not null)
        {
            records = records.Where(r => r.EntityId == entityId);
        }

        if (period is { } p)
        {
            var key = p.ToString();
            records = records.Where(r => r.Period == key);
        }

        var json = await records.OrderBy(r => r.EntityId).ThenBy(r => r.Period).Select(r => r.Json).ToListAsync(cancellationToken);
        var months = json.ConvertAll(KpiJson.Deserialize);
        await JsonSerializer.SerializeAsync(output, months, KpiJson.Indented, cancellationToken);
        return months.Count;
    }

    // Accepts an array of months or a single month. Each record is validated and saved on its own,
    // so one bad record never stops the rest.
    public async Task<KpiImportResult> ImportJsonAsync(Stream input, string user, CancellationToken cancellationToken = default)
    {
        // Read at most one byte past the limit, so an oversize file is refused without being held whole.
        using var bounded = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await input.ReadAsync(chunk, cancellationToken)) > 0)
        {
            bounded.Write(chunk, 0, read);
            if (bounded.Length > KpiLimits.MaxImportBytes)
            {
                return Refused($"The file is larger than {KpiLimits.Size(KpiLimits.MaxImportBytes)}, the most one import may hold; split it into several files.");
            }
        }

        bounded.Position = 0;
        JsonNode? root;
        try
        {
            root = await JsonNode.ParseAsync(bounded, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }, cancellationToken: cancellationToken);
        }
        catch (JsonException ex)
        {
            return new KpiImportResult([new KpiImportRecordResult(-1, null, null, KpiImportOutcome.Rejected, 0,
                [new KpiError("", $"The file is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}): {KpiJson.Describe(ex)}")])]);
        }

        var items = root is JsonArray array ? array.ToList() : [root];
        if (items.Count > KpiLimits.MaxImportRecords)
        {
            return Refused($"The file holds {items.Count:#,0} months; at most {KpiLimits.MaxImportRecords:#,0} can be imported at once. Nothing was imported.");
        }

        var results = new List<KpiImportRecordResult>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            results.Add(await ImportOneAsync(i, items[i], user, cancellationToken));
        }

        return new KpiImportResult(results);
    }

    private static KpiImportResult Refused(string why) =>
        new([new KpiImportRecordResult(-1, null, null, KpiImportOutcome.Rejected, 0, [new KpiError("", why)])]);

    private async Task<KpiImportRecordResult> ImportOneAsync(int index, JsonNode? node, string user, CancellationToken cancellationToken)
    {
        var entityId = TextOf(node, "entityId");
        var period = TextOf(node, "period");
        var (month, parseError) = KpiJson.TryDeserialize(node);
        if (month is null)
        {
            return new KpiImportRecordResult(index, entityId, period, KpiImportOutcome.Rejected, 0, [parseError!]);
        }

        var saved = await SaveAsync(month, user, cancellationToken: cancellationToken);
        var outcome = !saved.Saved ? KpiImportOutcome.Rejected
            : saved.Edits.Count == 0 ? KpiImportOutcome.Unchanged
            : saved.Created ? KpiImportOutcome.Created
            : KpiImportOutcome.Updated;
        return new KpiImportRecordResult(index, entityId, period, outcome, saved.Edits.Count, saved.Errors);
    }

    private static string? TextOf(JsonNode? node, string property) =>
        node is JsonObject o && o[property] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
