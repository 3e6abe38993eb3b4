using ExecReports.Core.Reports;
using ExecReports.Core.Reports.Rendering;
using ExecReports.Tests.Support;

namespace ExecReports.Tests.Core.Reports.Rendering;

public class PlainTextWidthTests(SampleReports samples) : IClassFixture<SampleReports>
{
    private const int Width = 78;

    [Fact]
    public void EverySampleEmailTextLineFitsSeventyEightCharacters()
    {
        Assert.All(samples.Set.Reports, report =>
        {
            var wide = report.Email.Text.Split('\n').Where(l => l.Length > Width && !IsOneLink(l)).ToList();
            Assert.True(wide.Count == 0, $"{report.Role.Id}: {wide.Count} lines over {Width}, first: {wide.FirstOrDefault()}");
        });
    }

    [Fact]
    public void TheFullTextPartIsWrappedToo()
    {
        Assert.All(samples.Set.Reports, report =>
            Assert.DoesNotContain(report.Rendered.Text.Split('\n'), l => l.Length > Width && !IsOneLink(l)));
    }

    [Fact]
    public void AParagraphWrapsAtWordsAndAListItemHangsUnderItsText()
    {
        var words = string.Join(' ', Enumerable.Repeat("alpha beta", 20));

        var text = ReportRenderer.Render($"{words}\n\n- {words}\n").Text.Split('\n');

        Assert.All(text, l => Assert.True(l.Length <= Width, l));
        Assert.Equal("alpha beta alpha beta alpha beta alpha beta alpha beta alpha beta alpha beta", text[0]);
        var item = Array.FindIndex(text, l => l.StartsWith("- ", StringComparison.Ordinal));
        Assert.StartsWith("  alpha", text[item + 1]);
    }

    [Fact]
    public void ATableWiderThanALineBecomesAnAlignedList()
    {
        var longText = string.Join(' ', Enumerable.Repeat("unauthenticated endpoint", 4));
        var markdown = $"| Component | Severity | Finding |\n| --- | --- | --- |\n| Stripe | critical | {longText} |\n| Forms | high | short |\n";

        var text = ReportRenderer.Render(markdown).Text;

        Assert.Contains("- Stripe\n", text);
        Assert.Contains("  Severity: critical\n", text);
        Assert.Contains("  Finding:  unauthenticated endpoint", text);
        Assert.Contains("- Forms\n  Severity: high\n  Finding:  short\n", text);
        Assert.DoesNotContain(text.Split('\n'), l => l.Length > Width);
    }

    [Fact]
    public void ANarrowTableStaysATable()
    {
        var text = ReportRenderer.Render("| Figure | Value |\n| --- | ---: |\n| Cash | $1,200 |\n").Text;

        Assert.Contains("Figure   Value\n------  ------\nCash    $1,200\n", text);
    }

    [Fact]
    public void AWordLongerThanALineIsSplitButALinkIsKeptWhole()
    {
        var token = new string('x', 100);
        var link = "https://example.com/" + new string('a', 90);

        var text = ReportRenderer.Render($"{token}\n\nSee {link}\n").Text.Split('\n');

        Assert.Equal(new string('x', Width), text[0]);
        Assert.Contains(link, text);
    }

    private static bool IsOneLink(string line) =>
        line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: >= 1 } words
        && words.Count(w => w.Contains("http", StringComparison.Ordinal) && w.Length > Width / 2) == 1
        && line.Trim().Length - words.First(w => w.Contains("http", StringComparison.Ordinal)).Length < 12;
}
