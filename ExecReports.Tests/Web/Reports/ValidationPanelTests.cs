using Bunit;
using ExecReports.Core.Validation;
using ExecReports.Tests.Support;
using ExecReports.Web.Components.Pages.Reports;

namespace ExecReports.Tests.Web.Reports;

public class ValidationPanelTests : MudTestBase
{
    [Fact]
    public void GroupsFindingsByReportAndCountsThemPerFamily()
    {
        var result = new ValidationResult(
        [
            Finding(Severity.Error, "names/domain-near-miss", "cto-report.md", 58, "'quickdumpnow.co' is not a catalog domain", "did you mean quickdumpnow.com?"),
            Finding(Severity.Warning, "figures/rounding", "cto-report.md", 12, "rounded differently"),
            Finding(Severity.Error, "secrets/stripe-secret-key", "cfo-report.md", 7, "A credential"),
            Finding(Severity.Error, "completeness/missing-report", "rental-report", null, "The rental report is missing"),
            Finding(Severity.Warning, "secrets/stripe-secret-key", "handoffs/shipcaptaincrew.md", 23, "A credential in a handoff"),
        ]);

        var panel = Render<ValidationPanel>(p => p.Add(x => x.Result, result));

        Assert.Equal("3 errors, 2 warnings", panel.Find(".validation-summary").TextContent.Trim());
        Assert.Equal(
            ["cfo-report.md", "cto-report.md", "handoffs/shipcaptaincrew.md", "rental-report"],
            panel.FindAll(".validation-group").Select(g => g.GetAttribute("data-report")!));
        var cto = panel.Find(".validation-group[data-report='cto-report.md']");
        Assert.Contains("1 error, 1 warning", cto.QuerySelector(".validation-group-counts")!.TextContent);
        Assert.Equal(["line 12", "line 58"], cto.QuerySelectorAll(".finding-line-cell").Select(c => c.TextContent.Trim()));
        var nearMiss = cto.QuerySelector(".validation-finding[data-rule='names/domain-near-miss']")!;
        Assert.Equal("error", nearMiss.GetAttribute("data-severity"));
        Assert.Contains("did you mean quickdumpnow.com?", nearMiss.QuerySelector(".finding-suggestion")!.TextContent);
        Assert.Equal("—", panel.Find(".validation-group[data-report='rental-report'] .finding-line-cell").TextContent.Trim());
        Assert.Equal(
            ["completeness: 1 error, 0 warnings", "secrets: 1 error, 1 warning", "names: 1 error, 0 warnings", "figures: 0 errors, 1 warning"],
            panel.FindAll(".validation-family").Select(c => c.TextContent.Trim()));
    }

    [Fact]
    public void SaysSoWhenThereAreNoFindings()
    {
        var panel = Render<ValidationPanel>(p => p.Add(x => x.Result, new ValidationResult([])));

        Assert.Equal("passed", panel.Find(".validation-summary").TextContent.Trim());
        Assert.NotNull(panel.Find(".validation-clean"));
        Assert.Empty(panel.FindAll(".validation-group"));
    }

    [Fact]
    public void LinksEachFindingLineWhereTheCallerSays()
    {
        var result = new ValidationResult([Finding(Severity.Error, "names/domain-near-miss", "cto-report.md", 58, "near miss")]);

        var panel = Render<ValidationPanel>(p => p
            .Add(x => x.Result, result)
            .Add(x => x.LineHref, f => $"/reports/2026-11/cto?line={f.Line}"));

        Assert.Equal("/reports/2026-11/cto?line=58", panel.Find(".finding-line").GetAttribute("href"));
    }

    private static Finding Finding(Severity severity, string rule, string report, int? line, string message, string? suggestion = null) => new()
    {
        Severity = severity,
        Rule = rule,
        Report = report,
        Line = line,
        Section = line is null ? null : "Security Audit",
        Message = message,
        Suggestion = suggestion,
    };
}
