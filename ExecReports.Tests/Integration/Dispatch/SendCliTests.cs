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
        Assert.Contains("unchanged since batch 1", second.StdOut);
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
    public async Task SendingAMonthNotClosedExitsOneSendsNothingAndNamesTheEntitiesNotReady()
    {
        var result = await CliRunner.RunAsync(Environment(_smtp.Port), "send", "--period", "2026-12");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not sent: not ready: December 2026: 7 of 7 entities not closed", result.StdErr);
        foreach (var entity in new[] { "jada", "queenofsandiego", "quickdumpnow", "dangerouscentaur", "rental-3028-51st", "expert-yacht-delivery", "dangerouscentaur-portfolio" })
        {
            Assert.Contains($"{entity}: missing inputs", result.StdErr);
        }

        Assert.Empty(_smtp.Received);
    }

    // The burn ceiling is read by the CFO report alone (budget against actual; KpiFieldUses says so and KpiFieldUsesTests
    // proves it): the other seven stay byte-for-byte the same.
    [Fact]
    public async Task AfterAnEditThatChangesOnlyTheCfoReportTheNextSendSendsThatReportAlone()
    {
        var first = await CliRunner.RunAsync(Environment(_smtp.Port), "send", "--period", "2026-11");
        Assert.True(first.ExitCode == 0, first.StdErr + first.StdOut);
        var export = _temp.Combine("jada.json");
        var exported = await CliRunner.RunAsync(Environment(_smtp.Port), "kpis", "export", "--entity", "jada", "--period", "2026-11", "--out", export);
        Assert.True(exported.ExitCode == 0, exported.StdErr);
        var months = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(export))!.AsArray();
        var targets = months[0]!["targets"]!;
        targets["burnCeiling"] = targets["burnCeiling"]!.GetValue<decimal>() + 500;
        await File.WriteAllTextAsync(export, months.ToJsonString());
        var imported = await CliRunner.RunAsync(Environment(_smtp.Port), "kpis", "import", export);
        Assert.True(imported.ExitCode == 0, imported.StdErr + imported.StdOut);

        var second = await CliRunner.RunAsync(Environment(_smtp.Port), "send", "--period", "2026-11");

        Assert.True(second.ExitCode == 0, second.StdErr + second.StdOut);
        var lines = second.StdOut.Split('\n').Where(l => l.Contains("recipient(s)", StringComparison.Ordinal)).ToList();
        Assert.Equal(8, lines.Count);
        Assert.Matches(@"^cfo\s+2 recipient\(s\)\s+sent\s", Assert.Single(lines, l => l.StartsWith("cfo ", StringComparison.Ordinal)));
        Assert.All(lines.Where(l => !l.StartsWith("cfo ", StringComparison.Ordinal)), l => Assert.Matches(@"^\S+\s+2 recipient\(s\)\s+unchanged\s", l));
        Assert.Contains("batch 2: 1 sent, 7 unchanged", second.StdOut);
        Assert.Equal(2, ReportsReceived("CFO report — 2026-11"));
        Assert.Equal(1, ReportsReceived("CEO report — 2026-11"));
    }

    [Fact]
    public async Task RoleLimitsASendToOneReportAndAnUnknownRoleIsAUsageError()
    {
        var cfo = await CliRunner.RunAsync(Environment(_smtp.Port), "send", "--period", "2026-11", "--role", "cfo");
        var unknown = await CliRunner.RunAsync(Environment(_smtp.Port), "send", "--period", "2026-11", "--role", "cfoo");

        Assert.True(cfo.ExitCode == 0, cfo.StdErr + cfo.StdOut);
        Assert.Single(cfo.StdOut.Split('\n'), l => l.Contains("recipient(s)", StringComparison.Ordinal));
        Assert.Contains("batch 1: 1 sent", cfo.StdOut);
        Assert.Equal(1, ReportsReceived("CFO report — 2026-11"));
        Assert.Equal(0, ReportsReceived("CEO report — 2026-11"));
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("--role must be one of ceo, cto", unknown.StdErr);
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
            // As long as CliRunner lets any run take: in a full suite on two cores a send's start-up and generation take
            // several times their idle 9 s.
            var held = await Task.WhenAny(proxy.FirstHeld, victim.WaitForExitAsync(), Task.Delay(CliRunner.HangGuard));
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
        Assert.Contains("unchanged since batch 1", rerun.StdOut);
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
