using System.Security.Cryptography;
using System.Text;
using ExecReports.Core.Alerts;
using ExecReports.Core.Archive;
using ExecReports.Core.Dispatch;
using ExecReports.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Tests.Integration.Dispatch;

public abstract class DispatchTests(TestDatabase database) : IAsyncLifetime
{
    // Whatever the engine generates today: every report of the period is dispatched.
    private string[] Roles => _h.Services.GetRequiredService<ExecReports.Core.Reports.ReportEngine>().Roles.Select(r => r.Id).ToArray();

    private DispatchHarness _h = null!;

    public async Task InitializeAsync() => _h = await DispatchHarness.StartAsync(database: database);

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task SendsEachReportOnceToToAndBccByTheEnvelopeWithoutABccHeader()
    {
        var result = await _h.Dispatch.DispatchAsync(DispatchHarness.November, DispatchTrigger.Manual, "editor@example.com");

        Assert.False(result.AnyFailed, string.Join("; ", result.Items.Select(i => i.Detail)));
        Assert.Equal(Roles, result.Items.Select(i => i.Role));
        Assert.All(result.Items, i => Assert.Equal(ItemStatus.Sent, i.Status));
        Assert.Equal(Roles.Length, _h.ReceivedPerSubject().Count);
        Assert.All(_h.ReceivedPerSubject().Values, count => Assert.Equal(1, count));

        var ceo = _h.Smtp.Received.Single(m => m.Parse().Subject == "CEO report — 2026-11");
        Assert.Equal(["audit@example.com", "ceo@example.com"], ceo.RcptTo.Order(StringComparer.Ordinal));
        var parsed = ceo.Parse();
        Assert.Equal("ceo@example.com", parsed.To.Mailboxes.Single().Address);
        Assert.DoesNotContain(parsed.Headers, h => h.Field.Equals("Bcc", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(result.Items[0].MessageId, parsed.MessageId);

        var items = await _h.ItemsAsync();
        Assert.All(items, i => Assert.Equal([AttemptStep.Mail, AttemptStep.Archive], i.Attempts.OrderBy(a => a.Id).Select(a => a.Step)));
        Assert.All(items, i => Assert.Null(i.LeaseOwner));
        var batch = await _h.DbAsync(db => db.DispatchBatches.SingleAsync());
        Assert.Equal((DispatchTrigger.Manual, "editor@example.com", false), (batch.Trigger, batch.RequestedBy, batch.IsResend));
    }

    [Fact]
    public async Task TwoDispatchesOfTheSamePeriodAtOnceSendEachReportOnce()
    {
        var results = await Task.WhenAll(
            Task.Run(() => _h.Dispatch.DispatchAsync(DispatchHarness.November, DispatchTrigger.Manual, "editor@example.com")),
            Task.Run(() => _h.Dispatch.DispatchAsync(DispatchHarness.November, DispatchTrigger.Schedule, "schedule")));

        Assert.Equal(Roles.Length, _h.ReceivedPerSubject().Count);
        Assert.All(_h.ReceivedPerSubject().Values, count => Assert.Equal(1, count));
        Assert.Equal(Roles.Length, results.Sum(r => r.Items.Count(i => i.Status == ItemStatus.Sent)));
    }

    [Fact]
    public async Task ThrottlingRepliesAreRetriedAndEveryReportArrivesExactlyOnce()
    {
        _h.Smtp.FailNext(3, SmtpFault.Throttle454);

        var result = await _h.Dispatch.DispatchAsync(DispatchHarness.November, DispatchTrigger.Manual, "editor@example.com");

        Assert.All(result.Items, i => Assert.Equal(ItemStatus.Sent, i.Status));
        Assert.Equal(Roles.Length, _h.ReceivedPerSubject().Count);
        Assert.All(_h.ReceivedPerSubject().Values, count => Assert.Equal(1, count));
        Assert.Equal(Roles.Length + 3, _h.Smtp.DataCommands);
        var attempts = (await _h.ItemsAsync()).SelectMany(i => i.Attempts).Where(a => a.Step == AttemptStep.Mail).ToList();
        Assert.Equal(3, attempts.Count(a => a.StatusCode == 454 && a.Failure == FailureKind.Transient));
        Assert.Equal(Roles.Length, attempts.Count(a => a.StatusCode == 250 && a.Succeeded));
    }

    [Fact]
    public async Task APermanentRejectionFailsAtOnceIsAlertedAndIsNotRetried()
    {
        _h.Smtp.FailNext(1, SmtpFault.Reject554);

        var result = await _h.Dispatch.DispatchAsync(DispatchHarness.November, DispatchTrigger.Manual, "editor@example.com");

        Assert.True(result.AnyFailed);
        var ceo = result.Items.Single(i => i.Role == "ceo");
        Assert.Equal((ItemStatus.Failed, FailureKind.Permanent), (ceo.Status, ceo.Failure));
        Assert.Contains("verify the recipient or leave the SES sandbox", ceo.Detail);
        Assert.All(result.Items.Where(i => i.Role != "ceo"), i => Assert.Equal(ItemStatus.Sent, i.Status));

        var ceoItem = (await _h.ItemsAsync()).Single(i => i.Role == "ceo");
        Assert.Equal([554], ceoItem.Attempts.Select(a => a.StatusCode));
        Assert.Null(ceoItem.ArchivedAt);

        var alert = Assert.Single(await _h.Services.GetRequiredService<AlertService>().OpenAsync());
        Assert.Equal((ceoItem.Id, true), (alert.ItemId, alert.Mailed));
        var alertMail = Assert.Single(_h.Smtp.Received, m => (m.Parse().Subject ?? "").StartsWith("[ExecReports]", StringComparison.Ordinal));
        Assert.Equal(["audit@example.com"], alertMail.RcptTo);
        Assert.Contains("CEO report — 2026-11", alertMail.Parse().Subject);
        Assert.Contains("554", alertMail.Parse().TextBody);

        // Nothing resumes a permanent failure: it waits for a person to resend.
        Assert.Empty(await _h.Dispatch.ResumeAsync());
        Assert.Equal(Roles.Length - 1, _h.ReceivedPerSubject().Count);
    }

    [Fact]
    public async Task ThrottlingBeyondTheLastRetryFailsTheItemLoudly()
    {
        _h.Smtp.FailNext(4, SmtpFault.Throttle454);

        var result = await _h.Dispatch.DispatchAsync(DispatchHarness.November, DispatchTrigger.Manual, "editor@example.com");

        var ceo = result.Items.Single(i => i.Role == "ceo");
        Assert.Equal((ItemStatus.Failed, FailureKind.Transient), (ceo.Status, ceo.Failure));
        Assert.Contains("not delivered after 4 attempt(s)", ceo.Detail);
        var alert = Assert.Single(await _h.Services.GetRequiredService<AlertService>().OpenAsync());
        Assert.True(alert.Mailed);
        Assert.Single(_h.Smtp.Received, m => m.RcptTo.SequenceEqual(["audit@example.com"]) && (m.Parse().Subject ?? "").StartsWith("[ExecReports]", StringComparison.Ordinal));
        Assert.False(_h.ReceivedPerSubject().ContainsKey("CEO report — 2026-11"));
    }

    [Fact]
    public async Task ASecondDispatchSendsNothingAndAResendSendsAgainAndSaysSo()
    {
        var first = await _h.Dispatch.DispatchAsync(DispatchHarness.November, DispatchTrigger.Manual, "editor@example.com");

        var plan = await _h.Dispatch.PlanAsync(DispatchHarness.November);
        Assert.All(plan.Items, i => Assert.Equal((PlannedAction.Unchanged, first.BatchId), (i.Action, i.ExistingBatchId)));
        var second = await _h.Dispatch.DispatchAsync(DispatchHarness.November, DispatchTrigger.Cli, "ops");
        Assert.All(second.Items, i => Assert.Equal(ItemStatus.Unchanged, i.Status));
        Assert.All(second.Items, i => Assert.Equal($"unchanged since batch {first.BatchId}", i.Detail));
        Assert.Equal("nothing sent: 8 unchanged", second.Outcome);
        Assert.All(_h.ReceivedPerSubject().Values, count => Assert.Equal(1, count));

        var resend = await _h.Dispatch.DispatchAsync(DispatchHarness.November, DispatchTrigger.Manual, "editor@example.com", resend: true);
        Assert.All(resend.Items, i => Assert.Equal(ItemStatus.Sent, i.Status));
        Assert.All(_h.ReceivedPerSubject().Values, count => Assert.Equal(2, count));
        var batch = await _h.DbAsync(db => db.DispatchBatches.SingleAsync(b => b.Id == resend.BatchId));
        Assert.True(batch.IsResend);

        var again = await _h.Dispatch.ResendAsync(first.BatchId!.Value, first.Items.Single(i => i.Role == "cfo").ItemId, DispatchTrigger.Manual, "admin@example.com");
        Assert.Equal(("cfo", ItemStatus.Sent), (Assert.Single(again.Items).Role, again.Items[0].Status));
        var item = await _h.DbAsync(db => db.DispatchItems.Include(i => i.Batch).SingleAsync(i => i.Id == again.Items[0].ItemId));
        Assert.Equal((first.Items.Single(i => i.Role == "cfo").ItemId, first.BatchId, true), (item.ResendOfItemId, item.Batch!.ResendOfBatchId, item.Batch.IsResend));
        Assert.NotEqual(first.Items.Single(i => i.Role == "cfo").MessageId, item.MessageId);
        Assert.Equal(3, _h.ReceivedPerSubject()["CFO report — 2026-11"]);
    }

    [Fact]
    public async Task TheArchiveReadsBackExactlyWhatWasSent()
    {
        var result = await _h.Dispatch.DispatchAsync(DispatchHarness.November, DispatchTrigger.Manual, "editor@example.com");

        var item = (await _h.ItemsAsync()).Single(i => i.Role == "cfo");
        var stem = $"{item.MailedAt!.Value.UtcDateTime:yyyy-MM-dd}/cfo-report";
        Assert.Equal(stem, item.ArchiveStem);
        var text = await _h.Archive.GetAsync(stem + ".txt", CancellationToken.None);
        var html = await _h.Archive.GetAsync(stem + ".html", CancellationToken.None);
        var md = await _h.Archive.GetAsync(stem + ".md", CancellationToken.None);
        Assert.Equal(Encoding.UTF8.GetBytes(item.TextBody), text);
        Assert.Equal(Encoding.UTF8.GetBytes(item.HtmlBody), html);
        Assert.Equal(Encoding.UTF8.GetBytes(item.MarkdownBody), md);

        // The wire format turns line ends into CRLF; apart from that the received bodies are the archived bytes.
        var received = _h.Smtp.Received.Single(m => m.Parse().Subject == "CFO report — 2026-11").Parse();
        Assert.Equal(Encoding.UTF8.GetString(text!), received.TextBody!.ReplaceLineEndings("\n"));
        Assert.Equal(Encoding.UTF8.GetString(html!), received.HtmlBody!.ReplaceLineEndings("\n"));

        using var json = System.Text.Json.JsonDocument.Parse(await _h.Archive.GetAsync(stem + ".json", CancellationToken.None));
        var dispatch = json.RootElement.GetProperty("dispatch");
        Assert.Equal(item.MessageId, dispatch.GetProperty("messageIds")[0].GetString());
        Assert.Equal(["owner@example.com"], dispatch.GetProperty("to").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["audit@example.com"], dispatch.GetProperty("bcc").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(item.ContentDigest, dispatch.GetProperty("contentDigest").GetString());
        Assert.Equal(result.BatchId, dispatch.GetProperty("batchId").GetInt64());
        Assert.Equal("2026-11", json.RootElement.GetProperty("metadata").GetProperty("period").GetString());
    }

    [Fact]
    public async Task RebuildingTheIndexFromTheArchiveRestoresEveryEntry()
    {
        await _h.Dispatch.DispatchAsync(DispatchHarness.November, DispatchTrigger.Manual, "editor@example.com");
        var before = await ListIndexAsync();
        Assert.Equal(Roles.Length * 4, before.Count);
        await _h.DbAsync(db => db.ArchiveIndex.ExecuteDeleteAsync());
        Assert.Empty(await ListIndexAsync());

        RebuildResult rebuilt;
        await using (var scope = _h.Services.CreateAsyncScope())
        {
            rebuilt = await scope.ServiceProvider.GetRequiredService<ArchiveIndex>().RebuildAsync();
        }

        Assert.Equal((Roles.Length * 4, Roles.Length * 4), (rebuilt.Files, rebuilt.Indexed));
        Assert.Empty(rebuilt.Skipped);
        Assert.Equal(before, await ListIndexAsync());
        var html = before.Single(e => e.Key.EndsWith("cfo-report.html", StringComparison.Ordinal));
        var bytes = await _h.Archive.GetAsync(html.Key, CancellationToken.None);
        Assert.Equal((bytes!.Length, Convert.ToHexStringLower(SHA256.HashData(bytes))), (html.Size, html.Sha256));
    }

    [Fact]
    public async Task ASecondReportOfTheSameRoleOnTheSameDayIsArchivedBesideTheFirst()
    {
        var first = await _h.Dispatch.DispatchAsync(DispatchHarness.November, DispatchTrigger.Manual, "editor@example.com");
        var again = await _h.Dispatch.ResendAsync(first.BatchId!.Value, first.Items.Single(i => i.Role == "cfo").ItemId, DispatchTrigger.Manual, "editor@example.com");

        var stems = (await _h.ItemsAsync()).Where(i => i.Role == "cfo").Select(i => i.ArchiveStem!).ToList();
        Assert.Equal(2, stems.Distinct().Count());
        Assert.EndsWith($"/cfo-report~{again.Items[0].ItemId}", stems[1]);
        Assert.NotNull(await _h.Archive.GetAsync(stems[0] + ".html", CancellationToken.None));
        Assert.NotNull(await _h.Archive.GetAsync(stems[1] + ".html", CancellationToken.None));
    }

    private Task<List<(string Key, string Role, string? Period, long Size, string Sha256, long? BatchId)>> ListIndexAsync() =>
        _h.DbAsync(async db => (await db.ArchiveIndex.AsNoTracking().ToListAsync())
            .Select(e => (e.Key, e.Role, e.Period, e.Size, e.Sha256, e.BatchId)).OrderBy(e => e.Key, StringComparer.Ordinal).ToList());
}

public sealed class DispatchTestsOnSqlite() : DispatchTests(TestDatabase.Sqlite);

public sealed class DispatchTestsOnPostgres() : DispatchTests(TestDatabase.Postgres);
