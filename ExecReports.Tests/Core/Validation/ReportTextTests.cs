using ExecReports.Core.Reports;
using ExecReports.Core.Validation;

namespace ExecReports.Tests.Core.Validation;

public class ReportTextTests
{
    [Fact]
    public void ReadsMarkdownWithoutItsEscapes()
    {
        var text = ReportText.FromFile("x/cfo-report.md", "# CFO report — 2026\\-11\n\n## Burn Rate\n\nNet burn $4,055/mo, target $46\\.4K\\.\n");

        Assert.Equal((ReportRole.Cfo, "2026-11"), (text.Role, text.Period));
        Assert.Equal("Net burn $4,055/mo, target $46.4K.", text.Lines[4]);
    }

    [Fact]
    public void ReadsHtmlHeadingsAsMarkdownHeadingsKeepingLineNumbers()
    {
        const string html = """
            <div>
            <h1 style="x">CFO report — 2026-11</h1>
            <h2 style="y">Burn Rate</h2>
            <p>Net burn &amp; more: <strong>$4,055/mo</strong></p>
            <table>
            <tr>
            <td>Net burn</td>
            <td>$4,055/mo</td>
            </tr>
            </table>
            <!-- a comment
            over lines -->
            <h2>Runway</h2>
            <p>18.8 months</p>
            </div>
            """;

        var text = ReportText.FromFile("cfo-report.html", html);

        Assert.Equal((ReportRole.Cfo, "2026-11"), (text.Role, text.Period));
        Assert.Equal(html.Split('\n').Length, text.Lines.Count);
        Assert.Equal("# CFO report — 2026-11", text.Lines[1]);
        Assert.Equal("## Burn Rate", text.Lines[2]);
        Assert.Equal("Net burn & more: $4,055/mo", text.Lines[3]);
        Assert.Equal("Net burn | $4,055/mo", text.Lines[5]);
        Assert.Equal("## Runway", text.Lines[12]);
        Assert.Equal("Runway", text.SectionAt(14));
        Assert.Equal(["Burn Rate", "Runway"], text.Sections().Select(s => s.Heading));
    }

    [Fact]
    public void FindsTheSectionOfALineInPlainText()
    {
        var text = ReportText.FromFile("cfo-report.txt", "CFO report — 2026-11\n====================\n\nBurn Rate\n---------\n\nNet burn $4,055/mo.\n\nRunway\n------\n\n18.8 months\n");

        Assert.Equal("Burn Rate", text.SectionAt(7));
        Assert.Equal("Runway", text.SectionAt(12));
        Assert.Null(text.SectionAt(2));
    }
}
