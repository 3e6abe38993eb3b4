using ExecReports.Core.Configuration;
using ExecReports.Core.Email;
using ExecReports.Core.Ingestion;
using ExecReports.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
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
    public void TitlesDomainReportsFromTheirRegistration()
    {
        var message = Builder().Build(Mail("rental"));

        Assert.Equal("3028 51st St Rental report — 2026-11", message.Subject);
    }

    [Fact]
    public void RefusesARoleThatIsNotRegistered()
    {
        var error = Assert.Throws<ArgumentException>(() => Builder().Build(Mail("coo")));

        Assert.Contains("Unknown report role 'coo'", error.Message);
    }

    [Fact]
    public void SendsADomainReportToItsEntitysCatalogRecipientsAheadOfTheDefault()
    {
        using var data = new TempDirectory();
        var catalog = CatalogWith(data, YachtDeliveryWithSkipper);
        var builder = new ReportMessageBuilder(Microsoft.Extensions.Options.Options.Create(Options()), catalog);

        var domain = builder.Build(Mail("yacht-delivery"));
        var executive = builder.Build(Mail("cfo"));

        Assert.Equal(["skipper@example.com"], domain.To.Mailboxes.Select(m => m.Address));
        Assert.Equal(["audit@example.com"], domain.Bcc.Mailboxes.Select(m => m.Address));
        Assert.Equal(["owner@example.com"], executive.To.Mailboxes.Select(m => m.Address));
    }

    [Fact]
    public void LetsARoleEntryInConfigurationOverrideTheCatalogRecipients()
    {
        using var data = new TempDirectory();
        var catalog = CatalogWith(data, YachtDeliveryWithSkipper);
        var options = Options(recipients: new(StringComparer.OrdinalIgnoreCase)
        {
            ["yacht-delivery"] = new RecipientList { To = ["desk@example.com"] },
        });

        var message = new ReportMessageBuilder(Microsoft.Extensions.Options.Options.Create(options), catalog).Build(Mail("yacht-delivery"));

        Assert.Equal(["desk@example.com"], message.To.Mailboxes.Select(m => m.Address));
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
    public void WritesNoHeaderValueWithALineBreakEvenForALongSubject()
    {
        var longPeriod = string.Join(' ', Enumerable.Repeat("2026-11", 20));
        var message = Builder().Build(Mail("portfolio-billing") with { Period = longPeriod });
        using var raw = new MemoryStream();
        message.WriteTo(raw);
        raw.Position = 0;

        var parsed = MimeMessage.Load(raw);

        Assert.Equal($"DangerousCentaur Client Portfolio report — {longPeriod}", parsed.Subject);
        Assert.All(parsed.Headers, h => Assert.DoesNotMatch("[\r\n]", h.Value));
        Assert.Subset(
            new HashSet<string>(["From", "Date", "Subject", "Message-Id", "To", "Bcc", "MIME-Version", "Content-Type"], StringComparer.OrdinalIgnoreCase),
            parsed.Headers.Select(h => h.Field).ToHashSet(StringComparer.OrdinalIgnoreCase));
    }

    private const string YachtDeliveryWithSkipper = """
        entities:
          - id: expert-yacht-delivery
            name: Expert Yacht Delivery
            kind: domain
            recipients:
              to: [skipper@example.com]
        """;

    // A real catalog file read by the real provider.
    private static EntityCatalogProvider CatalogWith(TempDirectory data, string yaml)
    {
        var file = data.Combine("entities.yaml");
        File.WriteAllText(file, yaml);
        return new EntityCatalogProvider(
            Microsoft.Extensions.Options.Options.Create(new DataOptions { EntitiesFile = file }),
            new AppPaths(data.Path, data.Path),
            NullLogger<EntityCatalogProvider>.Instance);
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
