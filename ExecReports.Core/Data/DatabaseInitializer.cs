using ExecReports.Core.Configuration;
using Microsoft.EntityFrameworkCore;
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
        await StartupLock.RunExclusiveAsync(db, async () =>
        {
            await db.Database.MigrateAsync(cancellationToken);

            foreach (var step in seedSteps.OrderBy(s => s.Order))
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
}
