using ExecReports.Core.Reports.Metrics;
using ExecReports.Core.Reports.Rendering;

namespace ExecReports.Tests.Core.Reports.Rendering;

public class ReportRendererTests
{
    [Fact]
    public void EscapedHandoffTextNeverBecomesMarkup()
    {
        var hostile = "<script>alert('x')</script> <img src=x onerror=alert(1)> [click](javascript:alert(1))";

        var rendered = ReportRenderer.Render($"Finding: {MarkdownText.Escape(hostile)}\n");

        Assert.DoesNotContain("<script", rendered.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", rendered.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript", rendered.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", rendered.Html);
        Assert.Contains("<script>alert('x')</script>", rendered.Text);
    }

    [Fact]
    public void UnescapedMarkupIsStillSanitised()
    {
        var rendered = ReportRenderer.Render("<script>alert(1)</script>\n\n[x](javascript:alert(1)) <a href=\"javascript:alert(2)\">y</a>\n");

        Assert.DoesNotContain("<script", rendered.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", rendered.Html.Replace("&lt;a href=\"javascript:alert(2)\"&gt;", ""), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void EveryElementCarriesInlineStylesForMailClients()
    {
        var rendered = ReportRenderer.Render("## Burn Rate\n\nText with a [link](https://example.com).\n\n| A | B |\n| --- | ---: |\n| x | 1 |\n");

        Assert.Contains("<h2 style=", rendered.Html);
        Assert.Contains("<table style=", rendered.Html);
        Assert.Contains("<td style=", rendered.Html);
        Assert.Contains("text-align:right", rendered.Html);
        Assert.DoesNotContain("<style", rendered.Html);
    }

    [Fact]
    public void PlainTextUnderlinesHeadingsAlignsTablesAndSpellsOutLinks()
    {
        var rendered = ReportRenderer.Render("# Title\n\n## Section\n\nSee [the site](https://example.com).\n\n| Entity | Revenue |\n| --- | ---: |\n| JADA | $12.5K |\n| QuickDumpNow | $900 |\n\n- one\n- two\n");

        var lines = rendered.Text.Split('\n');
        Assert.Equal("Title", lines[0]);
        Assert.Equal("=====", lines[1]);
        Assert.Contains("See the site (https://example.com).", rendered.Text);
        Assert.Contains("Entity        Revenue", rendered.Text);
        Assert.Contains("JADA           $12.5K", rendered.Text);
        Assert.Contains("QuickDumpNow     $900", rendered.Text);
        Assert.Contains("- one\n- two", rendered.Text);
    }

    [Fact]
    public void RenderingIsByteForByteRepeatable()
    {
        const string markdown = "# T\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n";

        Assert.Equal(ReportRenderer.Render(markdown), ReportRenderer.Render(markdown));
    }

    [Theory]
    [InlineData(7140.4, MetricUnit.Usd, "$7,140")]
    [InlineData(12345, MetricUnit.Usd, "$12.3K")]
    [InlineData(-8900, MetricUnit.UsdPerMonth, "-$8,900/mo")]
    [InlineData(0.125, MetricUnit.Percent, "12.5%")]
    [InlineData(14.04, MetricUnit.Months, "14.0 months")]
    [InlineData(2500000, MetricUnit.Usd, "$2.5M")]
    public void FormatsFiguresWithOneRoundingRule(double value, MetricUnit unit, string expected) =>
        Assert.Equal(expected, MetricFormat.Format((decimal)value, unit));
}
