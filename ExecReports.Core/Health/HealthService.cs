using ExecReports.Core.Archive;
using ExecReports.Core.Data;
using ExecReports.Core.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ExecReports.Core.Health;

public sealed record HealthReport(string Status, string Provider, ComponentHealth Database, ComponentHealth Mail, ComponentHealth Archive)
{
    // Set by the web app when its Quartz scheduler is clustered, so a load balancer's health probe shows which node answered.
    public string? SchedulerInstanceId { get; init; }

    public HealthStatuses StatusesOnly() => new(Status, new(Database.Status), new(Mail.Status), new(Archive.Status));
}

// What an anonymous caller may see: no provider, host, bucket or instance id.
public sealed record HealthStatuses(string Status, ComponentStatus Database, ComponentStatus Mail, ComponentStatus Archive);

public sealed record ComponentStatus(string Status);

public sealed class HealthService(IDbContextFactory<AppDbContext> dbs, IMailTransport mail, IArchiveStore archive, IOptions<DatabaseOptions> databaseOptions)
{
    public async Task<HealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        var database = await CheckDatabaseAsync(cancellationToken);
        var mailHealth = Named(mail.Name, await mail.CheckAsync(cancellationToken));
        var archiveHealth = Named(archive.Name, await archive.CheckAsync(cancellationToken));
        var status = database.IsOk && mailHealth.IsOk && archiveHealth.IsOk ? "ok" : "degraded";
        return new HealthReport(status, databaseOptions.Value.Provider, database, mailHealth, archiveHealth);
    }

    private static ComponentHealth Named(string name, ComponentHealth health) => health with { Detail = $"{name}: {health.Detail}" };

    private async Task<ComponentHealth> CheckDatabaseAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await dbs.CreateDbContextAsync(cancellationToken);
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return ComponentHealth.Failed("cannot connect");
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            return pending == 0
                ? ComponentHealth.Ok($"{db.Database.ProviderName?.Split('.').Last()}: migrated")
                : ComponentHealth.Failed($"{pending} migration(s) pending");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The exception message of a provider can carry a connection string; only its type goes out.
            return ComponentHealth.Failed($"error: {ex.GetType().Name}");
        }
    }
}
