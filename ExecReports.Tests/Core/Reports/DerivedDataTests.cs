using ExecReports.Core.Dashboard;
using ExecReports.Core.Dispatch;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reports;
using ExecReports.Core.Schedule;
using ExecReports.Core.Validation;
using ExecReports.Tests.Core.Schedule;
using ExecReports.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Tests.Core.Reports;

// What is derived from a period's inputs (last month's book, the trend months, the gate's result) is worked out once per
// input digest, whichever of the dashboard, the pages, the schedule and dispatch asks first.
public class DerivedDataTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly Period November = Period.Parse("2026-11");

    [Fact]
    public async Task LastMonthsBookIsComputedOncePerInputDigestHoweverManyPartsReadIt()
    {
        await using var host = await ScheduleTestHost.StartAsync(Now);
        using var counts = new MeterCounts(host.Services);
        var reports = host.Services.GetRequiredService<ReportService>();

        var set = await reports.GetAsync(November);
        await host.With<DashboardService, DashboardModel>(d => d.BuildAsync(November));
        host.Services.GetRequiredService<ValidationGate>().Validate(set);
        await host.With<DispatchService, DispatchPlan>(d => d.PlanAsync(November));
        var again = await reports.GetAsync(November);

        Assert.Same(set, again);
        Assert.Equal(1, counts.Sum(ReportEngine.BooksComputed, ("period", "2026-10"), ("inputs", set.Digest)));
        Assert.Same(set.Previous, set.Months[^2].Book);
        Assert.Same(set.Metrics, set.Months[^1].Book);
        Assert.Equal(ReportSet.TrendMonths, set.Months.Count);
        Assert.All(set.Months, m => Assert.Equal(1, counts.Sum(ReportEngine.BooksComputed, ("period", m.Period.ToString()), ("inputs", set.Digest))));
        Assert.Equal(1, counts.Sum(ValidationGate.ValidationsRun, ("inputs", set.Digest)));
    }

    [Fact]
    public async Task DispatchAfterTheScheduledRunSendsTheSetTheRunValidatedWithoutValidatingAgain()
    {
        await using var host = await ScheduleTestHost.StartAsync(Now);
        using var counts = new MeterCounts(host.Services);

        var run = await host.With<ScheduleRunner, ScheduleRun>(r => r.RunNowAsync(November, "editor@example.com"));
        var set = await host.Services.GetRequiredService<ReportService>().GetAsync(November);
        var again = await host.Services.GetRequiredService<DispatchService>().DispatchAsync(November, DispatchTrigger.Manual, "editor@example.com");

        Assert.Equal(RunOutcome.Sent, run.Outcome);
        Assert.Equal(set.Reports.Count, host.OutboxCount);
        Assert.All(again.Items, i => Assert.Equal(ItemStatus.Unchanged, i.Status));
        Assert.Equal(1, counts.Sum(ValidationGate.ValidationsRun, ("period", "2026-11")));
        Assert.Equal(1, counts.Sum(ReportEngine.BooksComputed, ("period", "2026-10"), ("inputs", set.Digest)));
    }

    [Fact]
    public async Task AnEditedInputIsANewDigestAndIsValidatedAfresh()
    {
        await using var host = await ScheduleTestHost.StartAsync(Now);
        using var counts = new MeterCounts(host.Services);
        var reports = host.Services.GetRequiredService<ReportService>();
        var gate = host.Services.GetRequiredService<ValidationGate>();
        var before = await reports.GetAsync(November);
        gate.Validate(before);

        await host.With<ExecReports.Core.Kpis.KpiService, bool>(async kpis =>
        {
            var jada = (await kpis.GetAsync("jada", November))!;
            return (await kpis.SaveAsync(jada with { CashOnHand = jada.CashOnHand + 1 }, "editor@example.com")).Saved;
        });
        var after = await reports.GetAsync(November);
        gate.Validate(after);

        Assert.NotEqual(before.Digest, after.Digest);
        Assert.Equal(1, counts.Sum(ValidationGate.ValidationsRun, ("inputs", before.Digest)));
        Assert.Equal(1, counts.Sum(ValidationGate.ValidationsRun, ("inputs", after.Digest)));
    }

    [Fact]
    public async Task AnEditToALaterMonthKeepsAnEarlierMonthsSet()
    {
        await using var host = await ScheduleTestHost.StartAsync(Now);
        var reports = host.Services.GetRequiredService<ReportService>();
        var october = await reports.GetAsync(November.Previous());
        var november = await reports.GetAsync(November);

        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await host.With<ExecReports.Core.Kpis.KpiService, bool>(async kpis =>
        {
            var jada = (await kpis.GetAsync("jada", November))!;
            return (await kpis.SaveAsync(jada with { CashOnHand = jada.CashOnHand + 1 }, "editor@example.com")).Saved;
        });

        // October's reports read September and earlier too, never November: the edit is not theirs to show.
        Assert.Same(october, await reports.GetAsync(November.Previous()));
        Assert.NotSame(november, await reports.GetAsync(November));
    }
}
