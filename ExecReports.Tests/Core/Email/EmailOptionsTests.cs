using ExecReports.Core;
using ExecReports.Core.Configuration;
using ExecReports.Core.Email;
using ExecReports.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ExecReports.Tests.Core.Email;

public class EmailOptionsTests
{
    [Fact]
    public void BindsTheShippedAppSettings()
    {
        var email = OptionsFrom(new EmailSettings().FromAppSettings());

        Assert.Equal("Pickup", email.Transport);
        Assert.Equal(14, email.MaxSendRatePerSecond);
        Assert.Equal("us-west-2", email.Ses.Region);
        Assert.Equal(["owner@example.com"], email.RecipientsFor("cfo").To);
        Assert.Equal(["audit@example.com"], email.RecipientsFor("cfo").Bcc);
        Assert.Equal("audit@example.com", email.EffectiveAuditAddress);
    }

    [Fact]
    public void RefusesAMisspeltNestedKey()
    {
        var error = Assert.ThrowsAny<InvalidOperationException>(() =>
            OptionsFrom(new EmailSettings().With("Email:Smtp:Hots", "smtp.example.com")));

        Assert.Contains("Hots", error.ToString());
    }

    [Fact]
    public void RefusesSesWithoutCredentialsNamingTheKeys()
    {
        var error = Assert.Throws<OptionsValidationException>(() =>
            OptionsFrom(new EmailSettings().With("Email:Transport", "Ses")));

        Assert.Contains("Email:Ses:SmtpPassword", error.Message);
        Assert.Contains("Email:Ses:SecretAccessKey", error.Message);
    }

    [Fact]
    public void RefusesAnAccessKeyWithoutItsSecretNamingTheMissingKey()
    {
        var error = Assert.Throws<OptionsValidationException>(() =>
            OptionsFrom(new EmailSettings().With("Email:Transport", "Ses").With("Email:Ses:AccessKeyId", "AKIAIOSFODNN7EXAMPLE")));

        Assert.Contains("Email:Ses:SecretAccessKey is required", error.Message);
    }

    [Fact]
    public void RefusesSmtpWithoutAHost()
    {
        var error = Assert.Throws<OptionsValidationException>(() =>
            OptionsFrom(new EmailSettings().With("Email:Transport", "Smtp")));

        Assert.Contains("Email:Smtp:Host", error.Message);
    }

    [Fact]
    public void DoesNotAskForSmtpSettingsWhenThePickupFolderIsUsed()
    {
        Assert.Equal("Pickup", OptionsFrom(new EmailSettings()).Transport);
    }

    [Fact]
    public void RefusesAnInvalidRecipientNamingItsKey()
    {
        var error = Assert.Throws<OptionsValidationException>(() =>
            OptionsFrom(new EmailSettings().With("Email:Recipients:cfo:Bcc:0", "not-an-address")));

        Assert.Contains("Email:Recipients:cfo:Bcc:0", error.Message);
    }

    [Fact]
    public void RefusesAnUnknownRecipientRole()
    {
        var error = Assert.Throws<OptionsValidationException>(() =>
            OptionsFrom(new EmailSettings().With("Email:Recipients:coo:To:0", "coo@example.com")));

        Assert.Contains("Email:Recipients:coo", error.Message);
    }

    [Fact]
    public void RefusesAnInvalidFromAddress()
    {
        var error = Assert.Throws<OptionsValidationException>(() =>
            OptionsFrom(new EmailSettings().With("Email:From", "reports at example.com")));

        Assert.Contains("Email:From", error.Message);
    }

    [Fact]
    public void ResolvesPerRoleRecipientsOverTheDefaults()
    {
        var email = OptionsFrom(new EmailSettings()
            .With("Email:Recipients:Default:To:0", "owner@example.com")
            .With("Email:Recipients:cto:To:0", "tech@example.com")
            .With("Email:AuditAddress", "alerts@example.com"));

        Assert.Equal(["tech@example.com"], email.RecipientsFor("cto").To);
        Assert.Equal(["audit@example.com"], email.RecipientsFor("cto").Bcc);
        Assert.Equal(["owner@example.com"], email.RecipientsFor("ceo").To);
        Assert.Equal("alerts@example.com", email.EffectiveAuditAddress);
    }

