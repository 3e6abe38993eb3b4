using System.Text;
using ExecReports.Core.Reconciliation;
using ExecReports.Tests.Core.Ingestion.Fuzz;
using ExecReports.Tests.Support;

namespace ExecReports.Tests.Core.Reconciliation;

public class StatedFiguresTests
{
    [Fact]
    public void ReadsTheFirstAmountAfterAwsAndTheMonthNamed()
    {
        var figure = Assert.Single(StatedFigures.Read("AWS bill was $412 in October, up from $260."));

        Assert.Equal((ClaimRule.TechCost, 412m, 10), (figure.Rule, figure.Values[0], figure.MonthNamed));
    }

    [Fact]
    public void ReadsEveryRetainerInAList()
    {
        var figure = Assert.Single(StatedFigures.Read("3 on monthly retainers ($1,500, $2,000 and $2,500), 2 billed hourly at $130."), f => f.Rule == ClaimRule.RetainerRates);

        Assert.Equal([1_500m, 2_000m, 2_500m], figure.Values);
    }

    [Fact]
    public void ReadsEachUnitNamedAsVacantOrOccupied()
    {
        var figures = StatedFigures.Read("Units A and C occupied on 12-month leases; unit B vacant since 2026-08-31.");

        Assert.Equal([("A", true), ("C", true), ("B", false)], figures.Select(f => (f.Subject, f.State!.Value)));
    }

    [Fact]
    public void UnitsAreOccupiedNamesNoUnitAndMayIsNoMonth()
    {
        Assert.Empty(StatedFigures.Read("All units are occupied; we may raise rents."));
    }

    [Fact]
    public void ThousandsWithKAreExpanded()
    {
        Assert.Equal(9_500m, StatedFigures.ParseMoney("$9.5K"));
    }

    // Seeded mutations of every sample handoff line: no exception escapes, and every figure read is a plain number.
    [Fact]
    public void MutatedSampleLinesNeverThrow()
    {
        var lines = Directory.EnumerateFiles(Path.Combine(RepoPaths.Samples, "handoffs")).Order(StringComparer.Ordinal)
            .SelectMany(File.ReadAllLines).Where(l => l.Length > 0).ToList();
        for (var seed = 0; seed < 3_000; seed++)
        {
            var text = Encoding.UTF8.GetString(SampleMutator.Mutate(Encoding.UTF8.GetBytes(lines[seed % lines.Count]), seed));

            var figures = StatedFigures.Read(text);

            Assert.All(figures, f => Assert.True(f.Values.All(v => v >= 0) && (f.MonthNamed is null or (>= 1 and <= 12)), $"seed {seed}: {text}"));
        }
    }
}
