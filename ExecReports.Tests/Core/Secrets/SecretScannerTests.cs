using ExecReports.Core.Secrets;
using ExecReports.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Tests.Core.Secrets;

public class SecretScannerTests
{
    private const string StripeKey = "sk_live_4eC39HqLyjWDarjtT1zdp7dc";
    private const string GitHubToken = "ghp_R8aZq2FAKEw9mB4xK7tL1pN6vC3yH5jD0sQe";

    private static readonly SecretScanner Scanner = new([]);

    [Fact]
    public void ReportsLineAndColumnOfTheSecretWithCrlfLineEndings()
    {
        var text = "# March\r\nAll quiet.\r\n  key: " + StripeKey + "\r\n";

        var finding = Assert.Single(Scanner.Scan(text));

        Assert.Equal("stripe-secret-key", finding.RuleId);
        Assert.Equal(3, finding.Line);
        Assert.Equal(8, finding.Column);
        Assert.Equal(StripeKey.Length, finding.Length);
    }

    [Fact]
    public void ShowsTheRuleAndARedactedExcerptButNeverTheSecret()
    {
        var finding = Assert.Single(Scanner.Scan("Deploy token " + GitHubToken + " expires in May."));

        Assert.Equal("github-pat-classic", finding.RuleId);
        Assert.Equal(SecretSeverity.Error, finding.Severity);
        Assert.Equal("Deploy token ghp_…0sQe expires in May.", finding.RedactedExcerpt);
        Assert.DoesNotContain(GitHubToken, finding.RedactedExcerpt);
        Assert.Contains("GitHub classic personal access token", finding.Message);
    }

    [Fact]
    public void ReportsEverySecretOnALineAndRedactsAllOfThemInEachExcerpt()
    {
        var findings = Scanner.Scan($"keys: {StripeKey} and {GitHubToken}");

        Assert.Equal(["stripe-secret-key", "github-pat-classic"], findings.Select(f => f.RuleId));
        Assert.All(findings, f => Assert.Equal("keys: sk_live_…p7dc and ghp_…0sQe", f.RedactedExcerpt));
    }

    [Fact]
    public void FlagsAWeakLiteralPasswordAsAWarningNotAnError()
    {
        var finding = Assert.Single(Scanner.Scan("password=hunter2024"));

        Assert.Equal("generic-assignment", finding.RuleId);
        Assert.Equal(SecretSeverity.Warning, finding.Severity);
    }

    [Fact]
    public void FindsAConfiguredLiteralSecretThatMatchesNoFormat()
    {
        var scanner = new SecretScanner(["Harbour-Sunset-2291!"]);

        var finding = Assert.Single(scanner.Scan("The relay login is Harbour-Sunset-2291! for now."));

        Assert.Equal(SecretRules.ConfiguredSecretId, finding.RuleId);
        Assert.Equal(SecretSeverity.Error, finding.Severity);
        Assert.Equal("The relay login is [redacted] for now.", finding.RedactedExcerpt);
    }

    [Fact]
    public void IgnoresEmptyAndShortConfiguredSecrets()
    {
        var scanner = new SecretScanner(["", "   ", "abc1234"]);

        Assert.Empty(scanner.Scan("code abc1234 is a booking reference"));
    }

    [Fact]
    public void ReadsTheAppsOwnSecretsFromConfiguration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Email:Smtp:Password"] = "smtp-Pass-8812",
            ["Email:Ses:SmtpPassword"] = "BF2PynzbSCAjX08zhZZnP/kW+T9P5zs/1Er0pi5vTEmd",
            ["Email:Ses:SecretAccessKey"] = "ses-Secret-4471",
            ["Archive:S3:SecretAccessKey"] = "s3-Secret-9034",
            ["Auth:BootstrapAdmin:Password"] = "admin-Pass-5520",
            ["ConnectionStrings:Default"] = "Host=db;Username=app;Password=pg-Pass-7731",
        }).Build();
        var scanner = SecretScanner.FromConfiguration(configuration);

        var text = "smtp-Pass-8812 BF2PynzbSCAjX08zhZZnP/kW+T9P5zs/1Er0pi5vTEmd ses-Secret-4471 s3-Secret-9034 admin-Pass-5520 pg-Pass-7731";
        var findings = scanner.Scan(text);

        Assert.Equal(6, findings.Count(f => f.RuleId == SecretRules.ConfiguredSecretId));
        Assert.Equal("[redacted] [redacted] [redacted] [redacted] [redacted] [redacted]", scanner.Redact(text));
    }

    [Fact]
    public void ReadsThePasswordOfAUrlStyleConnectionString()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = "postgres://app:url%21Pass99@db.internal/jada",
        }).Build();

        var finding = Assert.Single(SecretScanner.FromConfiguration(configuration).Scan("pasted url!Pass99 here"));

        Assert.Equal(SecretRules.ConfiguredSecretId, finding.RuleId);
    }

    [Fact]
    public void IsRegisteredAsASingletonBuiltFromConfiguration()
    {
        using var temp = new TempDirectory();
        using var provider = new CoreServicesBuilder(temp.Path).With("Auth:BootstrapAdmin:Password", "Bootstrap-Admin-7731").Build();

        var scanner = provider.GetRequiredService<SecretScanner>();

        Assert.Same(scanner, provider.GetRequiredService<SecretScanner>());
        Assert.Equal(SecretRules.ConfiguredSecretId, Assert.Single(scanner.Scan("use Bootstrap-Admin-7731")).RuleId);
    }

    [Fact]
    public void CompletesOnAMegabyteLineOfTheSameCharacter()
    {
        var findings = Scanner.Scan(new string('a', 1_000_000));

        Assert.Empty(findings);
    }

    [Fact]
    public void CompletesOnAMegabyteLineThatFollowsEveryRulesKeyword()
    {
        var keywords = string.Join(' ', SecretRules.All.SelectMany(r => r.Keywords));
        var text = "password= " + keywords + " -----BEGIN PRIVATE KEY-----\npostgres://u:" + new string('a', 1_000_000);

        var findings = Scanner.Scan(text);

        Assert.DoesNotContain(findings, f => f.Message.Contains("timed out", StringComparison.Ordinal));
    }
}
