using ExecReports.Core.Archive;
using ExecReports.Core.Data;
using ExecReports.Core.Feedback;
using ExecReports.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ExecReports.Tests.Core.Feedback;

// The app's side of feedback (notes, action items, the quarantine) through Core's real services, on both providers:
// every query the Feedback page and the Dashboard run is here.
public abstract class FeedbackStoreTests(TestDatabase database)
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly FeedbackActor Editor = new("editor@example.com", ["Editor"]);
    private static readonly FeedbackActor Viewer = new("viewer@example.com", ["Viewer"]);
    private static readonly FeedbackActor Admin = new("admin@example.com", ["Admin"]);

    [Fact]
    public async Task AnEditorAnnotatesAFigureAndTheNoteKeepsItsAuthorTimeReportPeriodAndAnchor()
    {
        await using var host = await StartAsync();

        var note = await host.With<Annotations, ReportAnnotation>(a => a.AddAsync(
            new NewAnnotation("cfo", "2026-11", "  Why is this so high?  ") { MetricId = "portfolio.net_burn", QuotedText = "Net burn: $2,874/mo" }, Editor, default));
        var stored = await host.DbAsync(db => db.Set<ReportAnnotation>().AsNoTracking().SingleAsync());

        Assert.Equal(note.Id, stored.Id);
        Assert.Equal(("cfo", "2026-11", "portfolio.net_burn", "Net burn: $2,874/mo"), (stored.Role, stored.Period, stored.MetricId, stored.QuotedText));
        Assert.Equal(("Why is this so high?", "editor@example.com", FeedbackSource.App, Start), (stored.Text, stored.Author, stored.Source, stored.At));
    }

    [Fact]
    public async Task RefusesAViewersNoteAndActionItemUnlessViewersMayComment()
    {
        await using var closed = await StartAsync();
        await using var open = await StartAsync(viewersMayComment: true);
        var request = new NewAnnotation("cfo", "2026-11", "A viewer's question") { Line = 12 };

        var refused = await Assert.ThrowsAsync<FeedbackDeniedException>(() => closed.With<Annotations, ReportAnnotation>(a => a.AddAsync(request, Viewer, default)));
        await Assert.ThrowsAsync<FeedbackDeniedException>(() => closed.With<ActionItems, ActionItem>(a => a.OpenAsync(new NewActionItem("Check", "cfo", "2026-11", null), Viewer, default)));
        var allowed = await open.With<Annotations, ReportAnnotation>(a => a.AddAsync(request, Viewer, default));

        Assert.Contains("Feedback:ViewersMayComment is false", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await closed.DbAsync(db => db.Set<ReportAnnotation>().CountAsync()));
        Assert.Equal(0, await closed.DbAsync(db => db.Set<ActionItem>().CountAsync()));
        Assert.Equal("viewer@example.com", allowed.Author);
    }

    [Fact]
    public async Task FiltersActionItemsByReportEntityOwnerAndStatus()
    {
        await using var host = await StartAsync();
        var jada = await OpenAsync(host, "Chase the Jada invoice", "cfo", "jada", "cfo");
        var yacht = await OpenAsync(host, "Yacht bookings dip", "ceo", "yacht", "owner@example.com");
        var done = await OpenAsync(host, "Explain the Jada churn", "cfo", "jada", "owner@example.com");
        await host.With<ActionItems, ActionResult>(a => a.ChangeStatusAsync(done, ActionStatus.Done, Editor, "explained", default));

        async Task<long[]> Ids(ActionItemQuery query) => [.. (await host.With<ActionItems, IReadOnlyList<ActionItem>>(a => a.ListAsync(query, default))).Select(i => i.Id)];

        Assert.Equal([done, yacht, jada], await Ids(new ActionItemQuery()));
        Assert.Equal([done, jada], await Ids(new ActionItemQuery(Role: "cfo")));
        Assert.Equal([done, jada], await Ids(new ActionItemQuery(Entity: "jada")));
        Assert.Equal([done, yacht], await Ids(new ActionItemQuery(Owner: "owner@example.com")));
        Assert.Equal([yacht, jada], await Ids(new ActionItemQuery(Status: ActionFilter.Open)));
        Assert.Equal([done], await Ids(new ActionItemQuery(Entity: "jada", Owner: "owner@example.com", Status: ActionFilter.Done)));
        Assert.Empty(await Ids(new ActionItemQuery(Role: "ceo", Entity: "jada")));
    }

    [Fact]
    public async Task CountsOpenAndOverdueItemsPerEntity()
    {
        await using var host = await StartAsync();
        // Today is 2026-12-01: due 11-30 is overdue, due 12-01 (today) is not, a closed overdue item counts for nothing.
        await OpenAsync(host, "a", "cfo", "jada", null, new DateOnly(2026, 11, 30));
        await OpenAsync(host, "b", "cfo", "jada", null, new DateOnly(2026, 12, 1));
        var started = await OpenAsync(host, "c", "cfo", "jada", null, new DateOnly(2026, 11, 2));
        await host.With<ActionItems, ActionResult>(a => a.ChangeStatusAsync(started, ActionStatus.InProgress, Editor, null, default));
        var closed = await OpenAsync(host, "d", "cfo", "yacht", null, new DateOnly(2026, 11, 1));
        await host.With<ActionItems, ActionResult>(a => a.ChangeStatusAsync(closed, ActionStatus.WontDo, Editor, null, default));
        await OpenAsync(host, "e", "ceo", "yacht", null, null);
        await OpenAsync(host, "f", "ceo", null, null, new DateOnly(2026, 10, 1));

        var counts = await host.With<ActionItems, IReadOnlyList<EntityActionCounts>>(a => a.OpenPerEntityAsync(new DateOnly(2026, 12, 1), default));

        Assert.Equal([new EntityActionCounts("jada", 3, 2), new EntityActionCounts("yacht", 1, 0), new EntityActionCounts(null, 1, 1)], counts);
    }

    [Fact]
    public async Task EveryChangeToAnItemIsOneLineOfHistoryAndMovesTheDataVersion()
    {
        await using var host = await StartAsync();
        var before = await host.With<ActionItems, (int, long)>(a => a.DataVersionAsync(default));
        var id = await OpenAsync(host, "Chase the invoice", "cfo", "jada", "cfo");
        var opened = await host.With<ActionItems, (int, long)>(a => a.DataVersionAsync(default));
        await host.With<ActionItems, ActionResult>(a => a.ChangeStatusAsync(id, ActionStatus.InProgress, Editor, null, default));
        var edited = await host.With<ActionItems, ActionResult>(a => a.EditAsync(id, new ActionItemEdit("owner@example.com", new DateOnly(2026, 12, 15), "jada"), Editor, default));
        var unchanged = await host.With<ActionItems, ActionResult>(a => a.EditAsync(id, new ActionItemEdit("owner@example.com", new DateOnly(2026, 12, 15), "jada"), Editor, default));
        await host.With<ActionItems, ActionResult>(a => a.ChangeStatusAsync(id, ActionStatus.Done, Editor, "paid", default));
        var last = await host.With<ActionItems, (int, long)>(a => a.DataVersionAsync(default));

        var history = await host.With<ActionItems, IReadOnlyList<ActionItemChange>>(a => a.HistoryAsync(id, default));

        Assert.Equal(["opened: Chase the invoice", "status: open → in progress", "owner: cfo → owner@example.com", "due: none → 2026-12-15", "status: in progress → done"],
            history.Select(c => c.Change));
        Assert.All(history, c => Assert.Equal("editor@example.com", c.By));
        Assert.Equal("paid", history[^1].Note);
        Assert.True(edited.Ok);
        Assert.False(unchanged.Ok);
        Assert.Equal((0, 0L), before);
        Assert.Equal(1, opened.Item1);
        Assert.Equal(5, last.Item1);
        Assert.True(last.Item2 > opened.Item2);
    }

    [Fact]
    public async Task AnAdminReleasesAQuarantinedReplyAsANoteOrDiscardsItAndNobodyElseMay()
    {
        await using var host = await StartAsync();
        var (stranger, unmatched) = await host.DbAsync(async db =>
        {
            var a = Quarantined("stranger@elsewhere.example", "cfo", "2026-11", "Please call me");
            var b = Quarantined("spam@elsewhere.example", null, null, "Buy now");
            db.AddRange(a, b);
            await db.SaveChangesAsync();
            return (a.Id, b.Id);
        });

        await Assert.ThrowsAsync<FeedbackDeniedException>(() => host.With<Annotations, QuarantineResult>(a => a.ReleaseAsync(stranger, Editor, default)));
        var cannot = await host.With<Annotations, QuarantineResult>(a => a.ReleaseAsync(unmatched, Admin, default));
        var released = await host.With<Annotations, QuarantineResult>(a => a.ReleaseAsync(stranger, Admin, default));
        var discarded = await host.With<Annotations, QuarantineResult>(a => a.DiscardAsync(unmatched, Admin, default));
        var again = await host.With<Annotations, QuarantineResult>(a => a.DiscardAsync(stranger, Admin, default));

        Assert.False(cannot.Ok);
        Assert.True(released.Ok);
        Assert.True(discarded.Ok);
        Assert.False(again.Ok);
        var note = await host.DbAsync(db => db.Set<ReportAnnotation>().AsNoTracking().SingleAsync());
        Assert.Equal(("cfo", "2026-11", "stranger@elsewhere.example", "Please call me", FeedbackSource.Email), (note.Role, note.Period, note.Author, note.Text, note.Source));
        var messages = await host.DbAsync(db => db.FeedbackMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync());
        Assert.Equal([MessageOutcome.Annotated, MessageOutcome.Discarded], messages.Select(m => m.Outcome));
        Assert.Equal(note.Id, messages[0].AnnotationId);
        Assert.Null(messages[1].Text);
        Assert.StartsWith("discarded by admin@example.com", messages[1].Reason, StringComparison.Ordinal);
        Assert.Empty(await host.With<Annotations, IReadOnlyList<FeedbackMessage>>(a => a.QuarantineAsync(default)));
    }

    [Fact]
    public async Task ANoteLinksToTheArchivedTextOfTheItemItAnsweredElseTheLatestArchiveOfItsReport()
    {
        await using var host = await StartAsync();
        await host.DbAsync(db =>
        {
            db.ArchiveIndex.AddRange(
                Archived("2026-12-01/cfo-report.txt", "cfo", "2026-11", 7),
                Archived("2026-12-01/cfo-report.html", "cfo", "2026-11", 7),
                Archived("2026-12-02/cfo-report.txt", "cfo", "2026-11", 9));
            return db.SaveChangesAsync();
        });
        var reply = new ReportAnnotation { Role = "cfo", Period = "2026-11", DispatchItemId = 7, Line = 4, Text = "x", Author = "a", Source = FeedbackSource.Email, At = Start };
        var app = new ReportAnnotation { Role = "cfo", Period = "2026-11", Line = 4, Text = "x", Author = "a", Source = FeedbackSource.App, At = Start };
        var none = new ReportAnnotation { Role = "ceo", Period = "2026-11", Line = 4, Text = "x", Author = "a", Source = FeedbackSource.App, At = Start };

        Assert.Equal("2026-12-01/cfo-report", await host.With<Annotations, string?>(a => a.ArchivedStemAsync(reply, default)));
        Assert.Equal("2026-12-02/cfo-report", await host.With<Annotations, string?>(a => a.ArchivedStemAsync(app, default)));
        Assert.Null(await host.With<Annotations, string?>(a => a.ArchivedStemAsync(none, default)));
    }

    private Task<CoreTestHost> StartAsync(bool viewersMayComment = false) =>
        CoreTestHost.StartAsync(Start, (b, _) => b.On(database).With("Feedback:ViewersMayComment", viewersMayComment ? "true" : "false"));

    private static async Task<long> OpenAsync(CoreTestHost host, string title, string role, string? entity, string? owner, DateOnly? due = null) =>
        (await host.With<ActionItems, ActionItem>(a => a.OpenAsync(new NewActionItem(title, role, "2026-11", entity) { Owner = owner, Due = due }, Editor, default))).Id;

    private static FeedbackMessage Quarantined(string from, string? role, string? period, string text) => new()
    {
        MessageId = $"<{from}>", SourceKey = $"test:{from}", From = from, Role = role, Period = period, Outcome = MessageOutcome.Quarantined,
        Reason = "the sender did not receive this report", Authentication = "spf=fail dkim=none dmarc=fail", Text = text, ReceivedAt = Start,
    };

    private static ArchiveIndexEntry Archived(string key, string role, string period, long item) => new()
    {
        Key = key, Date = DateOnly.Parse(key[..10], System.Globalization.CultureInfo.InvariantCulture), Role = role, Extension = key[(key.LastIndexOf('.') + 1)..],
        Period = period, Size = 1, Sha256 = "00", ItemId = item, IndexedAt = Start,
    };
}

public sealed class FeedbackStoreTestsOnSqlite() : FeedbackStoreTests(TestDatabase.Sqlite);

public sealed class FeedbackStoreTestsOnPostgres() : FeedbackStoreTests(TestDatabase.Postgres);
