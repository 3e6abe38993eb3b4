using System.Diagnostics;
using ExecReports.Core.Ingestion;
using ExecReports.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Tests.Core.Ingestion;

// Issue 13: whatever the catalog file holds, loading it ends in a catalog or a CatalogException naming file and line.
public sealed class CatalogHardeningTests
{
    private static string Valid => new CatalogYamlBuilder().Entity("acme", "Acme").Build();

    private static async Task<ServiceProvider> ServicesOverValidCatalog(string path, TempDirectory temp)
    {
        await File.WriteAllTextAsync(path, Valid);
        return new CoreServicesBuilder(temp.Combine("data")).With("Data:EntitiesFile", path).Build();
    }

    [Fact]
    public void AnUnclosedFlowSequenceIsACatalogProblemWithItsLine()
    {
        var error = Assert.Throws<CatalogException>(() => EntityCatalogLoader.Parse("entities:\n  - id: acme\n    aliases: [a, b\n    name: Acme\n", "entities.yaml"));

        var problem = error.Problems.Single();
        Assert.Equal(("entities.yaml", "yaml"), (problem.File, problem.Field));
        Assert.True(problem.Line > 0);
    }

    [Theory]
    [InlineData("flow")]
    [InlineData("block")]
    [InlineData("aliases")]
    public void ADeeplyNestedOrExplodingCatalogIsRefusedBeforeTheNodeTreeIsBuilt(string shape)
    {
        var yaml = shape switch
        {
            "flow" => "entities: " + string.Concat(Enumerable.Repeat("[", 20_000)) + new string(']', 20_000) + "\n",
            "block" => "entities:\n" + string.Concat(Enumerable.Range(1, 500).Select(i => new string(' ', i) + "- \n")),
            // Ten aliases per level, nine levels: a billion nodes from a kilobyte.
            _ => "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + string.Concat(Enumerable.Range(1, 9).Select(i =>
                $"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n")) + "entities: []\n",
        };

        var error = Assert.Throws<CatalogException>(() => EntityCatalogLoader.Parse(yaml, "entities.yaml"));

        Assert.Matches("nested more than 64 levels deep|more than 100,000 values once aliases are expanded", error.Problems.Single().Message);
    }

    [Fact]
    public async Task KeepsTheLastGoodCatalogWhenAnEditNestsItTwentyThousandLevelsDeep()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("entities.yaml");
        await using var services = await ServicesOverValidCatalog(path, temp);
        var provider = services.GetRequiredService<EntityCatalogProvider>();
        Assert.Equal(["acme"], provider.Current.Entities.Select(e => e.Id));

        await File.WriteAllTextAsync(path, Valid + "defaultRecipients: " + string.Concat(Enumerable.Repeat("{a: ", 20_000)) + "b" + new string('}', 20_000) + "\n");

        Assert.Equal(["acme"], provider.Current.Entities.Select(e => e.Id));
        Assert.Contains("nested more than 64 levels deep", provider.LastError!.Message);
    }

    [Fact]
    public async Task ACatalogReplacedByAFifoIsAnErrorAndNeverOpened()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("entities.yaml");
        await using var services = await ServicesOverValidCatalog(path, temp);
        var provider = services.GetRequiredService<EntityCatalogProvider>();
        Assert.Single(provider.Current.Entities);

        File.Delete(path);
        using (var mkfifo = Process.Start("mkfifo", [path]))
        {
            await mkfifo.WaitForExitAsync();
        }

        // Bounded so a regression fails instead of hanging the run; not a speed target.
        var current = await Task.Run(() => provider.Current).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Single(current.Entities);
        Assert.Contains("is a FIFO (named pipe), not a regular file", provider.LastError!.Message);
    }

    [Fact]
    public void RefusesACatalogOverTheSizeLimit()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("entities.yaml");
        File.WriteAllText(path, Valid + "# " + new string('x', InputLimits.CatalogMaxBytes) + "\n");

        var error = Assert.Throws<CatalogException>(() => EntityCatalogLoader.Load(path));

        Assert.Contains("too large", error.Problems.Single().Message);
    }
}
