using ExecReports.Core.Ingestion;
using ExecReports.Core.Reports;
using ExecReports.Core.Validation;
using ExecReports.Tests.Core.Ingestion;
using ExecReports.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Tests.Core.Validation;

public class ValidationGateTests(SampleReports samples) : IClassFixture<SampleReports>
{
    private const string StripeKey = "sk_live_4eC39HqLyjWDarjtT1zdp7dc";

    [Fact]
    public void ExpectsTheFiveExecutiveReportsAndTheConfiguredDomainReports()
    {
        Assert.Equal(["ceo", "cto", "accounting", "cmo", "cfo", "rental", "yacht-delivery", "portfolio-billing"], samples.Gate.ExpectedRoles.Select(r => r.Id));
    }

    [Fact]
    public void TheGeneratedSampleSetHasNoFigureSecretOrNameErrors()
    {
        var result = samples.Gate.Validate(samples.Set);

        Assert.DoesNotContain(result.Findings, f => f.Family is RuleFamilies.Figures or RuleFamilies.Secrets or RuleFamilies.Names && f.Severity == Severity.Error);
        // Reports not generated yet are missing from the set, and only those.
        var generated = samples.Set.Reports.Select(r => r.Role).ToHashSet();
        Assert.Equal(
            samples.Gate.ExpectedRoles.Where(r => !generated.Contains(r)).Select(r => $"{r.Id}-report").Order(StringComparer.Ordinal),
            result.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.Report!).Order(StringComparer.Ordinal));
        Assert.All(result.Findings.Where(f => f.Severity == Severity.Error), f => Assert.Equal("completeness/missing-report", f.Rule));
    }

    [Fact]
    public void ValidatingOnlyTheGeneratedRolesOfTheSamplesFindsNoErrors()
    {
        var result = samples.Gate.Validate(samples.Set, samples.Set.Reports.Select(r => r.Role).ToList());

        Assert.False(result.HasErrors, string.Join("\n", result.Findings.Select(f => f.Message)));
        Assert.Equal(RuleFamilies.All, result.Counts.Select(c => c.Family));
    }

    [Fact]
    public async Task ASecretQuotedInAHandoffIsAWarningAndNeverAppearsInFull()
    {
        var folder = samples.TempPath("handoffs-with-secret");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(Path.Combine(Support.RepoPaths.Samples, "handoffs")))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        await File.WriteAllBytesAsync(Path.Combine(folder, "leak.md"), new HandoffBuilder()
            .FrontMatter("entity", "jada")
            .FrontMatter("updated", "2026-11-20")
            .Title("Checkout")
            .Section("Known issues", $"[security] The checkout still reads STRIPE_SECRET_KEY={StripeKey} from config/stripe.js")
            .Bytes());
        using var store = IngestionServiceCollectionExtensions.ForFolder(samples.Services, folder);
        var set = await samples.GenerateAsync(handoffs: store.GetSnapshot());

        var result = samples.Gate.Validate(set);

        var warning = Assert.Single(result.Findings, f => f.Report == "handoffs/leak.md");
        Assert.Equal((Severity.Warning, "secrets/stripe-secret-key"), (warning.Severity, warning.Rule));
        Assert.NotNull(warning.Line);
        Assert.Contains($"handoff leak.md line {warning.Line}", warning.Message);
        Assert.Contains("rotate it", warning.Message);
        Assert.All(result.Findings, f => Assert.DoesNotContain(StripeKey, f.Message + f.Suggestion));
        Assert.All(set.Reports, r => Assert.DoesNotContain(StripeKey, r.Rendered.Markdown));
        Assert.DoesNotContain(result.Findings, f => f.Family == RuleFamilies.Secrets && f.Severity == Severity.Error);
    }

    [Fact]
    public void ASecretInAReportIsAnErrorWithItsSectionLineAndARedactedExcerpt()
    {
        var builder = new ReportTextBuilder().Section("Burn Rate", "Fine.", $"Stripe: {StripeKey} in use.");

        var finding = Assert.Single(samples.Services.GetRequiredService<SecretsCheck>().Check(builder.Text()));

        Assert.Equal(("secrets/stripe-secret-key", Severity.Error, 6, "Burn Rate"), (finding.Rule, finding.Severity, finding.Line, finding.Section));
        Assert.Contains("sk_live_…p7dc", finding.Message);
        Assert.DoesNotContain(StripeKey, finding.Message);
    }

    [Fact]
    public void AFolderMissingAReportASectionOrSectionContentFailsCompleteness()
    {
        var cfo = samples.Cfo;
        var noRunway = Without(cfo.Text, "## Runway", "## Capital Deployment Framework");
        var emptyBreakEven = Without(cfo.Text, "## Break-Even Analysis", "## Monthly Revenue Targets", keepHeading: true);
        var files = new[]
        {
            ReportText.FromFile("out/cfo-report.md", noRunway),
            ReportText.FromFile("out/cfo-report.txt", emptyBreakEven),
        };

        var result = samples.Gate.ValidateFiles(files, samples.Catalog, null, expectedSet: [ReportRole.Ceo, ReportRole.Cfo]);

        Assert.Contains(result.Findings, f => f is { Rule: "completeness/missing-report", Report: "ceo-report" });
        var missing = Assert.Single(result.Findings, f => f.Rule == "completeness/missing-section");
        Assert.Equal(("out/cfo-report.md", "Runway"), (missing.Report, missing.Section));
        var empty = Assert.Single(result.Findings, f => f.Rule == "completeness/empty-section");
        Assert.Equal(("out/cfo-report.txt", "Break-Even Analysis"), (empty.Report, empty.Section));
        Assert.Equal(cfo.Lines.ToList().IndexOf("## Break-Even Analysis") + 1, empty.Line);
        Assert.Equal(3, result.Counts.Single(c => c.Family == RuleFamilies.Completeness).Errors);
    }

    [Fact]
    public void TheRulesFilterRunsOnlyTheNamedFamilies()
    {
        var text = new ReportTextBuilder().Section("Burn Rate", "Quick Dump Now pays " + StripeKey).Text();

        var names = samples.Gate.ValidateFiles([text], samples.Catalog, null, [RuleFamilies.Names]);
        var all = samples.Gate.ValidateFiles([text], samples.Catalog, null);

        Assert.Equal([RuleFamilies.Names], names.Findings.Select(f => f.Family).Distinct());
        Assert.Contains(all.Findings, f => f.Family == RuleFamilies.Secrets);
        Assert.Contains(all.Findings, f => f.Family == RuleFamilies.Completeness);
    }

    [Fact]
    public void OrdersFindingsByReportLineAndRule()
    {
        var a = new ReportTextBuilder().Section("Burn Rate", "jadasailing.net", "Quick Dump Now").Text("b.md");
        var b = new ReportTextBuilder().Section("Runway", "Quick Dump Now").Text("a.md");

        var result = samples.Gate.ValidateFiles([a, b], samples.Catalog, null, [RuleFamilies.Names]);

        Assert.Equal([("a.md", 5), ("b.md", 5), ("b.md", 6)], result.Findings.Select(f => (f.Report!, f.Line!.Value)));
    }

    // Drops the lines from one heading up to the next (or only the body when keepHeading).
    private static string Without(string text, string from, string to, bool keepHeading = false)
    {
        var lines = text.Split('\n').ToList();
        var start = lines.IndexOf(from) + (keepHeading ? 1 : 0);
        var end = lines.IndexOf(to);
        lines.RemoveRange(start, end - start);
        if (keepHeading)
        {
            lines.Insert(start, "");
        }

        return string.Join('\n', lines);
    }
}
