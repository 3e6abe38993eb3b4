using System.Text;
using ExecReports.Core.Ingestion;
using ExecReports.Tests.Support;
using Xunit.Abstractions;

namespace ExecReports.Tests.Core.Ingestion.Fuzz;

// Seeded mutations of the sample handoffs and catalog. No exception may escape the parsers, and none may reach only
// the last-resort net ("could not be parsed"): that is an input nobody thought of. A failing case is written to
// Regressions/ (commit it), and every file there is replayed on each run. Fixed seeds, no retries.
public sealed class IngestionFuzzTests(ITestOutputHelper output)
{
    private const int HandoffCases = 2_500;
    private const int CatalogCases = 1_500;
    private static readonly string RegressionFolder = Path.Combine(RepoPaths.Root, "ExecReports.Tests", "Core", "Ingestion", "Fuzz", "Regressions");
    private static readonly EntityCatalog Catalog = EntityCatalogLoader.Load(Path.Combine(RepoPaths.Samples, "entities.yaml"));
    private static readonly DateTimeOffset Modified = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Regressions()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RegressionFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            data.Add(file!);
        }

        return data;
    }

    [Fact]
    public void MutatedHandoffsAlwaysBecomeADocumentOrAnErrorRow()
    {
        var samples = Directory.EnumerateFiles(Path.Combine(RepoPaths.Samples, "handoffs")).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
        var started = DateTime.UtcNow;
        var failures = new List<string>();
        for (var seed = 0; seed < HandoffCases; seed++)
        {
            var input = SampleMutator.Mutate(samples[seed % samples.Count], seed);
            if (HandoffFailure(input) is { } failure)
            {
                failures.Add(Keep($"handoff-seed{seed}.md", input, failure));
            }
        }

        output.WriteLine($"{HandoffCases} handoff cases in {(DateTime.UtcNow - started).TotalSeconds:F1} s");
        Assert.Empty(failures);
    }

    [Fact]
    public void MutatedCatalogsAlwaysBecomeACatalogOrACatalogException()
    {
        var sample = File.ReadAllBytes(Path.Combine(RepoPaths.Samples, "entities.yaml"));
        var started = DateTime.UtcNow;
        var failures = new List<string>();
        for (var seed = 0; seed < CatalogCases; seed++)
        {
            var input = SampleMutator.Mutate(sample, seed);
            if (CatalogFailure(input) is { } failure)
            {
                failures.Add(Keep($"catalog-seed{seed}.yaml", input, failure));
            }
        }

        output.WriteLine($"{CatalogCases} catalog cases in {(DateTime.UtcNow - started).TotalSeconds:F1} s");
        Assert.Empty(failures);
    }

    [Theory]
    [MemberData(nameof(Regressions))]
    public void ReplaysEveryKeptRegressionInput(string file)
    {
        var input = File.ReadAllBytes(Path.Combine(RegressionFolder, file));

        var failure = file.StartsWith("catalog", StringComparison.Ordinal) ? CatalogFailure(input) : HandoffFailure(input);

        Assert.Null(failure);
    }

    private static string? HandoffFailure(byte[] input)
    {
        HandoffDocument document;
        try
        {
            document = HandoffParser.Parse("fuzz.md", input, Modified, Catalog);
        }
        catch (Exception e)
        {
            return $"escaped: {e.GetType().Name}: {e.Message}";
        }

        if (document.Status == HandoffStatus.Error && document.Problems.Count == 0)
        {
            return "an error without a problem";
        }

        return document.Problems.FirstOrDefault(p => !p.StartsWith("fuzz.md", StringComparison.Ordinal) || p.Contains("could not be parsed (", StringComparison.Ordinal)) is { } unexpected
            ? $"unanticipated: {unexpected}"
            : null;
    }

    private static string? CatalogFailure(byte[] input)
    {
        try
        {
            EntityCatalogLoader.Parse(Encoding.UTF8.GetString(input), "entities.yaml");
            return null;
        }
        catch (CatalogException e)
        {
            return e.Problems.FirstOrDefault(p => p.Message.StartsWith("could not be read (", StringComparison.Ordinal)) is { } unexpected
                ? $"unanticipated: {unexpected}"
                : null;
        }
        catch (Exception e)
        {
            return $"escaped: {e.GetType().Name}: {e.Message}";
        }
    }

    private string Keep(string name, byte[] input, string failure)
    {
        Directory.CreateDirectory(RegressionFolder);
        File.WriteAllBytes(Path.Combine(RegressionFolder, name), input);
        var line = $"{name}: {failure[..Math.Min(failure.Length, 300)]}";
        output.WriteLine(line);
        return line;
    }
}
