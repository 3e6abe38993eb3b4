using ExecReports.Core.Primitives;

namespace ExecReports.Tests.Core.Primitives;

public sealed class SideBySideTests
{
    [Fact]
    public void EveryPieceRunsOnceAndEachResultKeepsItsPlace()
    {
        var runs = new int[500];

        var results = SideBySide.Map(Enumerable.Range(0, 500).ToList(), i =>
        {
            Interlocked.Increment(ref runs[i]);
            return i * 2;
        });

        Assert.All(runs, r => Assert.Equal(1, r));
        Assert.Equal(Enumerable.Range(0, 500).Select(i => i * 2), results);
    }

    [Fact]
    public void TheFirstFailingPieceIsThrownAsItselfAndTheOthersStillRun()
    {
        var ran = 0;

        var thrown = Assert.Throws<InvalidOperationException>(() => SideBySide.Run(8, i =>
        {
            Interlocked.Increment(ref ran);
            if (i is 3 or 6)
            {
                throw new InvalidOperationException($"piece {i}");
            }
        }));

        Assert.Equal("piece 3", thrown.Message);
        Assert.Equal(8, ran);
    }
}
