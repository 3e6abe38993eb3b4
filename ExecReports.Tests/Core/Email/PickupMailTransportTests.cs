using ExecReports.Core.Configuration;
using ExecReports.Core.Email;
using ExecReports.Tests.Support;
using MimeKit;

namespace ExecReports.Tests.Core.Email;

public class PickupMailTransportTests
{
    [Fact]
    public async Task WritesAMessageThatParsesBackWithItsHeadersAndBody()
    {
        using var temp = new TempDirectory();
        var paths = new AppPaths(temp.Path, temp.Path);
        var transport = new PickupMailTransport(paths);
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("reports@example.com"));
        message.To.Add(MailboxAddress.Parse("owner@example.com"));
        message.Subject = "CFO report — 2026-11";
        message.Body = new TextPart("plain") { Text = "Burn rate" };

        var result = await transport.SendAsync(message, CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(paths.Outbox, "*.eml"));
        var parsed = await MimeMessage.LoadAsync(file);
        Assert.Equal(result.MessageId, parsed.MessageId);
        Assert.Equal("CFO report — 2026-11", parsed.Subject);
        Assert.Equal("owner@example.com", parsed.To.Mailboxes.Single().Address);
        Assert.Equal("Burn rate", parsed.TextBody?.TrimEnd());
    }
}
