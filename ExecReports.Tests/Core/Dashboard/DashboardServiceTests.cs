using ExecReports.Core.Dashboard;
using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reports;
using ExecReports.Core.Reports.Metrics;
using ExecReports.Tests.Core.Schedule;
using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Tests.Core.Dashboard;

public class DashboardServiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly Period November = Period.Parse("2026-11");

    [Fact]
    public async Task EveryCatalogEntityGetsATileWhoseFiguresAreTheBooksMetrics()
    {
        await using var host = await ScheduleTestHost.StartAsync(Now);
        var model = await host.With<DashboardService, DashboardModel>(d => d.BuildAsync(November));
        var set = await host.Services.GetRequiredService<ReportService>().GetAsync(November);

        Assert.Equal(set.Inputs.Catalog.Entities.Select(e => e.Id).Order(StringComparer.Ordinal), model.Entities.Select(t => t.EntityId));
        foreach (var tile in model.Entities)
        {
            foreach (var figure in tile.Figures)
            {
                Assert.Same(set.Metrics.Get(figure.Id), figure);
            }

            foreach (var status in tile.Statuses)
            {
                Assert.Contains(set.Metrics.Get(status.MetricId).Display, status.Display, StringComparison.Ordinal);
                Assert.False(string.IsNullOrWhiteSpace(status.Reason));
                Assert.Contains("material at", status.Rule, StringComparison.Ordinal);
            }
        }

        Assert.Contains(model.Entities, t => t.Statuses.Count > 0);
    }

    [Fact]
    public async Task TheDashboardListsTheSetsDataConflicts()
    {
        await using var host = await ScheduleTestHost.StartAsync(Now);
        var model = await host.With<DashboardService, DashboardModel>(d => d.BuildAsync(November));
        var set = await host.Services.GetRequiredService<ReportService>().GetAsync(November);

        Assert.NotEmpty(model.Conflicts);
        Assert.Equal(set.Conflicts, model.Conflicts);
        Assert.Contains(model.Conflicts, c => c.Figure == "AWS cost" && c.Stated == "$412");
    }

    [Fact]
    public async Task RevenueStatusIsTheVarianceOfBookRevenueAgainstBookTarget()
    {
        await using var host = await ScheduleTestHost.StartAsync(Now);
        var model = await host.With<DashboardService, DashboardModel>(d => d.BuildAsync(November));
        var set = await host.Services.GetRequiredService<ReportService>().GetAsync(November);

        var tile = model.Entities.First(t => set.Metrics.Find(PortfolioCalculator.RevenueTarget(t.EntityId)) is not null);
        var revenue = set.Metrics.Get(PortfolioCalculator.Revenue(tile.EntityId));
        var target = set.Metrics.Get(PortfolioCalculator.RevenueTarget(tile.EntityId));
        var expected = Variance.Assess(revenue.Value!.Value, target.Value!.Value, Favourable.Higher, 0.10m, 500m, $"target {target.Display}");

        var status = tile.Statuses.Single(s => s.MetricId == revenue.Id);
        Assert.Equal(expected.Status, status.Status);
        Assert.Equal(expected.Reason, status.Reason);
    }

    [Fact]
    public async Task TrendsCoverTwelveMonthsEndingWithThePeriodFromEachMonthsBook()
    {
        await using var host = await ScheduleTestHost.StartAsync(Now);
        var model = await host.With<DashboardService, DashboardModel>(d => d.BuildAsync(November));
        var set = await host.Services.GetRequiredService<ReportService>().GetAsync(November);

        var revenue = model.Entities[0].Trends.Single(t => t.Name == "Revenue");
        Assert.Equal(12, revenue.Points.Count);
        Assert.Equal("2025-12", revenue.Points[0].Period);
        Assert.Equal("2026-11", revenue.Points[^1].Period);
        Assert.Equal(set.Metrics.Find(PortfolioCalculator.Revenue(model.Entities[0].EntityId))?.Value, revenue.Points[^1].Value);
    }

    [Fact]
    public async Task WarnsWhenKpiInputsWereNotUpdatedThisMonth()
    {
        // Seeded on 3 December; a month later nothing has been edited in January.
        await using var host = await ScheduleTestHost.StartAsync(Now);
        host.SetNow(new DateTimeOffset(2027, 1, 10, 9, 0, 0, TimeSpan.Zero));

        var model = await host.With<DashboardService, DashboardModel>(d => d.BuildAsync(November));

        Assert.All(model.Entities, t => Assert.Contains(t.Freshness, w => w.Message.StartsWith("KPI inputs not updated this month (last edited 2026-12-03)", StringComparison.Ordinal)));
    }
}
