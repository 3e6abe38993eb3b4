using ExecReports.Core;
using ExecReports.Core.Configuration;
using ExecReports.Core.Data;
using ExecReports.Core.Ingestion;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ExecReports.Cli;

// The CLI runs the same Core services as the web app, against the same appsettings.json and data folder.
internal static class CliHost
{
    public static async Task<IHost> StartAsync(CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = false });
        builder.Configuration.AddExecReportsFiles();
        // stdout is for results (JSON, lists); diagnostics go to stderr.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddExecReportsCore(builder.Configuration);

        var host = builder.Build();
        await host.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
        // The host is never started, so its start-up checks are run here: a broken catalog stops every verb.
        host.Services.GetRequiredService<EntityCatalogProvider>().EnsureLoaded();
        return host;
    }
}
