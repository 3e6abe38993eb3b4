using ExecReports.Core.Email;
using ExecReports.Tests.Support;
using MailKit.Security;
using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Tests.Core.Email;

public class SesSmtpCredentialsTests
{
    private const string ExampleSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    [Theory]
    [InlineData("us-west-2", "BF2PynzbSCAjX08zhZZnP/kW+T9P5zs/1Er0pi5vTEmd")]
    [InlineData("us-east-1", "BLBM/9hSUELfq8Gw+rU1YcBjkOxGbhT2XG763xVLGWL9")]
    public void DerivesTheSmtpPasswordAwsDocuments(string region, string expected)
    {
        Assert.Equal(expected, SesSmtpCredentials.DerivePassword(ExampleSecret, region));
    }

    [Fact]
    public void SesTransportTargetsTheRegionalSmtpEndpointWithStartTlsAndDerivedCredentials()
    {
        using var temp = new TempDirectory();
        using var services = new CoreServicesBuilder(temp.Path)
            .With("Email:Transport", "Ses")
            .With("Email:Ses:AccessKeyId", "AKIAIOSFODNN7EXAMPLE")
            .With("Email:Ses:SecretAccessKey", ExampleSecret)
            .Build();

        var transport = Assert.IsType<SmtpMailTransport>(services.GetRequiredService<IMailTransport>());

        Assert.Equal("Ses", transport.Name);
        Assert.Equal("email-smtp.us-west-2.amazonaws.com", transport.Endpoint.Host);
        Assert.Equal(587, transport.Endpoint.Port);
        Assert.Equal(SecureSocketOptions.StartTls, transport.Endpoint.Security);
        Assert.Equal("AKIAIOSFODNN7EXAMPLE", transport.Endpoint.Username);
        Assert.Equal("BF2PynzbSCAjX08zhZZnP/kW+T9P5zs/1Er0pi5vTEmd", transport.Endpoint.Password);
        Assert.DoesNotContain(transport.Endpoint.Password, transport.Endpoint.ToString());
    }

    [Fact]
    public void SesTransportUsesGivenSmtpCredentialsAsTheyAre()
    {
        using var temp = new TempDirectory();
        using var services = new CoreServicesBuilder(temp.Path)
            .With("Email:Transport", "Ses")
            .With("Email:Ses:Region", "eu-west-1")
            .With("Email:Ses:SmtpUsername", "AKIAEXAMPLESMTPUSER")
            .With("Email:Ses:SmtpPassword", "given-smtp-password")
            .Build();

        var transport = Assert.IsType<SmtpMailTransport>(services.GetRequiredService<IMailTransport>());

        Assert.Equal("email-smtp.eu-west-1.amazonaws.com", transport.Endpoint.Host);
        Assert.Equal("AKIAEXAMPLESMTPUSER", transport.Endpoint.Username);
        Assert.Equal("given-smtp-password", transport.Endpoint.Password);
    }

    [Fact]
    public void PickupStaysTheDefaultTransport()
    {
        using var temp = new TempDirectory();
        using var services = new CoreServicesBuilder(temp.Path).Build();

        Assert.IsType<PickupMailTransport>(services.GetRequiredService<IMailTransport>());
    }
}
