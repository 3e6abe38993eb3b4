using ExecReports.Core;
using ExecReports.Core.Archive;
using ExecReports.Core.Configuration;
using ExecReports.Core.Data;
using ExecReports.Core.Email;
using ExecReports.Core.Ingestion;
using ExecReports.Core.Reports;
using ExecReports.Core.Secrets;
using ExecReports.Core.Validation;
using ExecReports.Tests.Core.Ingestion;
using ExecReports.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ExecReports.Tests.Core.Configuration;

// The dotenv file (Email:DotEnvPath) is one configuration source for every section, and the scanner knows its secrets.
public sealed class DotEnvConfigurationTests : IDisposable
{
    private const string SmtpPassword = "Tide-Glass-7731-Quay";
    private const string S3Secret = "pQ4r8sT2uV6wX0yZ3aB7cD1eF5gH9iJ2kL6mN0oP";
    private readonly string _plainVariable = $"EXECREPORTS_TEST_{Guid.NewGuid():N}_SMTP_PASS";
    private readonly string _plainValue = "Wv3-Brine-5508-Keel";
    private readonly TempDirectory _temp = new();

    public DotEnvConfigurationTests() =>
        File.WriteAllLines(_temp.Combine(".env"),
        [
            $"Email__Smtp__Password={SmtpPassword}",
            "Archive__S3__AccessKeyId=AKIAIOSFODNN7EXAMPLE",
            $"Archive__S3__SecretAccessKey={S3Secret}",
            $"{_plainVariable}=\"{_plainValue}\"",
        ]);

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(_plainVariable, null);
        _temp.Dispose();
    }

    [Fact]
    public void EverySectionAndTheScannerSeeTheDotEnvFile()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ExecReports:DataPath"] = _temp.Combine("data"),
                [AppConfiguration.DotEnvPathKey] = _temp.Combine(".env"),
            })
            .AddExecReportsFiles(RepoPaths.Root)
            .Build();
        using var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration)
            .AddExecReportsCore(configuration).BuildServiceProvider();

        Assert.Equal(SmtpPassword, services.GetRequiredService<IOptions<EmailOptions>>().Value.Smtp.Password);
        var s3 = services.GetRequiredService<IOptions<ArchiveOptions>>().Value.S3;
        Assert.Equal(("AKIAIOSFODNN7EXAMPLE", S3Secret), (s3.AccessKeyId, s3.SecretAccessKey));
        var scanner = services.GetRequiredService<SecretScanner>();
        foreach (var secret in new[] { SmtpPassword, S3Secret, _plainValue })
        {
            var finding = Assert.Single(scanner.Scan($"The login is {secret} for now."));
            Assert.Equal(SecretRules.ConfiguredSecretId, finding.RuleId);
        }

        // Plain variables are exported for libraries that read the environment; section keys are not.
        Assert.Equal(_plainValue, Environment.GetEnvironmentVariable(_plainVariable));
        Assert.Null(Environment.GetEnvironmentVariable("Archive__S3__SecretAccessKey"));
    }

    [Fact]
    public void TheProcessEnvironmentWinsOverTheDotEnvFile()
    {
        Environment.SetEnvironmentVariable(_plainVariable, "from-the-environment");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [AppConfiguration.DotEnvPathKey] = _temp.Combine(".env") })
            .AddEnvironmentVariables()
            .AddExecReportsFiles(RepoPaths.Root)
            .Build();

        Assert.Equal("from-the-environment", configuration[_plainVariable]);
        Assert.Equal(SmtpPassword, configuration["Email:Smtp:Password"]);
    }

    [Fact]
    public async Task APasswordOnlyInTheDotEnvFileQuotedInAHandoffIsCaughtByTheGateAndRedacted()
    {
        var folder = _temp.Combine("handoffs");
        SampleReports.CopyDirectory(Path.Combine(RepoPaths.Samples, "handoffs"), folder);

        await File.WriteAllBytesAsync(Path.Combine(folder, "relay.md"), new HandoffBuilder()
            .FrontMatter("entity", "jada")
            .FrontMatter("updated", "2026-11-20")
            .Title("Mail relay")
            .Section("Known issues", $"[security] The relay still logs in with {SmtpPassword} from the old runbook")
            .Bytes());
        await using var services = new CoreServicesBuilder(_temp.Combine("data"))
            .With(AppConfiguration.DotEnvPathKey, _temp.Combine(".env"))
            .With("Data:HandoffsPath", folder)
            .Build();
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        ReportSet set;
        await using (var scope = services.CreateAsyncScope())
        {
            var inputs = await scope.ServiceProvider.GetRequiredService<ReportInputsLoader>().LoadAsync(SampleReports.November, now: SampleReports.Now);
            set = services.GetRequiredService<ReportEngine>().Generate(inputs);
        }

        var result = services.GetRequiredService<ValidationGate>().Validate(set);

        var finding = Assert.Single(result.Findings, f => f.Report == "handoffs/relay.md");
        Assert.Equal("secrets/configured-secret", finding.Rule);
        Assert.All(result.Findings, f => Assert.DoesNotContain(SmtpPassword, f.Message + f.Suggestion));
        Assert.All(set.Reports, r => Assert.DoesNotContain(SmtpPassword, r.Rendered.Markdown + r.Rendered.Html + r.Rendered.Text));
        Assert.Contains(set.Reports, r => r.Rendered.Markdown.Contains("The relay still logs in with", StringComparison.Ordinal));
    }
}
