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
}
