using ExecReports.Core.Ingestion;

namespace ExecReports.Tests.Core.Ingestion;

public class ParseBudgetTests
{
    [Fact]
    public void WorkThatNeverFinishesGivesTheTimeoutResultAndIsCancelled()
    {
        using var cancelled = new ManualResetEventSlim();
        using var never = new ManualResetEventSlim();

        var result = ParseBudget.Run(TimeSpan.FromMilliseconds(20), cancel =>
        {
            using var _ = cancel.Register(cancelled.Set);
            never.Wait(cancel);
            return "finished";
        }, () => "timed out");

        Assert.Equal("timed out", result);
        Assert.True(cancelled.Wait(TimeSpan.FromSeconds(30)), "the abandoned work was never cancelled");
    }

    [Fact]
    public void WorkWithinItsBudgetGivesItsOwnResult()
    {
        Assert.Equal(42, ParseBudget.Run(TimeSpan.FromSeconds(30), _ => 42, () => -1));
    }

    [Fact]
    public void AnExceptionInTheWorkReachesTheCallerAsItself()
    {
        var error = Assert.Throws<InvalidDataException>(() =>
            ParseBudget.Run<int>(TimeSpan.FromSeconds(30), _ => throw new InvalidDataException("bad front matter"), () => -1));

        Assert.Equal("bad front matter", error.Message);
    }

    [Fact]
    public void TheNextParseRunsWhileAnOverrunningOneStillHoldsItsThread()
    {
        using var release = new ManualResetEventSlim();
        var stuckThread = 0;
        Assert.Equal("timed out", ParseBudget.Run(TimeSpan.FromMilliseconds(20), _ =>
        {
            stuckThread = Environment.CurrentManagedThreadId;
            release.Wait(CancellationToken.None);
            return "late";
        }, () => "timed out"));

        try
        {
            // The abandoned job is still blocked: the next one must get a thread of its own, not queue behind it.
            var next = ParseBudget.Run(TimeSpan.FromSeconds(30), _ => Environment.CurrentManagedThreadId, () => -1);
            Assert.NotEqual(-1, next);
            Assert.NotEqual(stuckThread, next);
        }
        finally
        {
            release.Set();
        }
    }

    [Fact]
    public void SuccessiveParsesReuseAFewThreadsRatherThanOneEach()
    {
        var threads = new HashSet<int>();
        for (var i = 0; i < 200; i++)
        {
            threads.Add(ParseBudget.Run(TimeSpan.FromSeconds(30), _ => Environment.CurrentManagedThreadId, () => -1));
        }

        Assert.DoesNotContain(-1, threads);
        // Other tests run parses at the same time, so a handful of workers is fine; one thread per parse is not.
        Assert.True(threads.Count <= 20, $"{threads.Count} threads for 200 parses");
    }
}
