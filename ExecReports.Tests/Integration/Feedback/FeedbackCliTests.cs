using System.Globalization;
using System.Text.Json;
using ExecReports.Tests.Support;
using MimeKit;

namespace ExecReports.Tests.Integration.Feedback;

// `feedback poll`, `actions list` and `actions resolve` as a script sees them: the built CLI against a real SMTP server
// for the send and a real dovecot mailbox for the replies.
public sealed class FeedbackCliTests : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();
    private readonly DovecotFixture _imap = new();
    private SmtpTestServer _smtp = null!;

    public async Task InitializeAsync()
    {
        _smtp = await SmtpTestServer.StartAsync();
        await _imap.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        await _imap.DisposeAsync();
        _temp.Dispose();
    }

    private Dictionary<string, string?> Environment()
    {
        var environment = new Dictionary<string, string?>
        {
            ["ExecReports__DataPath"] = _temp.Combine("data"),
            ["Email__Transport"] = "Smtp",
            ["Email__Smtp__Host"] = "127.0.0.1",
            ["Email__Smtp__Port"] = _smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Email__Smtp__Security"] = "None",
            ["Email__Retry__BaseDelaySeconds"] = "0.01",
            ["Feedback__ReplyAddress"] = "reports@example.com",
        };
        foreach (var (key, value) in _imap.Settings())
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return environment;
    }

    [Fact]
    public async Task PollPrintsEachMessageAsJsonAndActionsCanBeListedAndResolved()
    {
        var send = await CliRunner.RunAsync(Environment(), "send", "--period", "2026-11");
        Assert.True(send.ExitCode == 0, send.StdErr + send.StdOut);
        var report = _smtp.Received.Select(m => m.Parse()).Single(m => m.Subject == "CFO report — 2026-11");

        var reply = new MimeMessage { Subject = "Re: " + report.Subject, MessageId = "reply-1@mail.example.com", InReplyTo = report.MessageId };
        reply.From.Add(MailboxAddress.Parse("owner@example.com"));
        reply.To.AddRange(report.ReplyTo.Mailboxes);
        reply.Body = new TextPart("plain") { Text = "ACTION: Chase the overdue invoices\n" };
        await _imap.DeliverAsync(reply);

        var poll = await CliRunner.RunAsync(Environment(), "feedback", "poll", "--json");
        Assert.True(poll.ExitCode == 0, poll.StdErr + poll.StdOut);
        using (var json = JsonDocument.Parse(poll.StdOut))
        {
            var row = Assert.Single(json.RootElement.EnumerateArray());
            Assert.Equal(["messageId", "from", "report", "period", "status"], row.EnumerateObject().Select(p => p.Name));
            Assert.Equal(("reply-1@mail.example.com", "owner@example.com", "cfo", "2026-11", "action"),
                (row.GetProperty("messageId").GetString(), row.GetProperty("from").GetString(), row.GetProperty("report").GetString(),
                    row.GetProperty("period").GetString(), row.GetProperty("status").GetString()));
        }

        var again = await CliRunner.RunAsync(Environment(), "feedback", "poll");
        Assert.True(again.ExitCode == 0, again.StdErr);
        Assert.Equal("0 message(s) from Imap", again.StdOut.Trim());

        var list = await CliRunner.RunAsync(Environment(), "actions", "list", "--json");
        Assert.True(list.ExitCode == 0, list.StdErr);
        long id;
        using (var json = JsonDocument.Parse(list.StdOut))
        {
            var item = Assert.Single(json.RootElement.EnumerateArray());
            Assert.Equal(["id", "title", "status", "owner", "due", "entity", "report", "period", "source"], item.EnumerateObject().Select(p => p.Name));
            Assert.Equal(("Chase the overdue invoices", "open", "owner@example.com", "cfo", "2026-11", "email"),
                (item.GetProperty("title").GetString(), item.GetProperty("status").GetString(), item.GetProperty("owner").GetString(),
                    item.GetProperty("report").GetString(), item.GetProperty("period").GetString(), item.GetProperty("source").GetString()));
            Assert.Equal(JsonValueKind.Null, item.GetProperty("due").ValueKind);
            id = item.GetProperty("id").GetInt64();
        }

        var resolve = await CliRunner.RunAsync(Environment(), "actions", "resolve", id.ToString(CultureInfo.InvariantCulture), "--note", "paid on the 3rd");
        Assert.True(resolve.ExitCode == 0, resolve.StdErr);
        Assert.Contains($"action item #{id} is now done", resolve.StdOut);

        var open = await CliRunner.RunAsync(Environment(), "actions", "list", "--json");
        var done = await CliRunner.RunAsync(Environment(), "actions", "list", "--status", "done", "--json");
        var twice = await CliRunner.RunAsync(Environment(), "actions", "resolve", id.ToString(CultureInfo.InvariantCulture));
        var missing = await CliRunner.RunAsync(Environment(), "actions", "resolve", "999");
        var badStatus = await CliRunner.RunAsync(Environment(), "actions", "list", "--status", "closed");

        Assert.Equal("[]", open.StdOut.Trim());
        using (var json = JsonDocument.Parse(done.StdOut))
        {
            Assert.Equal("done", Assert.Single(json.RootElement.EnumerateArray()).GetProperty("status").GetString());
        }

        Assert.Equal(1, twice.ExitCode);
        Assert.Contains("already done", twice.StdErr);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("there is no action item #999", missing.StdErr);
        Assert.Equal(2, badStatus.ExitCode);
    }

    [Fact]
    public async Task PollWithNoSourceConfiguredSaysSoAndExitsWithOne()
    {
        var result = await CliRunner.RunAsync(new Dictionary<string, string?> { ["ExecReports__DataPath"] = _temp.Combine("data") }, "feedback", "poll");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Feedback:Source is None", result.StdErr);
    }
}
