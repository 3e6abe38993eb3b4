using ExecReports.Core.Kpis;
using ExecReports.Tests.Support;

namespace ExecReports.Tests.Integration.Cli;

// `kpis import` holds files to the same limits as the editor, naming the field, and refuses an oversize file outright.
public sealed class KpisImportCliTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private Dictionary<string, string?> Environment => new() { ["ExecReports__DataPath"] = _temp.Combine("data") };

    [Fact]
    public async Task AMonthOverTheLimitsIsRejectedNamingEachFieldAndTheRestIsImported()
    {
        var good = new KpiMonthBuilder().For("jada", "2027-01").With(m => m with { EmailBlasts = [] }).Build();
        var tooLong = new KpiMonthBuilder().For("jada", "2027-02").With(m => m with
        {
            EmailBlasts = [],
            Expenses = Enumerable.Repeat(m.Expenses[0], KpiLimits.MaxLines + 1).ToList(),
            CashOnHand = decimal.MaxValue,
        }).WithPipeline(0, p => p with { Name = "Holiday \u202Esails" }).Build();
        var file = _temp.Combine("months.json");
        await File.WriteAllTextAsync(file, $"[{KpiJson.Serialize(good)},{KpiJson.Serialize(tooLong)}]");

        var result = await CliRunner.RunAsync(Environment, "kpis", "import", file);

        Assert.True(result.ExitCode == 1, result.StdErr + result.StdOut);
        var lines = result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("#0 jada 2027-01: created", StringComparison.Ordinal));
        var rejected = Assert.Single(lines, l => l.StartsWith("#1 jada 2027-02: rejected", StringComparison.Ordinal));
        Assert.Contains("expenses: has 501 lines; at most 500", rejected);
        Assert.Contains("cashOnHand: is 79,228,162,514,264,337,593,543,950,335; at most 1,000,000,000,000", rejected);
        Assert.Contains("pipeline[0].name: contains a bidirectional-text control (U+202E)", rejected);
    }

    [Fact]
    public async Task AFileOverTheSizeLimitIsRefusedSayingSo()
    {
        var month = KpiJson.Serialize(new KpiMonthBuilder().For("jada", "2027-03").Build());
        var file = _temp.Combine("huge.json");
        var copies = (int)(KpiLimits.MaxImportBytes / month.Length) + 10;
        await File.WriteAllTextAsync(file, "[" + string.Join(",", Enumerable.Repeat(month, copies)) + "]");

        var result = await CliRunner.RunAsync(Environment, "kpis", "import", file);

        Assert.True(result.ExitCode == 1, result.StdErr + result.StdOut);
        Assert.Contains("rejected - The file is larger than 5 MB", result.StdOut);
        Assert.DoesNotContain("created", result.StdOut);
    }
}
