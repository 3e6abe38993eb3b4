using Bunit;
using ExecReports.Core.Dashboard;
using ExecReports.Core.Reports.Metrics;
using ExecReports.Tests.Support;
using ExecReports.Web.Components.Pages.Dashboard;

namespace ExecReports.Tests.Web.Dashboard;

public class EntityTileCardTests : MudTestBase
{
    private static Metric Revenue(decimal value) => new()
    {
        Id = "entity.jada.revenue", Label = "jada revenue booked", Value = value, Unit = MetricUnit.Usd, Period = "2026-11",
        Formula = "sum of revenue[].amount", Inputs = [], Better = Favourable.Higher,
    };

    private static EntityTile Tile(IReadOnlyList<KpiStatus>? statuses = null, IReadOnlyList<FreshnessWarning>? freshness = null) => new()
    {
        EntityId = "jada",
        Name = "JADA",
        Kind = "business",
        Statuses = statuses ?? [],
        Figures = [Revenue(6700m)],
        Trends = [new TrendSeries("entity.jada.revenue", "Revenue", MetricUnit.Usd, [new TrendPoint("2026-10", 5000m), new TrendPoint("2026-11", 6700m)])],
        Freshness = freshness ?? [],
    };

    private static KpiStatus Status(VarianceStatus status, string reason) =>
        new("entity.jada.revenue", "jada revenue booked", "$6,700 (83.8% of target)", status, reason, "revenue booked vs the monthly revenue target; higher is better; material at ±10% and ±$500");

    [Theory]
    [InlineData(VarianceStatus.OnTrack, "on track", "mud-chip-color-success")]
    [InlineData(VarianceStatus.AtRisk, "at risk", "mud-chip-color-warning")]
    [InlineData(VarianceStatus.OffTrack, "off track", "mud-chip-color-error")]
    public void ColoursTheStatusChipAndPrintsTheReasonBesideIt(VarianceStatus status, string text, string colourClass)
    {
        var reason = "-$1,300 (-16.3%) vs target $8,000: unfavourable and material (material at ±10% and ±$500)";
        var card = Render<EntityTileCard>(p => p.Add(c => c.Tile, Tile([Status(status, reason)])));

        var chip = card.Find(".kpi-status");
        Assert.Equal(text, chip.TextContent.Trim());
        Assert.Contains(colourClass, chip.ClassName, StringComparison.Ordinal);
        Assert.Equal(reason, card.Find(".kpi-reason").TextContent);
        Assert.Contains("Revenue booked: ", card.Find(".kpi-row").TextContent, StringComparison.Ordinal);
        Assert.Contains("$6,700 (83.8% of target)", card.Find(".kpi-row").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ShowsTheEntityNameFiguresAndATrendChart()
    {
        var card = Render<EntityTileCard>(p => p.Add(c => c.Tile, Tile()));

        Assert.Equal("JADA", card.Find(".entity-name").TextContent);
        Assert.Equal("jada", card.Find(".entity-tile").GetAttribute("data-entity"));
        Assert.Contains("$6,700", card.Find("[data-metric='entity.jada.revenue']").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(card.FindAll(".entity-trend"));
    }

    [Fact]
    public void SaysSoWhenThereIsNoStatusToShow()
    {
        var card = Render<EntityTileCard>(p => p.Add(c => c.Tile, Tile()));

        Assert.Empty(card.FindAll(".kpi-status"));
        Assert.Contains("No KPI status", card.Find(".no-statuses").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ListsEveryFreshnessWarning()
    {
        var card = Render<EntityTileCard>(p => p.Add(c => c.Tile, Tile(freshness:
        [
            new FreshnessWarning("jada.md", "handoff jada.md last updated 2026-09-01 (91 days ago; stale after 30)"),
            new FreshnessWarning("kpis", "KPI inputs not updated this month (last edited 2026-10-03)"),
        ])));

        Assert.Equal(
            ["handoff jada.md last updated 2026-09-01 (91 days ago; stale after 30)", "KPI inputs not updated this month (last edited 2026-10-03)"],
            card.FindAll(".freshness-warning").Select(w => w.TextContent.Trim()));
    }
}
