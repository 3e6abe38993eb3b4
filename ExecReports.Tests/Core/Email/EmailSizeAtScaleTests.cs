using System.Text;
using ExecReports.Benchmarks;
using ExecReports.Core.Ingestion;
using ExecReports.Core.Reports.Rendering;
using ExecReports.Tests.Support;

namespace ExecReports.Tests.Core.Email;

// The corpus the `process` benchmark generates from: 16,000 handoffs, no two facts alike, so nothing deduplicates.
public class EmailSizeAtScaleTests(SampleReports samples) : IClassFixture<SampleReports>
{
    private const int Handoffs = 16_000;

    [Fact]
    public async Task EveryEmailStaysWithinTheLimitsAtSixteenThousandDistinctHandoffs()
    {
        var folder = samples.TempPath("corpus-16000");
        Corpus.WriteHandoffs(folder, samples.Catalog.Entities.Select(e => (e.Id, e.Name)).ToList(), Handoffs);
        using var store = IngestionServiceCollectionExtensions.ForFolder(samples.Services, folder);
        var snapshot = store.GetSnapshot();
        Assert.Equal(Handoffs, snapshot.Documents.Count);

        var set = await samples.GenerateAsync(handoffs: snapshot);

        Assert.All(set.Reports, report =>
        {
            var html = Encoding.UTF8.GetByteCount(report.Email.Html);
            var text = Encoding.UTF8.GetByteCount(report.Email.Text);
            Assert.True(html <= EmailComposer.MaxHtmlBytes, $"{report.Role.Id}: HTML part {html:N0} bytes (Markdown {report.Rendered.Markdown.Length:N0})");
            Assert.True(text <= EmailComposer.MaxTextBytes, $"{report.Role.Id}: text part {text:N0} bytes");
            Assert.StartsWith($"{report.Title}\n", report.Email.Text);
        });
        // Bounded, not emptied: the CTO email still quotes its most material issues and counts the rest.
        var cto = set.For(ExecReports.Core.Reports.ReportRole.Cto)!;
        Assert.Contains("more issues across", cto.Email.Text);
        Assert.Contains("Executive Summary", cto.Email.Text);
    }
}
