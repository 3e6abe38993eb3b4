using ExecReports.Core.Alerts;
using ExecReports.Core.Dispatch;
using ExecReports.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Tests.Integration.Dispatch;

public sealed class DispatchS3Tests : IAsyncLifetime
{
    private readonly S3rverFixture _s3 = new();
    private DispatchHarness _h = null!;

    public async Task InitializeAsync()
    {
        await _s3.InitializeAsync();
        _h = await DispatchHarness.StartAsync(b => _s3.ArchiveOn(b));
    }

    public async Task DisposeAsync()
    {
        await _h.DisposeAsync();
        await _s3.DisposeAsync();
    }

    [Fact]
    public async Task ReportsMailedWhileS3IsDownAreArchivedOnResumeAndNotMailedAgain()
    {
        await _s3.StopAsync();

        var result = await _h.Dispatch.DispatchAsync(DispatchHarness.November, DispatchTrigger.Manual, "editor@example.com");

        Assert.All(result.Items, i => Assert.Equal((ItemStatus.Failed, FailureKind.Transient), (i.Status, i.Failure)));
        Assert.All(result.Items, i => Assert.Contains("mailed but not archived", i.Detail));
        Assert.All(_h.ReceivedPerSubject().Values, count => Assert.Equal(1, count));
        Assert.Equal(result.Items.Count, (await _h.Services.GetRequiredService<AlertService>().OpenAsync()).Count);
        Assert.All((await _h.Dispatch.PlanAsync(DispatchHarness.November)).Items, p => Assert.Equal(PlannedAction.Unchanged, p.Action));

        await _s3.StartAsync();
        var resumed = await _h.Dispatch.ResumeAsync();

        Assert.Equal(result.Items.Count, resumed.Count);
        Assert.All(resumed, i => Assert.Equal(ItemStatus.Sent, i.Status));
        Assert.Equal(result.Items.Count, _h.ReceivedPerSubject().Count);
        Assert.All(_h.ReceivedPerSubject().Values, count => Assert.Equal(1, count));
        Assert.Empty(await _h.Services.GetRequiredService<AlertService>().OpenAsync());
        foreach (var item in await _h.ItemsAsync())
        {
            Assert.Equal(System.Text.Encoding.UTF8.GetBytes(item.HtmlBody), await _h.Archive.GetAsync(item.ArchiveStem + ".html", CancellationToken.None));
            Assert.Contains(item.Attempts, a => a.Step == AttemptStep.Archive && a.Failure == FailureKind.Transient);
        }

        Assert.Equal(result.Items.Count * 4, await _h.DbAsync(db => db.ArchiveIndex.CountAsync()));
    }
}
