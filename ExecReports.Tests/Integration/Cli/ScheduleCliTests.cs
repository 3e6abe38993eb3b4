using ExecReports.Tests.Support;

namespace ExecReports.Tests.Integration.Cli;

public class ScheduleCliTests
{
    [Fact]
    public async Task PrintsTheNextThreeFireTimesOfTheDefaultScheduleAsIsoUtc()
    {
        using var data = new TempDirectory();
        var result = await CliRunner.RunAsync(new Dictionary<string, string?> { ["ExecReports__DataPath"] = data.Path },
            "schedule", "--next", "3", "--now", "2026-11-25T12:00:00Z");

        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Equal(["2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z", "2027-02-01T00:00:00Z"], result.StdOut.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')));
    }

    [Fact]
    public async Task RejectsAnInvalidCronNamingTheField()
    {
        using var data = new TempDirectory();
        var result = await CliRunner.RunAsync(
            new Dictionary<string, string?> { ["ExecReports__DataPath"] = data.Path, ["Schedule__Cron"] = "0 25 1 * ? *" },
            "schedule", "--next", "1");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Schedule:Cron — cron '0 25 1 * ? *': field 2 (hours) '25' is outside 0-23", result.StdErr, StringComparison.Ordinal);
        Assert.Equal("", result.StdOut);
    }
}
