using ExecReports.Core.Data;
using ExecReports.Core.Kpis;
using Microsoft.EntityFrameworkCore;

namespace ExecReports.Core.Close;

// The shipped sample months are history: every month the KPI seed loaded is closed by the seed, as it was loaded,
// so `send --period 2026-11` works on a new database while a month entered by hand starts open.
public sealed class MonthCloseSeedStep : ISeedStep
{
    public string Name => "month-close-samples";
    public int Order => 110;

    public async Task SeedAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var seeded = await db.KpiRecords.AsNoTracking().Where(r => r.UpdatedBy == KpiSeedStep.SeedUser)
            .Select(r => new { r.EntityId, r.Period, r.UpdatedAt }).ToListAsync(cancellationToken);
        var closed = (await db.MonthCloses.AsNoTracking().Select(c => new { c.EntityId, c.Period }).ToListAsync(cancellationToken))
            .Select(c => (c.EntityId, c.Period)).ToHashSet();
        foreach (var record in seeded.Where(r => !closed.Contains((r.EntityId, r.Period))))
        {
            db.MonthCloses.Add(new MonthClose { EntityId = record.EntityId, Period = record.Period, ClosedBy = KpiSeedStep.SeedUser, ClosedAt = record.UpdatedAt });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
