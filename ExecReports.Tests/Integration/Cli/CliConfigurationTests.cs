using ExecReports.Tests.Support;

namespace ExecReports.Tests.Integration.Cli;

// The CLI never starts its host, so it runs the host's start-up validation itself: every verb refuses to run on a
// configuration the web app would refuse to start with, naming the key, before it touches the data folder.
public class CliConfigurationTests
{
    [Fact]
    public async Task AMisspeltKeyStopsEveryVerbNamingTheKey()
    {
        using var data = new TempDirectory();
        var result = await CliRunner.RunAsync(
            new Dictionary<string, string?> { ["ExecReports__DataPath"] = data.Combine("data"), ["Finance__MinimumCahs"] = "5000" },
            "health");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("Invalid configuration", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("'MinimumCahs'", result.StdErr, StringComparison.Ordinal);
        Assert.Equal("", result.StdOut);
        Assert.False(File.Exists(data.Combine("data", "execreports.db")));
    }

    [Fact]
    public async Task AnInvalidOptionStopsTheVerbNamingTheOption()
    {
        using var data = new TempDirectory();
        var result = await CliRunner.RunAsync(
            new Dictionary<string, string?> { ["ExecReports__DataPath"] = data.Combine("data"), ["Database__Provider"] = "Oracle" },
            "generate", "--period", "2026-11", "--out", data.Combine("out"));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("Invalid configuration", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("'DatabaseOptions' members: 'Provider'", result.StdErr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(data.Combine("out")));
    }
}
