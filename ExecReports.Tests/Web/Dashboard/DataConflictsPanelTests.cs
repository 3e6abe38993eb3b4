using Bunit;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reconciliation;
using ExecReports.Tests.Support;
using ExecReports.Web.Components.Pages.Dashboard;

namespace ExecReports.Tests.Web.Dashboard;

public class DataConflictsPanelTests : MudTestBase
{
    private static readonly DataConflict Aws = new()
    {
        EntityId = "queenofsandiego",
        EntityName = "QueenofSandiego",
        Month = Period.Parse("2026-10"),
        Figure = "AWS cost",
        Kind = FigureKind.Money,
        Stated = "$412",
        Recorded = "$40",
        KpiField = "expenses (AWS lines)",
        Sources = ["aws-bill-october.md:3", "queenofsandiego.md:16"],
        NoteText = "AWS bill for October: $412 total",
    };

    [Fact]
    public void ListsEachConflictWithTheNoteLineAndALinkToTheKpiMonth()
    {
        var panel = Render<DataConflictsPanel>(p => p.Add(c => c.Conflicts, [Aws]));

        var item = panel.Find(".data-conflict");
        Assert.Contains("QueenofSandiego, 2026-10, AWS cost:", item.TextContent, StringComparison.Ordinal);
        Assert.Equal("aws-bill-october.md:3, queenofsandiego.md:16", panel.Find(".conflict-note").TextContent);
        Assert.Equal("/kpis/queenofsandiego/2026-10", panel.Find("a.conflict-kpi").GetAttribute("href"));
        Assert.Contains("KPI expenses (AWS lines), 2026-10", panel.Find("a.conflict-kpi").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ShowsNothingWithoutConflicts()
    {
        var panel = Render<DataConflictsPanel>(p => p.Add(c => c.Conflicts, []));

        Assert.Empty(panel.FindAll(".data-conflicts"));
    }
}