    [Fact]
    public void HonoursTheOriginalSystemsSesVariablesOverTheSettingsFile()
    {
        var email = OptionsFrom(new EmailSettings().FromAppSettings()
            .With("AWS_SES_REGION", "eu-central-1")
            .With("AWS_SES_FROM_ADDRESS", "ops@example.com"));

        Assert.Equal("eu-central-1", email.Ses.Region);
        Assert.Equal("ops@example.com", email.From);
    }

    [Fact]
    public void PrefersExplicitEmailSettingsOverTheOriginalSystemsVariables()
    {
        var email = OptionsFrom(new EmailSettings()
            .With("Email:Ses:Region", "us-east-1")
            .With("AWS_SES_REGION", "eu-central-1")
            .With("AWS_SES_FROM_ADDRESS", "ops@example.com"));

        Assert.Equal("us-east-1", email.Ses.Region);
        Assert.Equal("reports@example.com", email.From);
    }

    [Fact]
    public void LoadsTheDotEnvFileWithoutOverridingTheEnvironment()
    {
        using var temp = new TempDirectory();
        var kept = $"EXECREPORTS_TEST_KEPT_{Guid.NewGuid():N}";
        var added = $"EXECREPORTS_TEST_ADDED_{Guid.NewGuid():N}";
        var host = $"smtp-{Guid.NewGuid():N}.example.com";
        File.WriteAllLines(temp.Combine(".env"), [$"{kept}=from-dotenv", $"{added}=from-dotenv", $"Email__Smtp__Host={host}"]);
        Environment.SetEnvironmentVariable(kept, "from-environment");
        try
        {
            var email = OptionsFrom(new EmailSettings().With("Email:DotEnvPath", temp.Combine(".env")));

            Assert.Equal(host, email.Smtp.Host);
            Assert.Equal("from-environment", Environment.GetEnvironmentVariable(kept));
            Assert.Equal("from-dotenv", Environment.GetEnvironmentVariable(added));
        }
        finally
        {
            foreach (var name in new[] { kept, added, "Email__Smtp__Host" })
            {
                Environment.SetEnvironmentVariable(name, null);
            }
        }
    }

    [Fact]
    public void IgnoresADotEnvPathThatDoesNotExist()
    {
        var email = OptionsFrom(new EmailSettings().With("Email:DotEnvPath", "/nonexistent/.env"));

        Assert.Equal("Pickup", email.Transport);
    }

    private static EmailOptions OptionsFrom(EmailSettings settings)
    {
        using var services = new ServiceCollection()
            .AddLogging()
            .AddExecReportsCore(settings.Build())
            .BuildServiceProvider();
        return services.GetRequiredService<IOptions<EmailOptions>>().Value;
    }
}

// Email settings as a host would see them: in-memory minimum by default, or the shipped appsettings.json as a real
// JSON file (so its values count as "from a settings file", which the AWS_SES_* variables may override).
public sealed class EmailSettings
{
    private readonly Dictionary<string, string?> _values = [];
    private bool _appSettings;

    public EmailSettings With(string key, string? value)
    {
        _values[key] = value;
        return this;
    }

    public EmailSettings FromAppSettings()
    {
        _appSettings = true;
        return this;
    }

    public IConfigurationRoot Build()
    {
        var builder = new ConfigurationBuilder();
        if (_appSettings)
        {
            builder.AddJsonFile(Path.Combine(RepoPaths.Root, "appsettings.json"), optional: false);
        }
        else
        {
            builder.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Email:Transport"] = "Pickup",
                ["Email:From"] = "reports@example.com",
            });
        }

        // The app's own dotenv source (Email:DotEnvPath), as the web host and the CLI add it.
        return builder.AddInMemoryCollection(_values).AddExecReportsDotEnv().Build();
    }
}
