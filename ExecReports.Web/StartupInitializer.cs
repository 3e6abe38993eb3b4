using ExecReports.Core.Data;
using ExecReports.Web.Identity;

namespace ExecReports.Web;

// Runs before Kestrel accepts requests: folders, migrations, sample data, the first admin.
internal sealed class StartupInitializer(DatabaseInitializer database, IdentityInitializer identity) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await database.InitializeAsync(cancellationToken);
        await identity.InitializeAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
