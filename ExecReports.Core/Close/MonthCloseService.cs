using System.Security.Cryptography;
using System.Text;
using ExecReports.Core.Data;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reports;
using Microsoft.EntityFrameworkCore;

namespace ExecReports.Core.Close;

public sealed class CloseException(string message) : Exception(message);

// The month close: which entities' inputs are final, and the Admin's approvals and releases of a month's set.
public sealed class MonthCloseService(IDbContextFactory<AppDbContext> dbs, ReportService reports, TimeProvider clock)
{
    public async Task<MonthReadiness> ReadinessAsync(Period period, CancellationToken cancellationToken = default) =>
        await ReadinessAsync(await reports.GetAsync(period, cancellationToken), cancellationToken);

    // Judged on the set's own inputs, so the readiness and the reports it lets through describe the same data.
    public async Task<MonthReadiness> ReadinessAsync(ReportSet set, CancellationToken cancellationToken = default)
    {
        var key = set.Period.ToString();
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var closes = await db.MonthCloses.AsNoTracking().Where(c => c.Period == key).ToListAsync(cancellationToken);
        var editors = await db.KpiRecords.AsNoTracking().Where(r => r.Period == key)
            .Select(r => new { r.EntityId, r.UpdatedBy }).ToListAsync(cancellationToken);
        var entities = set.Inputs.Catalog.Entities.OrderBy(e => e.Id, StringComparer.Ordinal).Select(entity =>
        {
            var hasInputs = set.Inputs.Kpis.Any(k => k.EntityId == entity.Id && k.Period == set.Period);
            var close = closes.FirstOrDefault(c => c.EntityId == entity.Id);
            var editor = editors.FirstOrDefault(e => e.EntityId == entity.Id)?.UpdatedBy;
            var state = !hasInputs ? CloseState.Missing : close is null ? CloseState.Open : CloseState.Closed;
            return new EntityReadiness(entity.Id, entity.Name, state, close?.ClosedBy, close?.ClosedAt, editor);
        }).ToList();
        return new MonthReadiness(set.Period, entities);
    }

    public async Task CloseAsync(string entityId, Period period, string user, CancellationToken cancellationToken = default)
    {
        var key = period.ToString();
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        if (!await db.KpiRecords.AnyAsync(r => r.EntityId == entityId && r.Period == key, cancellationToken))
        {
            throw new CloseException($"{entityId} has no KPI inputs for {key}; enter or import them before closing the month.");
        }

        if (await db.MonthCloses.AnyAsync(c => c.EntityId == entityId && c.Period == key, cancellationToken))
        {
            return;
        }

        db.MonthCloses.Add(new MonthClose { EntityId = entityId, Period = key, ClosedBy = user, ClosedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task ReopenAsync(string entityId, Period period, CancellationToken cancellationToken = default)
    {
        var key = period.ToString();
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        await db.MonthCloses.Where(c => c.EntityId == entityId && c.Period == key).ExecuteDeleteAsync(cancellationToken);
    }

    // The whole set's content (what each report says and to whom it goes), so an approval covers exactly what it saw.
    public static string SetDigest(ReportSet set) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n',
            set.Reports.OrderBy(r => r.Role.Id, StringComparer.Ordinal).Select(r => $"{r.Role.Id}:{r.ContentDigest}")))));

    // Whoever changed the month's KPI inputs last: the newest row of the append-only edit log (ids order it even
    // when two saves share a timestamp), else the record's last saver.
    public async Task<string?> LastEditorAsync(Period period, CancellationToken cancellationToken = default)
    {
        var key = period.ToString();
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return await db.KpiEdits.AsNoTracking().Where(e => e.Period == key).OrderByDescending(e => e.Id).Select(e => e.By).FirstOrDefaultAsync(cancellationToken)
            ?? (await db.KpiRecords.AsNoTracking().Where(r => r.Period == key).Select(r => new { r.UpdatedBy, r.UpdatedAt }).ToListAsync(cancellationToken))
                .OrderByDescending(r => r.UpdatedAt).Select(r => r.UpdatedBy).FirstOrDefault();
    }

    // fourEyes: the approver must not be whoever last edited the month's inputs.
    public async Task<PeriodSignoff> ApproveAsync(ReportSet set, string admin, bool fourEyes, CancellationToken cancellationToken = default)
    {
        if (fourEyes && await LastEditorAsync(set.Period, cancellationToken) is { } editor
            && string.Equals(editor, admin, StringComparison.OrdinalIgnoreCase))
        {
            throw new CloseException($"{admin} last edited the {set.Period} inputs; with Dispatch:FourEyes another Admin must approve.");
        }

        return await SignAsync(set.Period, SignoffKind.Approved, SetDigest(set), admin, cancellationToken);
    }

    public Task<PeriodSignoff> ReleaseAsync(Period period, string admin, CancellationToken cancellationToken = default) =>
        SignAsync(period, SignoffKind.Released, "", admin, cancellationToken);

    public async Task<PeriodSignoff?> LatestAsync(Period period, SignoffKind kind, CancellationToken cancellationToken = default)
    {
        var key = period.ToString();
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return await db.PeriodSignoffs.AsNoTracking().Where(s => s.Period == key && s.Kind == kind)
            .OrderByDescending(s => s.Id).FirstOrDefaultAsync(cancellationToken);
    }

    // Approved means approved for this content: any change since gives a different digest.
    public async Task<PeriodSignoff?> ApprovalForAsync(ReportSet set, CancellationToken cancellationToken = default) =>
        await LatestAsync(set.Period, SignoffKind.Approved, cancellationToken) is { } approval && approval.Digest == SetDigest(set) ? approval : null;

    private async Task<PeriodSignoff> SignAsync(Period period, SignoffKind kind, string digest, string by, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var signoff = new PeriodSignoff { Period = period.ToString(), Kind = kind, Digest = digest, By = by, At = clock.GetUtcNow() };
        db.PeriodSignoffs.Add(signoff);
        await db.SaveChangesAsync(cancellationToken);
        return signoff;
    }
}
