using System.Text.Json;
using ExecReports.Core.Ingestion;
using ExecReports.Tests.Support;

namespace ExecReports.Tests.Integration.Cli;

// cfo-report.json's metrics are a contract read by scripts: the built CLI writes them, checked as written in issue 14.
public sealed class CfoReportJsonContractTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task CfoReportJsonCarriesOwnerOperatorBurnFreeCashConservativeRunwayAndEveryEntitysRunway()
    {
        var folder = _temp.Combine("out");
        var environment = new Dictionary<string, string?> { ["ExecReports__DataPath"] = _temp.Combine("data") };

        var generate = await CliRunner.RunAsync(environment, "generate", "--period", "2026-11", "--out", folder, "--role", "cfo", "--now", "2026-12-01T00:00:00Z");

        Assert.True(generate.ExitCode == 0, generate.StdErr);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "cfo-report.json")));
        var metrics = json.RootElement.GetProperty("metrics").EnumerateArray()
            .Where(m => m.GetProperty("period").GetString() == "2026-11")
            .ToDictionary(m => m.GetProperty("id").GetString()!, m => m);
        Assert.Contains("cfo.burn.net-after-draws.avg3", metrics.Keys);
        Assert.Contains("cfo.cash.free", metrics.Keys);
        // Samples 2026-11: the lowest definition is the 12-month forecast, 4.4 months — finite, so a number.
        Assert.Equal(JsonValueKind.Number, metrics["cfo.runway.conservative"].GetProperty("value").ValueKind);
        var catalog = EntityCatalogLoader.Load(Path.Combine(RepoPaths.Root, "samples", "entities.yaml"));
        Assert.All(catalog.Entities, e => Assert.Contains($"cfo.entity.{e.Id}.runway", metrics.Keys));
    }
}
