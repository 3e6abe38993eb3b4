using ExecReports.Core;
using ExecReports.Core.Email;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ExecReports.Tests.Core.Email;

public class EmailSecurityRulesTests
{
    [Fact]
    public void RefusesSmtpCredentialsOverAnUnencryptedConnectionToAnotherHost()
    {
        var error = Assert.Throws<OptionsValidationException>(() => OptionsFrom(Smtp("smtp.example.com", "None")));

        Assert.Contains("Email:Smtp:Security is None", error.Message);
        Assert.Contains("Email:Smtp:Username", error.Message);
        Assert.Contains("smtp.example.com", error.Message);
        Assert.DoesNotContain("relay-Pass-4410", error.Message);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public void AllowsCredentialsInClearTextToALoopbackRelay(string host)
    {
        Assert.Equal("Smtp", OptionsFrom(Smtp(host, "None")).Transport);
    }

    [Fact]
    public void AllowsCredentialsOverStartTls()
    {
        Assert.Equal(SmtpSecurity.StartTls, OptionsFrom(Smtp("smtp.example.com", "StartTls")).Smtp.Security);
    }

    [Fact]
    public void RefusesARecipientListGivenAsOneValueNamingTheKey()
    {
        var error = Assert.Throws<OptionsValidationException>(() => OptionsFrom(new EmailSettings().FromAppSettings().With("Email:Recipients:Default:To", "x@y.example")));

        Assert.Contains("Email:Recipients:Default:To is a single value", error.Message);
        Assert.Contains("Email__Recipients__Default__To__0", error.Message);
    }

    [Fact]
    public void AcceptsAnIndexedRecipientList()
    {
        var email = OptionsFrom(new EmailSettings().FromAppSettings().With("Email:Recipients:Default:To:0", "x@y.example"));

        Assert.Equal(["x@y.example"], email.RecipientsFor("cfo").To);
    }

    private static EmailSettings Smtp(string host, string security) => new EmailSettings()
        .With("Email:Transport", "Smtp")
        .With("Email:Smtp:Host", host)
        .With("Email:Smtp:Security", security)
        .With("Email:Smtp:Username", "relay-user")
        .With("Email:Smtp:Password", "relay-Pass-4410");

    // As in a host, IConfiguration is a service.
    private static EmailOptions OptionsFrom(EmailSettings settings)
    {
        var configuration = settings.Build();
        using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddExecReportsCore(configuration)
            .BuildServiceProvider();
        return services.GetRequiredService<IOptions<EmailOptions>>().Value;
    }
}
