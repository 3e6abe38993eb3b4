using ExecReports.Core.Kpis;
using ExecReports.Core.Reports.Finance;
using ExecReports.Core.Validation;
using ExecReports.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Tests.Core.Validation;

// The gate must never block a good month: every shipped month with KPI inputs passes with no errors.
public class SampleMonthsGateTests(SampleReports samples) : IClassFixture<SampleReports>
{
    [Fact]
    public async Task EverySampleMonthWithKpiInputsValidatesWithoutErrors()
    {
        IReadOnlyList<ExecReports.Core.Primitives.Period> periods;
        await using (var scope = samples.Services.CreateAsyncScope())
        {
            periods = await scope.ServiceProvider.GetRequiredService<KpiService>().ListPeriodsAsync();
        }

        Assert.Contains(periods, p => p.ToString() == "2025-12");
        Assert.Contains(periods, p => p.ToString() == "2026-11");

        var errors = new List<string>();
        foreach (var period in periods)
        {
            var set = await samples.GenerateAsync(period);
            errors.AddRange(samples.Gate.Validate(set).Findings
                .Where(f => f.Severity == Severity.Error)
                .Select(f => $"{period}: {f.Rule} {f.Message}"));
        }

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void AConfiguredBufferStatedWithoutAnyTargetFigureIsNotAMismatch()
    {
        var line = new ReportTextBuilder().Section("Monthly Revenue Targets",
            "Targets ramp to break-even plus a 47% buffer by the end of next year, material at $750.").Text();
        var buffer = new FinanceOptions { MinimumCash = 10_000m, MaterialityPercent = 0.10m, MaterialityAmount = 750m, TargetBufferPercent = 0.47m };

        Assert.Empty(FigureCheck.Check(line, samples.Set.Metrics, parameters: buffer));
        // The same words with another buffer than the configured one are still checked.
        Assert.Equal(["47%", "$750"], FigureCheck.Check(line, samples.Set.Metrics, parameters: FinanceOptions.Default)
            .Select(f => f.Message.Split(' ').First(w => w.Contains('%') || w.Contains('$'))));
    }
}
