using Microsoft.EntityFrameworkCore;

namespace ExecReports.Core.Data;

// PostgreSQL runs transactions at READ COMMITTED, so two nodes could both pass a "not sent yet?" check and both insert.
// A transaction-scoped advisory lock makes such check-then-insert sections take turns (released at commit or rollback).
// SQLite needs nothing: its transactions begin IMMEDIATE and already hold the only write lock.
public static class TransactionLock
{
    public static async Task TakeAsync(DbContext db, string name, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({name}))", cancellationToken);
        }
    }
}
