using Bunit;
using ExecReports.Core.Archive;
using ExecReports.Core.Data;
using ExecReports.Core.Feedback;
using ExecReports.Core.Reports;
using ExecReports.Core.Validation;
using ExecReports.Tests.Support;
using ExecReports.Web.Components.Pages.Dashboard;
using ExecReports.Web.Components.Pages.Feedback;
using ExecReports.Web.Components.Pages.Reports;
using ExecReports.Web.Identity;
using ExecReports.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace ExecReports.Tests.Web.Feedback;

// The real pipeline behind the preview, the Feedback page and the Dashboard panel: notes and items land in the samples' database.
public class FeedbackUiTests : MudTestBase
{
    private static readonly FeedbackActor Editor = new("editor@example.com", [Roles.Editor]);

    [Fact]
    public async Task AnEditorAnnotatesAFigureOnTheCfoPreviewAndTurnsTheNoteIntoAnActionItemWithHistory()
    {
        using var samples = new SampleReports();
        await UseServicesOfAsync(samples, Roles.Editor);
        var cfo = (await samples.Services.GetRequiredService<ReportService>().GetAsync(SampleReports.November)).For(ReportRole.Cfo)!;
        var figure = cfo.Metrics.First(m => m.EntityId is not null);

        var page = Render<ReportPreview>(p => p.Add(x => x.PeriodText, "2026-11").Add(x => x.RoleId, "cfo"));
        page.WaitForElement("#annotation-panel");
        Tab(page, "Figures");
        page.Find($".metric[data-metric='{figure.Id}'] button.metric-annotate").Click();
        Assert.Contains(figure.Id, page.Find("#annotate-anchor").TextContent, StringComparison.Ordinal);
        page.Find("#annotation-panel textarea").Input("Why did this move so much?");
        page.Find("#annotate-save").Click();

        page.WaitForElement($".annotation[data-metric='{figure.Id}']");
        var note = await DbAsync(samples, db => db.Set<ReportAnnotation>().AsNoTracking().SingleAsync());
        Assert.Equal(("cfo", "2026-11", figure.Id, "editor@example.com", "Why did this move so much?"), (note.Role, note.Period, note.MetricId, note.Author, note.Text));
        Assert.Equal($"{figure.Label}: {figure.Display}", note.QuotedText);
        Assert.Null(note.Line);

        page.Find($".annotation[data-id='{note.Id}'] .annotation-to-action").Click();
        Assert.Equal("Why did this move so much?", page.Find(".action-form .action-form-title input").GetAttribute("value"));
        page.Find(".action-form button.action-form-save").Click();

        var card = page.WaitForElement(".action-item");
        var item = await DbAsync(samples, db => db.Set<ActionItem>().AsNoTracking().SingleAsync());
        Assert.Equal(("Why did this move so much?", ActionStatus.Open, "cfo", figure.EntityId, note.Id, FeedbackSource.App),
            (item.Title, item.Status, item.Owner, item.Entity, item.AnnotationId, item.Source));
        Assert.Equal((figure.EntityId, "cfo", "open"), (card.QuerySelector(".action-entity")!.TextContent, card.QuerySelector(".action-owner")!.TextContent, card.GetAttribute("data-status")));
        Assert.Empty(page.FindAll(".annotation-to-action"));

        page.Find(".action-item .action-set-status[data-status='in progress']").Click();
        page.WaitForAssertion(() => Assert.Equal("in progress", page.Find(".action-item").GetAttribute("data-status")));
        page.Find(".action-item .action-history-toggle").Click();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".action-history .action-change").Count));
        Assert.Equal(["opened: Why did this move so much?", "status: open → in progress"],
            page.FindAll(".action-history .action-change td:last-child").Select(td => td.TextContent));

        page.Find(".action-item .action-edit").Click();
        page.Find(".action-edit-form .action-edit-owner input").Change("owner@example.com");
        page.Find(".action-edit-form button.action-edit-save").Click();

        page.WaitForAssertion(() => Assert.Equal("owner@example.com", page.Find(".action-item .action-owner").TextContent));
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll(".action-history .action-change").Count));
        Assert.Equal("owner: cfo → owner@example.com", page.FindAll(".action-history .action-change td:last-child")[^1].TextContent);
        Assert.All(page.FindAll(".action-history .action-change td:nth-child(2)"), td => Assert.Equal("editor@example.com", td.TextContent));
    }

    [Fact]
    public async Task AViewerGetsNoAnnotateButtonsAndCoreRefusesTheirNoteByDefault()
    {
        using var samples = new SampleReports();
        await UseServicesOfAsync(samples, Roles.Viewer);

        var page = Render<ReportPreview>(p => p.Add(x => x.PeriodText, "2026-11").Add(x => x.RoleId, "cfo"));
        page.WaitForElement("#annotate-not-allowed");
        Tab(page, "Email (plain text)");
        Assert.NotEmpty(page.FindAll("#report-text .report-line"));
        Assert.Empty(page.FindAll("#report-text button.line-annotate"));
        Tab(page, "Figures");
        Assert.NotEmpty(page.FindAll(".metric"));
        Assert.Empty(page.FindAll(".metric-annotate"));
        Assert.Empty(page.FindAll("#annotate-save"));

        // What a crafted call past the page meets: the same rule, in Core.
        var access = Services.GetRequiredService<FeedbackAccess>();
        await Assert.ThrowsAsync<FeedbackDeniedException>(() => access.AnnotateAsync(new NewAnnotation("cfo", "2026-11", "sneaky") { Line = 1 }, new("viewer@example.com", [Roles.Viewer])));
        Assert.Equal(0, await DbAsync(samples, db => db.Set<ReportAnnotation>().CountAsync()));
    }

    [Fact]
    public async Task AViewerAnnotatesALineOfThePlainTextWhenViewersMayComment()
    {
        using var samples = SampleReports.With(b => b.With("Feedback:ViewersMayComment", "true"));
        await UseServicesOfAsync(samples, Roles.Viewer);
        var cfo = (await samples.Services.GetRequiredService<ReportService>().GetAsync(SampleReports.November)).For(ReportRole.Cfo)!;
        var lines = cfo.Email.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var burn = Array.FindIndex(lines, l => l.StartsWith("Net burn", StringComparison.Ordinal)) + 1;
        Assert.True(burn > 0, "the CFO plain text has no net-burn line");
        // The heading above it, counted by hand: the nearest underlined line before it.
        var heading = Enumerable.Range(1, burn - 2).Reverse().First(i => lines[i].Trim().Length >= 3 && lines[i].Trim().All(c => c is '=' or '-' or '~'));

        var page = Render<ReportPreview>(p => p.Add(x => x.PeriodText, "2026-11").Add(x => x.RoleId, "cfo"));
        page.WaitForElement("#annotation-panel");
        Tab(page, "Email (plain text)");
        page.Find($"#text-line-{burn} button.line-annotate").Click();
        page.Find("#annotation-panel textarea").Input("Is this the cash basis?");
        page.Find("#annotate-save").Click();

        page.WaitForElement($".annotation[data-line='{burn}']");
        var note = await DbAsync(samples, db => db.Set<ReportAnnotation>().AsNoTracking().SingleAsync());
        Assert.Equal((burn, lines[heading - 1].Trim(), lines[burn - 1].Trim(), "viewer@example.com"), (note.Line, note.Section, note.QuotedText, note.Author));
        Tab(page, "Email (plain text)");
        Assert.Contains("line-annotated", page.Find($"#text-line-{burn}").ClassList);
    }

    [Fact]
    public async Task TheFeedbackPageFiltersByReportEntityOwnerAndStatusAndLinksToTheArchivedLine()
    {
        using var samples = new SampleReports();
        await UseServicesOfAsync(samples, Roles.Editor);
        var note = await WithAsync<Annotations, ReportAnnotation>(samples, a => a.AddAsync(new NewAnnotation("cfo", "2026-11", "Check the burn") { Line = 12 }, Editor, default));
        var jada = await OpenAsync(samples, "Chase the Jada invoice", "cfo", "jada", "cfo", note.Id);
        var yacht = await OpenAsync(samples, "Yacht bookings", "ceo", "yacht", "owner@example.com", null);
        var closed = await OpenAsync(samples, "Old Jada question", "cfo", "jada", "owner@example.com", null);
        await WithAsync<ActionItems, ActionResult>(samples, a => a.ChangeStatusAsync(closed, ActionStatus.Done, Editor, null, default));
        await DbAsync(samples, db =>
        {
            db.ArchiveIndex.Add(new ArchiveIndexEntry
            {
                Key = "2026-12-01/cfo-report.txt", Date = new DateOnly(2026, 12, 1), Role = "cfo", Extension = "txt", Period = "2026-11", Size = 1, Sha256 = "00",
                IndexedAt = SampleReports.Now,
            });
            return db.SaveChangesAsync();
        });

        var page = Render<FeedbackPage>();

        page.WaitForElement("#feedback-actions");
        Assert.Equal([yacht, jada], Ids(page));
        Assert.Equal("/archive?stem=2026-12-01%2Fcfo-report&line=12", page.Find($".action-archive-link[data-action='{jada}']").GetAttribute("href"));
        await Choose<ActionFilter>(page, "filter-status", ActionFilter.All);
        Assert.Equal([closed, yacht, jada], Ids(page));
        await Choose<string>(page, "filter-entity", "jada");
        Assert.Equal([closed, jada], Ids(page));
        await Choose<string>(page, "filter-owner", "owner@example.com");
        Assert.Equal([closed], Ids(page));
        await Choose<string>(page, "filter-owner", null);
        await Choose<string>(page, "filter-entity", null);
        await Choose<string>(page, "filter-report", "ceo");
        Assert.Equal([yacht], Ids(page));
        Assert.Empty(page.FindAll("#feedback-notes .annotation"));
        await Choose<string>(page, "filter-report", "cfo");

        Tab(page, "Notes");
        Assert.Equal("/archive?stem=2026-12-01%2Fcfo-report&line=12", page.Find($".annotation[data-id='{note.Id}'] .annotation-archive-link").GetAttribute("href"));
        Assert.DoesNotContain(page.FindAll(".mud-tab"), t => t.TextContent.StartsWith("Quarantine", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAdminSeesAQuarantinedRepliesAuthenticationResultsAndReleasesIt()
    {
        using var samples = new SampleReports();
        await UseServicesOfAsync(samples, Roles.Admin);
        await DbAsync(samples, db =>
        {
            db.FeedbackMessages.Add(new FeedbackMessage
            {
                MessageId = "<x@elsewhere>", SourceKey = "test:x", From = "stranger@elsewhere.example", Role = "cfo", Period = "2026-11", Outcome = MessageOutcome.Quarantined,
                Reason = "the sender did not receive this report (not among its To or Bcc)", Authentication = "spf=fail dkim=none dmarc=fail", Text = "Call me", ReceivedAt = SampleReports.Now,
            });
            return db.SaveChangesAsync();
        });

        var page = Render<FeedbackPage>();
        page.WaitForElement("#feedback-actions");
        Tab(page, "Quarantine");
        var row = page.Find("#feedback-quarantine .quarantined");
        Assert.Equal("stranger@elsewhere.example", row.QuerySelector(".quarantine-from")!.TextContent);
        Assert.Equal("spf=fail dkim=none dmarc=fail", row.QuerySelector(".quarantine-auth")!.TextContent);
        row.QuerySelector("button.quarantine-release")!.Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#feedback-quarantine .quarantined")));
        var note = await DbAsync(samples, db => db.Set<ReportAnnotation>().AsNoTracking().SingleAsync());
        Assert.Equal(("stranger@elsewhere.example", "Call me", FeedbackSource.Email), (note.Author, note.Text, note.Source));
    }

    [Fact]
    public async Task TheDashboardPanelCountsOpenAndOverdueItemsPerEntity()
    {
        using var samples = new SampleReports();
        await UseServicesOfAsync(samples, Roles.Viewer);
        // The samples' clock stands at 2026-12-01: due 11-30 is overdue, due 12-01 is not yet.
        await OpenAsync(samples, "a", "cfo", "jada", null, null, new DateOnly(2026, 11, 30));
        await OpenAsync(samples, "b", "cfo", "jada", null, null, new DateOnly(2026, 12, 1));
        var closed = await OpenAsync(samples, "c", "cfo", "yacht", null, null, new DateOnly(2026, 11, 1));
        await WithAsync<ActionItems, ActionResult>(samples, a => a.ChangeStatusAsync(closed, ActionStatus.Done, Editor, null, default));
        await OpenAsync(samples, "d", "ceo", "yacht", null, null);

        var panel = Render<ActionItemsPanel>();

        var rows = panel.WaitForElements(".action-entity-row");
        Assert.Equal([("jada", "2", "1"), ("yacht", "1", "0")],
            rows.Select(r => (r.GetAttribute("data-entity")!, r.QuerySelector(".action-open")!.TextContent, r.QuerySelector(".action-overdue")!.TextContent)));
    }

    [Fact]
    public async Task TheDashboardPanelIsAbsentWithoutOpenItems()
    {
        using var samples = new SampleReports();
        await UseServicesOfAsync(samples, Roles.Viewer);

        var panel = Render<ActionItemsPanel>();

        panel.WaitForAssertion(() => Assert.Empty(panel.FindAll("#action-items-panel")));
        Assert.Equal("", panel.Markup.Trim());
    }

    private static void Tab<T>(IRenderedComponent<T> page, string text) where T : IComponent =>
        page.FindAll(".mud-tab").Single(t => t.TextContent.Trim().StartsWith(text, StringComparison.Ordinal)).Click();

    private static long[] Ids(IRenderedComponent<FeedbackPage> page) =>
        [.. page.FindAll("#feedback-actions .action-item").Select(e => long.Parse(e.GetAttribute("data-id")!, System.Globalization.CultureInfo.InvariantCulture))];

    private static async Task Choose<T>(IRenderedComponent<FeedbackPage> page, string id, T? value)
    {
        var select = page.FindComponents<MudSelect<T>>().Single(s => Equals(s.Instance.UserAttributes.GetValueOrDefault("id"), id));
        await page.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value!));
    }

    private static Task<long> OpenAsync(SampleReports samples, string title, string role, string entity, string? owner, long? annotation, DateOnly? due = null) =>
        WithAsync<ActionItems, long>(samples, async a => (await a.OpenAsync(new NewActionItem(title, role, "2026-11", entity) { Owner = owner, Due = due, AnnotationId = annotation }, Editor, default)).Id);

    private static async Task<TResult> WithAsync<TService, TResult>(SampleReports samples, Func<TService, Task<TResult>> use) where TService : notnull
    {
        await using var scope = samples.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private static Task<T> DbAsync<T>(SampleReports samples, Func<AppDbContext, Task<T>> use) => WithAsync(samples, use);

    private async Task UseServicesOfAsync(SampleReports samples, string role)
    {
        var reports = samples.Services.GetRequiredService<ReportService>();
        Services.AddSingleton(reports);
        Services.AddSingleton(samples.Services.GetRequiredService<TimeProvider>());
        Services.AddSingleton(new ReportValidation(reports, samples.Services.GetRequiredService<ValidationGate>()));
        Services.AddSingleton(ActivatorUtilities.CreateInstance<FeedbackAccess>(samples.Services));
        Services.AddFallbackServiceProvider(samples.Services);
        await TestAccount.SignInAsync(this, role);
    }
}
