using ExecReports.Core.Email;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ExecReports.Tests.Core.Email;

public class ReportMessageBuilderTests
{
    [Fact]
    public void TitlesExecutiveReportsByRoleAndPeriod()
    {
        var message = Builder().Build(Mail("cfo"));

        Assert.Equal("CFO report — 2026-11", message.Subject);
        Assert.Equal("reports@example.com", message.From.Mailboxes.Single().Address);
        Assert.False(string.IsNullOrEmpty(message.MessageId));
    }

    [Fact]
    public void TitlesDomainReportsWithTheDisplayTitleGiven()
    {
        var message = Builder().Build(Mail("rental") with { DisplayTitle = "3028 51st St Rental" });

        Assert.Equal("3028 51st St Rental report — 2026-11", message.Subject);
    }

    [Fact]
    public void RefusesADomainReportWithoutADisplayTitle()
    {
        Assert.Throws<ArgumentException>(() => Builder().Build(Mail("yacht-delivery")));
    }

    [Fact]
    public void SendsToTheDefaultRecipientsWithTheAuditCopyAsBcc()
    {
        var message = Builder().Build(Mail("ceo"));

        Assert.Equal(["owner@example.com"], message.To.Mailboxes.Select(m => m.Address));
        Assert.Equal(["audit@example.com"], message.Bcc.Mailboxes.Select(m => m.Address));
    }

    [Fact]
    public void SendsToTheRoleOverrideWhenOneIsConfigured()
    {
        var options = Options(recipients: new(StringComparer.OrdinalIgnoreCase)
        {
            ["Default"] = new RecipientList { To = ["owner@example.com"], Bcc = ["audit@example.com"] },
            ["accounting"] = new RecipientList { To = ["books@example.com", "owner@example.com"] },
        });

        var message = new ReportMessageBuilder(Microsoft.Extensions.Options.Options.Create(options)).Build(Mail("accounting"));

        Assert.Equal(["books@example.com", "owner@example.com"], message.To.Mailboxes.Select(m => m.Address));
        Assert.Equal(["audit@example.com"], message.Bcc.Mailboxes.Select(m => m.Address));
    }

    [Fact]
    public void PutsTheReportInTheBodyAsTextAndHtmlAlternatives()
    {
        var message = Builder().Build(Mail("cmo"));

        var body = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(["text/plain", "text/html"], body.Select(p => p.ContentType.MimeType));
        Assert.Empty(message.Attachments);
    }

    [Theory]
    [InlineData("2026-11\r\nBcc: attacker@example.net")]
    [InlineData("2026-11\nX-Injected: yes")]
    [InlineData("2026-11\r")]
    public void RefusesALineBreakInThePeriod(string period)
    {
        var error = Assert.Throws<ArgumentException>(() => Builder().Build(Mail("cfo") with { Period = period }));

        Assert.Contains("period", error.Message);
    }

    [Fact]
    public void RefusesALineBreakInTheDisplayTitle()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            Builder().Build(Mail("rental") with { DisplayTitle = "Rental\r\nBcc: attacker@example.net" }));

        Assert.Contains("display title", error.Message);
    }

    [Fact]
    public void WritesNoHeaderValueWithALineBreakEvenForALongSubject()
    {
        var longTitle = string.Join(' ', Enumerable.Repeat("Portfolio", 20));
        var message = Builder().Build(Mail("portfolio-billing") with { DisplayTitle = longTitle });
        using var raw = new MemoryStream();
        message.WriteTo(raw);
        raw.Position = 0;

        var parsed = MimeMessage.Load(raw);

        Assert.Equal($"{longTitle} report — 2026-11", parsed.Subject);
        Assert.All(parsed.Headers, h => Assert.DoesNotMatch("[\r\n]", h.Value));
        Assert.Subset(
            new HashSet<string>(["From", "Date", "Subject", "Message-Id", "To", "Bcc", "MIME-Version", "Content-Type"], StringComparer.OrdinalIgnoreCase),
            parsed.Headers.Select(h => h.Field).ToHashSet(StringComparer.OrdinalIgnoreCase));
    }

    private static ReportMail Mail(string role) => new(role, "2026-11", "Revenue $12,400", "<p>Revenue <b>$12,400</b></p>");

    private static ReportMessageBuilder Builder() => new(Microsoft.Extensions.Options.Options.Create(Options()));

    private static EmailOptions Options(Dictionary<string, RecipientList>? recipients = null) => new()
    {
        Transport = "Pickup",
        From = "reports@example.com",
        Recipients = recipients ?? new(StringComparer.OrdinalIgnoreCase),
    };
}
