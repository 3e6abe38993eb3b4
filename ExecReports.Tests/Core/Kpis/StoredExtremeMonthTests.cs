using ExecReports.Core.Data;
using ExecReports.Core.Kpis;
using ExecReports.Core.Validation;
using ExecReports.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Tests.Core.Kpis;

// Months written before the limits existed (or straight into the database) must never crash a report: they are left
// out of the figures and the gate names them as errors.
public sealed class StoredExtremeMonthTests : IDisposable
{
    private readonly SampleReports _samples = new();

    public void Dispose() => _samples.Dispose();

    public static TheoryData<string, Func<KpiMonth, KpiMonth>, string> Extremes => new()
    {
        { "decimal-max amounts", m => m with { CashOnHand = decimal.MaxValue, Expenses = [.. m.Expenses.Select(e => e with { Amount = decimal.MaxValue })] }, "expenses[0].amount" },
        { "40,000 expense lines", m => m with { Expenses = Enumerable.Repeat(m.Expenses[0], 40_000).ToList() }, "expenses" },
        { "int-max counts", m => m with { Channels = [.. m.Channels.Select(c => c with { Visits = int.MaxValue, Bookings = int.MaxValue })] }, "channels[0].visits" },
    };

    [Theory]
    [MemberData(nameof(Extremes))]
    public async Task ReportsOnAStoredExtremeMonthAreGeneratedAndTheGateNamesTheField(string why, Func<KpiMonth, KpiMonth> change, string field)
    {
        await StoreDirectlyAsync("jada", SampleReports.November.ToString(), change);

        var set = await _samples.GenerateAsync();
        var result = _samples.Services.GetRequiredService<ValidationGate>().Validate(set);

        Assert.NotEmpty(set.Reports);
        Assert.DoesNotContain(set.Inputs.Kpis, k => k.EntityId == "jada" && k.Period == SampleReports.November);
        var finding = Assert.Single(result.Findings, f => f.Rule == "completeness/kpi-out-of-bounds");
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.True(finding.Message.Contains($"{field}:", StringComparison.Ordinal), $"{why}: {finding.Message}");
        Assert.Contains("jada 2026-11", finding.Message);
    }

    private async Task StoreDirectlyAsync(string entityId, string period, Func<KpiMonth, KpiMonth> change)
    {
        await using var scope = _samples.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var record = await db.KpiRecords.SingleAsync(r => r.EntityId == entityId && r.Period == period);
        record.Json = KpiJson.Serialize(change(KpiJson.Deserialize(record.Json)));
        await db.SaveChangesAsync();
    }
}
