using ExecReports.Core.Configuration;
using ExecReports.Core.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ExecReports.Core.Kpis;

public static class KpiServiceCollectionExtensions
{
    // Reads "Kpis": { "SamplesPath": "samples/kpis/" }
    public static IServiceCollection AddKpis(this IServiceCollection services)
    {
        services.AddStrictOptions<KpiOptions>(KpiOptions.SectionName);

        // The catalog is the one list of entity ids; KPI inputs for anything else are rejected.
        services.TryAddSingleton(sp =>
        {
            var catalog = sp.GetRequiredService<Ingestion.EntityCatalogProvider>();
            return new KnownEntities(() => catalog.Current.Entities.Select(e => e.Id).ToHashSet(StringComparer.Ordinal));
        });

        services.AddSingleton(sp =>
        {
            var path = sp.GetRequiredService<AppPaths>()
                .Resolve(Path.Combine(sp.GetRequiredService<IOptions<KpiOptions>>().Value.SamplesPath, ChartOfAccounts.FileName));
            if (File.Exists(path))
            {
                return ChartOfAccounts.Load(path);
            }

            sp.GetRequiredService<ILogger<ChartOfAccounts>>()
                .NoChartOfAccounts(path);
            return ChartOfAccounts.Empty;
        });

        services.AddScoped<KpiService>();
        services.AddSingleton<ISeedStep, KpiSeedStep>();
        return services;
    }
}
