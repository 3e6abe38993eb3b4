using ExecReports.Core.Feedback;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reports;
using ExecReports.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Tests.Core.Reports;

// The cached set must not outlive an action item: its "Changed Since Last Month" lists them.
public sealed class ReportServiceActionItemTests
{
    private static readonly Period December = Period.Parse("2026-12");
    private static readonly FeedbackActor Editor = new("editor@example.com", ["Editor"]);

    [Fact]
    public async Task ACachedPreviewShowsAnActionItemOpenedAfterItWasGeneratedAndItsResolution()
    {
        using var samples = new SampleReports();
        var reports = samples.Services.GetRequiredService<ReportService>();
        var before = await reports.GetAsync(December);

        var opened = await WithActionsAsync(samples, a => a.OpenAsync(new NewActionItem("Chase the overdue invoice", "cfo", "2026-12", "jada") { Owner = "cfo" }, Editor, default));
        var afterOpen = await reports.GetAsync(December);
        await WithActionsAsync(samples, a => a.ChangeStatusAsync(opened.Id, ActionStatus.Done, Editor, "paid", default));
        var afterDone = await reports.GetAsync(December);
        var again = await reports.GetAsync(December);

        Assert.DoesNotContain("Action items:", Markdown(before), StringComparison.Ordinal);
        // Opened at the samples' clock, 2026-12-01: zero days old.
        Assert.Contains($"Open #{opened.Id}: Chase the overdue invoice — owner cfo, 0 days old", Markdown(afterOpen), StringComparison.Ordinal);
        Assert.Contains("Action items: 0 open, 1 resolved in 2026-12.", Markdown(afterDone), StringComparison.Ordinal);
        Assert.Contains($"Resolved #{opened.Id}: Chase the overdue invoice — done on 2026-12-01", Markdown(afterDone), StringComparison.Ordinal);
        Assert.NotEqual(before.Digest, afterOpen.Digest);
        Assert.NotEqual(afterOpen.Digest, afterDone.Digest);
        Assert.Same(afterDone, again);
    }

    private static string Markdown(ReportSet set) => set.For(ReportRole.Cfo)!.Rendered.Markdown;

    private static async Task<T> WithActionsAsync<T>(SampleReports samples, Func<ActionItems, Task<T>> use)
    {
        await using var scope = samples.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<ActionItems>());
    }
}
