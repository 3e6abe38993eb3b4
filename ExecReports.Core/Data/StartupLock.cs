using Microsoft.EntityFrameworkCore;

namespace ExecReports.Core.Data;

// Nodes that start together against one PostgreSQL database would otherwise migrate and seed side by side
// (two seed runs, two bootstrap admins). A session advisory lock makes them take turns; the second finds
// everything done. SQLite has one process per data folder, so there is nothing to wait for.
public static class StartupLock
{
    private const long Key = 0x45_78_65_63_52_65_70; // "ExecRep"

    public static async Task RunExclusiveAsync(DbContext db, Func<Task> work, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            await work();
            return;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({Key})", cancellationToken);
            try
            {
                await work();
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({Key})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
