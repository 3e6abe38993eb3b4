using System.Data.Common;
using ExecReports.Core.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ExecReports.Core.Data;

// Web and CLI both call this before doing anything else: create folders, migrate, seed.
public sealed class DatabaseInitializer(
    IServiceScopeFactory scopes,
    AppPaths paths,
    IEnumerable<ISeedStep> seedSteps,
    TimeProvider clock,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        paths.EnsureCreated();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var steps = seedSteps.OrderBy(s => s.Order).ToList();
        // Every process but the first finds the schema current and every seed done: one query instead of
        // the migrator's model diff and a query per seed step.
        if (await IsCurrentAsync(db, steps, cancellationToken))
        {
            return;
        }

        await StartupLock.RunExclusiveAsync(db, async () =>
        {
            await db.Database.MigrateAsync(cancellationToken);

            foreach (var step in steps)
            {
                if (await db.SeedRuns.AnyAsync(r => r.Name == step.Name, cancellationToken))
                {
                    continue;
                }

                await step.SeedAsync(db, cancellationToken);
                db.SeedRuns.Add(new SeedRun { Name = step.Name, RanAt = clock.GetUtcNow() });
                await db.SaveChangesAsync(cancellationToken);
                logger.Seeded(step.Name);
            }
        }, cancellationToken);
    }

    // The context keeps EF's default history table (only the web app's Identity context has its own).
    private const string DoneQuery =
        "SELECT \"MigrationId\" AS \"Value\" FROM \"" + HistoryRepository.DefaultTableName + "\" UNION ALL SELECT \"Name\" FROM \"SeedRuns\"";

    // True when every migration this build ships is applied and every seed step has run; anything else (a new
    // database, a half-migrated one) takes the full path.
    internal static async Task<bool> IsCurrentAsync(AppDbContext db, IReadOnlyList<ISeedStep> steps, CancellationToken cancellationToken)
    {
        // A new database has no history table; asking first keeps the provider from logging a failed command.
        if (!await db.Database.GetService<IHistoryRepository>().ExistsAsync(cancellationToken))
        {
            return false;
        }

        List<string> done;
        try
        {
            done = await db.Database
                .SqlQueryRaw<string>(DoneQuery)
                .ToListAsync(cancellationToken);
        }
        catch (DbException)
        {
            return false;
        }

        var applied = done.ToHashSet(StringComparer.Ordinal);
        return db.Database.GetMigrations().All(applied.Contains) && steps.All(s => applied.Contains(s.Name));
    }
}
