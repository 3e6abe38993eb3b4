using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ExecReports.Tests.Support;

namespace ExecReports.Tests.Integration.Dispatch;

// `send` and `archive` as a script sees them: the built CLI as a real process, mailing a real SMTP server.
public sealed class SendCliTests : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();
    private SmtpTestServer _smtp = null!;

    public async Task InitializeAsync() => _smtp = await SmtpTestServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        _temp.Dispose();
    }

    private Dictionary<string, string?> Environment(int port) => new()
    {
        ["ExecReports__DataPath"] = _temp.Combine("data"),
        ["Email__Transport"] = "Smtp",
        ["Email__Smtp__Host"] = "127.0.0.1",
        ["Email__Smtp__Port"] = port.ToString(CultureInfo.InvariantCulture),
        ["Email__Smtp__Security"] = "None",
        ["Email__Retry__BaseDelaySeconds"] = "0.01",
        ["Dispatch__LeaseSeconds"] = "1",
    };

    private int ReportsReceived(string subject) => _smtp.Received.Count(m => m.Parse().Subject == subject);

    [Fact]
    public async Task SendPrintsOneLinePerItemAndASecondSendSendsNothing()
    {
        var first = await CliRunner.RunAsync(Environment(_smtp.Port), "send", "--period", "2026-11");

        Assert.True(first.ExitCode == 0, first.StdErr + first.StdOut);
        var line = Assert.Single(first.StdOut.Split('\n'), l => l.StartsWith("cfo ", StringComparison.Ordinal));
        Assert.Contains("2 recipient(s)", line);
        Assert.Contains("sent", line);
        Assert.Contains(_smtp.Received.Single(m => m.Parse().Subject == "CFO report — 2026-11").Parse().MessageId!, line);

        var second = await CliRunner.RunAsync(Environment(_smtp.Port), "send", "--period", "2026-11");
        Assert.True(second.ExitCode == 0, second.StdErr);
        Assert.Contains("already sent in batch 1", second.StdOut);
        Assert.Equal(1, ReportsReceived("CFO report — 2026-11"));

        var list = await CliRunner.RunAsync(Environment(_smtp.Port), "archive", "list", "--json");
        Assert.True(list.ExitCode == 0, list.StdErr);
        using var json = JsonDocument.Parse(list.StdOut);
        var rows = json.RootElement.EnumerateArray().Where(r => r.GetProperty("role").GetString() == "cfo").ToList();
        Assert.Equal(["cfo-report.html", "cfo-report.json", "cfo-report.md", "cfo-report.txt"],
            rows.Select(r => r.GetProperty("key").GetString()!.Split('/')[1]).Order(StringComparer.Ordinal));
        Assert.All(rows, r =>
        {
            Assert.Equal("cfo", r.GetProperty("role").GetString());
            Assert.Equal(64, r.GetProperty("sha256").GetString()!.Length);
            Assert.True(r.GetProperty("size").GetInt64() > 0);
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", r.GetProperty("date").GetString());
        });
    }

    [Fact]
    public async Task DryRunSendsAndArchivesNothing()
    {
        var result = await CliRunner.RunAsync(Environment(_smtp.Port), "send", "--period", "2026-11", "--dry-run");

        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Contains("cfo ", result.StdOut);
        Assert.Contains("dry run: nothing sent, nothing archived", result.StdOut);
        Assert.Empty(_smtp.Received);
        Assert.False(Directory.Exists(_temp.Combine("data", "archive")) && Directory.EnumerateFiles(_temp.Combine("data", "archive"), "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task ARejectedReportExitsWithOneAndABadPeriodWithTwo()
    {
        _smtp.FailNext(1, SmtpFault.Reject554);

        var rejected = await CliRunner.RunAsync(Environment(_smtp.Port), "send", "--period", "2026-11");
        var usage = await CliRunner.RunAsync(Environment(_smtp.Port), "send", "--period", "November");

        Assert.Equal(1, rejected.ExitCode);
        Assert.Contains("failed", rejected.StdOut);
        Assert.Contains("verify the recipient", rejected.StdOut);
        Assert.Equal(2, usage.ExitCode);
        Assert.Contains("--period", usage.StdErr);
    }

    // The process dies with the item claimed and the SMTP session open; the next run resumes it once its
    // lease has expired, and every report arrives exactly once.
    [Fact]
    public async Task ASendKilledMidBatchIsFinishedByTheNextRunExactlyOnce()
    {
        await using var proxy = new GatedSmtpRelay(_smtp.Port);
        using (var victim = Start(Environment(proxy.Port), "send", "--period", "2026-11"))
        {
            var held = await Task.WhenAny(proxy.FirstHeld, victim.WaitForExitAsync(), Task.Delay(TimeSpan.FromMinutes(1)));
            Assert.True(held == proxy.FirstHeld, "the first send never reached the SMTP server");
            victim.Kill(entireProcessTree: true);
            await victim.WaitForExitAsync();
        }

        Assert.Empty(_smtp.Received);
        proxy.Open();
        // Lease is 1 s (Dispatch:LeaseSeconds); the dead process's claim must run out before anyone may take it.
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        var rerun = await CliRunner.RunAsync(Environment(proxy.Port), "send", "--period", "2026-11");

        Assert.True(rerun.ExitCode == 0, rerun.StdErr + rerun.StdOut);
        Assert.Contains("resumed cfo", rerun.StdOut);
        Assert.Contains("already sent in batch 1", rerun.StdOut);
        Assert.Equal(1, ReportsReceived("CFO report — 2026-11"));
        Assert.All(_smtp.Received.GroupBy(m => m.Parse().Subject), g => Assert.Single(g));
    }

    private static Process Start(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo(System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CliRunner.DllPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the CLI");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
