using ExecReports.Core.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ExecReports.Core.Ingestion;

public static class IngestionServiceCollectionExtensions
{
    // Reads "Data": { "EntitiesFile", "HandoffsPath", "HandoffMaxBytes", "HandoffStaleDays" }
    public static IServiceCollection AddIngestion(this IServiceCollection services)
    {
        services.AddStrictOptions<DataOptions>(DataOptions.SectionName);
        services.AddSingleton<EntityCatalogProvider>();
        services.AddHostedService<EntityCatalogStartupCheck>();
        services.AddSingleton(sp => ForFolder(sp, sp.GetRequiredService<AppPaths>().Resolve(sp.GetRequiredService<IOptions<DataOptions>>().Value.HandoffsPath)));
        return services;
    }

    // For a one-off look at another folder (the CLI's --path); the caller disposes it.
    public static HandoffStore ForFolder(IServiceProvider services, string folder) =>
        ActivatorUtilities.CreateInstance<HandoffStore>(services, folder);
}
