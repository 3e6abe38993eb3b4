using ExecReports.Core.Archive;
using ExecReports.Core.Data;
using ExecReports.Core.Dispatch;
using ExecReports.Core.Configuration;
using ExecReports.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ExecReports.Tests.Core.Dispatch;

// The claim is the whole of the multi-node story: one conditional UPDATE on real SQLite and PostgreSQL, a lease, a clock.
public abstract class ItemClaimTests(TestDatabase database) : IAsyncLifetime
{
    private CoreTestHost _host = null!;

    private FakeTimeProvider Clock => _host.Clock;

    private ServiceProvider Services => _host.Services;

    public async Task InitializeAsync() =>
        _host = await CoreTestHost.StartAsync(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero), (builder, _) => builder.On(database));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AQueuedItemIsClaimedByOnlyOneOfTwoNodes()
    {
        var id = await AddItemAsync();

        Assert.True(await ClaimAsync(Node("a"), id));
        Assert.False(await ClaimAsync(Node("b"), id));

        var item = await LoadAsync(id);
        Assert.Equal((ItemStatus.Sending, "a", 1), (item.Status, item.LeaseOwner, item.Claims));
        Assert.Equal(Clock.GetUtcNow().AddSeconds(60), item.LeaseExpiresAt);
    }

    [Fact]
    public async Task AClaimedItemIsTakenOverOnlyAfterItsLeaseExpires()
    {
        var id = await AddItemAsync();
        Assert.True(await ClaimAsync(Node("a"), id));

        Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.False(await ClaimAsync(Node("b"), id));
        Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(await ClaimAsync(Node("b"), id));

        var item = await LoadAsync(id);
        Assert.Equal(("b", 2), (item.LeaseOwner, item.Claims));
    }

    [Theory]
    [InlineData(ItemStatus.Sent, FailureKind.None, true)]
    [InlineData(ItemStatus.Skipped, FailureKind.None, false)]
    [InlineData(ItemStatus.Failed, FailureKind.Permanent, false)]
    [InlineData(ItemStatus.Failed, FailureKind.Transient, false)]
    public async Task FinishedItemsAreNeverClaimed(ItemStatus status, FailureKind failure, bool mailedAndArchived)
    {
        var id = await AddItemAsync(i =>
        {
            i.Status = status;
            i.Failure = failure;
            i.MailedAt = mailedAndArchived ? Clock.GetUtcNow() : null;
            i.ArchivedAt = mailedAndArchived ? Clock.GetUtcNow() : null;
        });

        Assert.False(await ClaimAsync(Node("a"), id));
    }

    [Fact]
    public async Task AMailedItemWhoseArchiveFailedIsClaimableAgain()
    {
        var id = await AddItemAsync(i =>
        {
            i.Status = ItemStatus.Failed;
            i.Failure = FailureKind.Transient;
            i.MailedAt = Clock.GetUtcNow();
        });

        Assert.True(await ClaimAsync(Node("a"), id));
    }

    [Fact]
    public async Task ASaveByANodeWhoseLeaseWasTakenOverIsRefused()
    {
        var id = await AddItemAsync();
        Assert.True(await ClaimAsync(Node("a"), id));
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var stale = await db.DispatchItems.SingleAsync(i => i.Id == id);

        Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.True(await ClaimAsync(Node("b"), id));
        stale.Status = ItemStatus.Sent;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        Assert.Equal(("b", ItemStatus.Sending), ((await LoadAsync(id)).LeaseOwner, (await LoadAsync(id)).Status));
    }

    [Fact]
    public async Task ResumeTreatsARecordedDeliveryAsSentArchivesItAndDoesNotMailAgain()
    {
        var id = await AddItemAsync(i =>
        {
            i.Status = ItemStatus.Sending;
            i.LeaseOwner = "dead-node";
            i.LeaseExpiresAt = Clock.GetUtcNow().AddSeconds(-1);
            i.Attempts.Add(new DispatchAttempt
            {
                Step = AttemptStep.Mail, Number = 1, At = Clock.GetUtcNow().AddSeconds(-5), StatusCode = 250,
                Detail = "Ok", Failure = FailureKind.None, MessageId = i.MessageId, Node = "dead-node",
            });
        });

        var resumed = await Services.GetRequiredService<DispatchService>().ResumeAsync();

        Assert.Equal(ItemStatus.Sent, Assert.Single(resumed).Status);
        var outbox = Services.GetRequiredService<AppPaths>().Outbox;
        Assert.Empty(Directory.Exists(outbox) ? Directory.GetFiles(outbox) : []);
        var item = await LoadAsync(id);
        Assert.Equal(Clock.GetUtcNow().AddSeconds(-5), item.MailedAt);
        Assert.Equal("2026-12-01/cfo-report", item.ArchiveStem);
        Assert.NotNull(await Services.GetRequiredService<IArchiveStore>().GetAsync("2026-12-01/cfo-report.txt", CancellationToken.None));
    }

    [Fact]
    public async Task ResumeMailsAnAbandonedItemWithoutARecordedDeliveryUnderItsOriginalMessageId()
    {
        var id = await AddItemAsync(i =>
        {
            i.Status = ItemStatus.Sending;
            i.LeaseOwner = "dead-node";
            i.LeaseExpiresAt = Clock.GetUtcNow().AddSeconds(-1);
        });

        var resumed = await Services.GetRequiredService<DispatchService>().ResumeAsync();

        Assert.Equal(ItemStatus.Sent, Assert.Single(resumed).Status);
        var eml = Assert.Single(Directory.GetFiles(Services.GetRequiredService<AppPaths>().Outbox));
        Assert.Equal((await LoadAsync(id)).MessageId, MimeKit.MimeMessage.Load(eml).MessageId);
    }

    private ItemDispatcher Node(string id) =>
        ActivatorUtilities.CreateInstance<ItemDispatcher>(Services, Options.Create(new DispatchOptions { NodeId = id, LeaseSeconds = 60 }));

    private async Task<bool> ClaimAsync(ItemDispatcher node, long id)
    {
        await using var scope = Services.CreateAsyncScope();
        return await node.TryClaimAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), id, CancellationToken.None);
    }

    private async Task<DispatchItem> LoadAsync(long id)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().DispatchItems.AsNoTracking().SingleAsync(i => i.Id == id);
    }

    private async Task<long> AddItemAsync(Action<DispatchItem>? change = null)
    {
        var item = DispatchItemBuilder.Cfo();
        change?.Invoke(item);
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.DispatchBatches.Add(new DispatchBatch
        {
            Period = item.Period, Trigger = DispatchTrigger.Manual, RequestedBy = "test", CreatedAt = Clock.GetUtcNow(),
            ValidationSummary = "passed", Items = [item],
        });
        await db.SaveChangesAsync();
        return item.Id;
    }
}

public static class DispatchItemBuilder
{
    public static DispatchItem Cfo() => new()
    {
        Period = "2026-11",
        Role = "cfo",
        RoleTitle = "CFO",
        ToAddresses = "owner@example.com",
        BccAddresses = "audit@example.com",
        RecipientKey = "cfo|to:owner@example.com|bcc:audit@example.com",
        Subject = "CFO report — 2026-11",
        ContentDigest = "0000",
        TextBody = "Burn rate: $8,100\n",
        HtmlBody = "<p><b>Burn rate</b>: $8,100</p>\n",
        MarkdownBody = "**Burn rate**: $8,100\n",
        ReportJson = """{ "metadata": { "role": "cfo", "period": "2026-11" }, "dispatch": null }""",
        MessageId = $"{Guid.NewGuid():N}@example.com",
    };
}

public sealed class ItemClaimTestsOnSqlite() : ItemClaimTests(TestDatabase.Sqlite);

public sealed class ItemClaimTestsOnPostgres() : ItemClaimTests(TestDatabase.Postgres);
