using ExecReports.Core.Configuration;
using ExecReports.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ExecReports.Core.Kpis;

// Loads the sample months on a new database so the reports have something to show on first start.
public sealed class KpiSeedStep(
    IOptions<KpiOptions> options,
    AppPaths paths,
    TimeProvider clock,
    KnownEntities knownEntities,
    ChartOfAccounts chart,
    IDbContextFactory<AppDbContext> dbs,
    ILogger<KpiSeedStep> logger) : ISeedStep
{
    public const string SeedUser = "seed";

    public string Name => "kpi-samples";
    public int Order => 100;

    public async Task SeedAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var folder = paths.Resolve(options.Value.SamplesPath);
        if (!Directory.Exists(folder))
        {
            logger.NoSamplesFolder(folder);
            return;
        }

        var service = new KpiService(dbs, clock, knownEntities, chart);
        var files = Directory.GetFiles(folder, "*.json")
            .Where(f => !string.Equals(Path.GetFileName(f), ChartOfAccounts.FileName, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            await using var stream = File.OpenRead(file);
            var result = await service.ImportJsonAsync(stream, SeedUser, cancellationToken);
            foreach (var rejected in result.Records.Where(r => r.Outcome == KpiImportOutcome.Rejected))
            {
                logger.SampleRecordRejected(file, rejected.ToString());
            }

            logger.SamplesLoaded(result.Records.Count - result.Rejected, file);
        }
    }
}
