using ExecReports.Core.Data;
using ExecReports.Core.Feedback;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reports;
using ExecReports.Tests.Integration.Dispatch;
using ExecReports.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace ExecReports.Tests.Integration.Feedback;

// The whole loop against real servers on 127.0.0.1: a period is mailed through SMTP, replies land in a real dovecot
// mailbox, a poll turns them into annotations and action items, and next month's CFO report shows the outcome.
public sealed class FeedbackImapTests : IAsyncLifetime
{
    private readonly DovecotFixture _imap = new();
    private DispatchHarness _h = null!;

    public async Task InitializeAsync()
    {
        await _imap.InitializeAsync();
        _h = await DispatchHarness.StartAsync(b =>
        {
            b.With("Feedback:ReplyAddress", "reports@example.com");
            foreach (var (key, value) in _imap.Settings())
            {
                b.With(key, value);
            }
        });
    }

    public async Task DisposeAsync()
    {
        await _h.DisposeAsync();
        await _imap.DisposeAsync();
    }

    [Fact]
    public async Task RepliesBecomeAnchoredAnnotationsAndActionItemsAndStrangersAreQuarantined()
    {
        await _h.Dispatch.DispatchAsync(DispatchHarness.November, ExecReports.Core.Dispatch.DispatchTrigger.Manual, "editor@example.com");
        var report = _h.Smtp.Received.Select(m => m.Parse()).Single(m => m.Subject == "CFO report — 2026-11");
        var replyTo = Assert.Single(report.ReplyTo.Mailboxes);
        Assert.Equal($"reports+{ReplyToken.For(report.MessageId!)}@example.com", replyTo.Address);

        // The line quoted is the burn-rate paragraph; its line number is counted by hand from the archived text.
        var lines = report.TextBody!.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var burnLine = Array.FindIndex(lines, l => l.StartsWith("Net burn (trailing three months", StringComparison.Ordinal));
        Assert.True(burnLine > 0, "the CFO report has no burn-rate line to quote");

        await _imap.DeliverAsync(Reply(report, "owner@example.com", $"Why did burn go up this much?\n\nOn Tue, Dec 1, 2026 at 09:00, Reports <reports@example.com> wrote:\n> {lines[burnLine]}\n> \n"));
        var first = await PollAsync();

        var annotated = Assert.Single(first.Messages);
        Assert.Equal(MessageOutcome.Annotated, annotated.Outcome);
        Assert.Equal(("cfo", "2026-11", "owner@example.com"), (annotated.Report, annotated.Period, annotated.From));
        var note = await _h.DbAsync(db => db.Annotations.AsNoTracking().SingleAsync());
        Assert.Equal("Why did burn go up this much?", note.Text);
        Assert.Equal(burnLine + 1, note.Line);
        Assert.Equal("Burn Rate", note.Section);
        Assert.Equal(FeedbackSource.Email, note.Source);
        Assert.Equal((1, 0), await _imap.CountAsync());

        // Only the Reply-To token this time (no In-Reply-To): a client that drops the headers still finds the report.
        var action = Reply(report, "owner@example.com", "ACTION: Explain the November burn increase to the board\nI need this before the meeting.");
        action.InReplyTo = null;
        action.References.Clear();
        await _imap.DeliverAsync(action);
        var second = await PollAsync();
        Assert.Equal(MessageOutcome.Action, Assert.Single(second.Messages).Outcome);
        var item = await _h.DbAsync(db => db.ActionItems.AsNoTracking().SingleAsync());
        Assert.Equal(("Explain the November burn increase to the board", ActionStatus.Open, "owner@example.com", "cfo"), (item.Title, item.Status, item.Owner, item.Role));

        await _imap.DeliverAsync(Reply(report, "audit@example.com", $"Checked the bank feed. DONE #{item.Id}"));
        var stranger = Reply(report, "mallory@evil.example", "Please wire the money to account 123.");
        stranger.Headers.Add("Authentication-Results", "mx.example.com; spf=fail smtp.mailfrom=evil.example; dkim=none; dmarc=fail header.from=evil.example");
        await _imap.DeliverAsync(stranger);
        var third = await PollAsync();

        Assert.Equal([MessageOutcome.Resolved, MessageOutcome.Quarantined], third.Messages.Select(m => m.Outcome));
        var quarantined = await _h.DbAsync(db => db.FeedbackMessages.AsNoTracking().SingleAsync(m => m.Outcome == MessageOutcome.Quarantined));
        Assert.Equal("mallory@evil.example", quarantined.From);
        Assert.Equal("spf=fail dkim=none dmarc=fail", quarantined.Authentication);
        Assert.Contains("did not receive this report", quarantined.Reason);
        Assert.Equal(1, await _h.DbAsync(db => db.Annotations.CountAsync(a => a.Author == "audit@example.com")));
        Assert.Equal(0, await _h.DbAsync(db => db.Annotations.CountAsync(a => a.Author == "mallory@evil.example")));
        var done = await _h.DbAsync(db => db.ActionItems.AsNoTracking().Include(a => a.History).SingleAsync());
        Assert.Equal(ActionStatus.Done, done.Status);
        Assert.Equal(["opened: Explain the November burn increase to the board", "status: open → done"], done.History.OrderBy(c => c.Id).Select(c => c.Change));

        // Nothing is taken twice: the mailbox has no unseen message left, and the same message delivered again is a duplicate.
        Assert.Empty((await PollAsync()).Messages);
        await _imap.DeliverAsync(stranger);
        Assert.Equal(MessageOutcome.Duplicate, Assert.Single((await PollAsync()).Messages).Outcome);
        Assert.Equal(0, (await _imap.CountAsync()).Unseen);

        // The next month's CFO report closes the loop.
        await using var scope = _h.Services.CreateAsyncScope();
        var december = await scope.ServiceProvider.GetRequiredService<ReportService>().GetAsync(new Period(2026, 12));
        var cfo = december.Reports.Single(r => r.Role.Id == "cfo").Rendered.Markdown;
        Assert.Contains($"- Resolved #{item.Id}: Explain the November burn increase to the board — done on {DateTime.UtcNow:yyyy-MM-dd}", cfo);
        Assert.Contains("Action items: 0 open, 1 resolved in 2026-12.", cfo);
    }

    private async Task<PollReport> PollAsync()
    {
        await using var scope = _h.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<FeedbackPoller>().PollAsync(CancellationToken.None);
        Assert.Empty(report.Failures);
        return report;
    }

    private static MimeMessage Reply(MimeMessage report, string from, string text)
    {
        var reply = new MimeMessage { Subject = "Re: " + report.Subject, MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("mail.example.com") };
        reply.From.Add(MailboxAddress.Parse(from));
        reply.To.AddRange(report.ReplyTo.Mailboxes);
        reply.InReplyTo = report.MessageId;
        reply.References.Add(report.MessageId!);
        reply.Body = new TextPart("plain") { Text = text };
        return reply;
    }
}
