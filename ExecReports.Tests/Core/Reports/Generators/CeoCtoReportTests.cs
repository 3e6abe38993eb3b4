using ExecReports.Core.Kpis;
using ExecReports.Core.Reports;
using ExecReports.Tests.Core.Ingestion;
using ExecReports.Tests.Support;

namespace ExecReports.Tests.Core.Reports.Generators;

public class CeoCtoReportTests
{
    private const string StripeKey = "sk_live_4eC39HqLyjWDarjtT1zdp7f3a";

    private static Report Generate(ReportInputs inputs, ReportRole role) =>
        TestReportEngine.Default.Generate(inputs, [role]).For(role)!;

    private static string Section(Report report, string heading) => report.Sections.Single(s => s.Heading == heading).Markdown;

    private static ReportInputs WithJadaHandoff() => new ReportInputsBuilder()
        .Kpi(new KpiMonthBuilder().For("jada", "2026-11"))
        .Handoff("shipcaptaincrew.md", new HandoffBuilder().FrontMatter("entity", "JADA").FrontMatter("updated", "2026-11-18")
            .Section("Known issues", $"[security] Hard-coded Stripe secret key in `config/stripe.js` (`{StripeKey}`) committed to the repo.",
                "Stripe webhook handler (`src/webhooks/stripe.js`) does not verify signatures."))
        .Handoff("queenofsandiego.md", new HandoffBuilder().FrontMatter("entity", "QueenofSandiego").FrontMatter("updated", "2026-11-09")
            .Section("Known issues", "[security] Event enquiry form posts to an unauthenticated Google Apps Script endpoint "
                + "(https://script.google.com/macros/s/AKfycbx9Qm2LrT7vNw4Hs8YkPz3JcD6fGaE1uB5oWi0/exec) — anyone can POST to it."))
        .Build();

    [Theory]
    [InlineData("ceo")]
    [InlineData("cto")]
    public void AStripeKeyInAHandoffIsRedactedInEveryFormat(string roleId)
    {
        var report = Generate(WithJadaHandoff(), ReportRole.All.Single(r => r.Id == roleId));

        foreach (var text in new[] { report.Rendered.Markdown, report.Rendered.Text, report.Rendered.Html })
        {
            Assert.DoesNotContain(StripeKey, text);
            Assert.DoesNotContain("4eC39HqLyjWDarjtT1zdp", text);
        }

        Assert.Contains("sk_live_…7f3a", report.Rendered.Text);
    }

    [Fact]
    public void TheSecurityAuditNamesTheUnauthenticatedAppsScriptEndpointAndItsComponent()
    {
        var text = Generate(WithJadaHandoff(), ReportRole.Cto).Rendered.Text;
        var audit = text[text.IndexOf("Security Audit\n", StringComparison.Ordinal)..text.IndexOf("Cost Analysis\n", StringComparison.Ordinal)];

        // The text part wraps at 78 characters and lists wide tables row by row ("Severity: high").
        var flat = System.Text.RegularExpressions.Regex.Replace(audit, @"\s+", " ");
        Assert.Contains("endpoint https://script.google.com/macros/s/AKfycbx9Qm2LrT7vNw4Hs8YkPz3JcD6fGaE1uB5oWi0/exec", flat);
        Assert.Matches(@"Google Apps Script \(forms\) (Severity: )?high (Finding: )?\[security\] Event enquiry form posts to an unauthenticated", flat);
        Assert.Matches(@"Stripe \(payments\) (Severity: )?critical", flat);
        Assert.Contains("file config/stripe.js", flat);
        Assert.Contains("No findings in the handoffs for: AWS Lambda (compute), S3 (storage), CloudFront (cdn), DynamoDB (database).", flat);
    }

    [Fact]
    public void SaysWhatIsMissingInsteadOfInventingIt()
    {
        var inputs = new ReportInputsBuilder().Kpi(new KpiMonthBuilder().For("jada", "2026-11").With(m => m with { Engineering = null })).Build();

        var ceo = Generate(inputs, ReportRole.Ceo);
        var cto = Generate(inputs, ReportRole.Cto);

        var missing = ceo.Sections.Concat(cto.Sections).SelectMany(s => s.MissingInputs).ToList();
        Assert.Contains("no pipeline items recorded for QuickDumpNow in 2026-11", missing);
        Assert.Contains("no KPI inputs recorded for QuickDumpNow in 2026-11, so its revenue recognition cannot be checked", missing);
        Assert.Contains(missing, m => m.StartsWith("no DORA inputs, no ci facts and no hygiene evidence (0 of 7 checks known) in 2026-11 for ", StringComparison.Ordinal) && m.Contains("JADA", StringComparison.Ordinal));
        Assert.Contains(missing, m => m.StartsWith("no infrastructure or software expense lines recorded in 2026-11 for ", StringComparison.Ordinal) && m.Contains("QuickDumpNow", StringComparison.Ordinal));
        Assert.Contains("no handoff for JADA, so nothing is known about its security", missing);
    }

    [Fact]
    public void PrioritiesPutSecurityBeforeRevenueRecognitionBeforeCash()
    {
        var inputs = WithJadaHandoff() with
        {
            Kpis =
            [
                new KpiMonthBuilder().For("jada", "2026-11").With(m => m with
                {
                    Revenue = [.. m.Revenue, new RevenueLine { Stream = "charters", Amount = 2_000m, ServiceDate = new DateOnly(2027, 5, 1) }],
                }),
            ],
        };

        var agenda = Section(Generate(inputs, ReportRole.Ceo), "30-Day Priorities");

        var critical = agenda.IndexOf("Security (critical) — JADA", StringComparison.Ordinal);
        var high = agenda.IndexOf("Security (high)", StringComparison.Ordinal);
        var revenue = agenda.IndexOf("Revenue recognition — JADA", StringComparison.Ordinal);
        var cash = agenda.IndexOf("Cash and runway", StringComparison.Ordinal);
        Assert.True(critical >= 0 && critical < high && high < revenue && revenue < cash, agenda);
        Assert.Contains("Owner: CTO", agenda);
        Assert.Contains("`shipcaptaincrew.md:", agenda);
    }

    [Fact]
    public void TheCashPriorityLeadsWithTheConservativeRunwayNotTheTrailingOne()
    {
        var set = TestReportEngine.Default.Generate(ReportInputsBuilder.Samples(), [ReportRole.Ceo]);
        var report = set.For(ReportRole.Ceo)!;
        var conservative = report.Metrics.Single(m => m.Id == "cfo.runway.conservative" && m.Period == "2026-11");
        var trailing = report.Metrics.Single(m => m.Id == "cfo.runway.trailing" && m.Period == "2026-11");

        var agenda = Section(report, "30-Day Priorities");

        // On the samples the trailing runway (before draws, on all cash) is months longer than the conservative one.
        Assert.True(conservative.Value < trailing.Value, $"{conservative.Display} vs {trailing.Display}");
        var line = agenda.Split('\n').Single(l => l.Contains("Cash and runway", StringComparison.Ordinal));
        Assert.Contains($"conservative runway {conservative.Display}", line);
        Assert.True(line.IndexOf(conservative.Display, StringComparison.Ordinal) < line.IndexOf(trailing.Display, StringComparison.Ordinal), line);
    }

    [Fact]
    public void OnTheRealSamplesEveryRequiredSectionIsPresentAndNonEmpty()
    {
        var set = TestReportEngine.Default.Generate(ReportInputsBuilder.Samples(), [ReportRole.Ceo, ReportRole.Cto]);

        foreach (var role in new[] { ReportRole.Ceo, ReportRole.Cto })
        {
            var report = set.For(role)!;
            Assert.Equal(ReportSections.For(role), report.Sections.Select(s => s.Heading));
            Assert.All(report.Sections, s => Assert.False(string.IsNullOrWhiteSpace(s.Markdown) || s.Markdown == "*No content.*", s.Heading));
        }

        var cto = set.For(ReportRole.Cto)!;
        Assert.Contains("AKfycbFAKE0example0QOSDenquiries", Section(cto, "Security Audit"));
        Assert.DoesNotContain("sk_live_FAKEFAKEFAKE0000EXAMPLE7f3a", cto.Rendered.Text);
        Assert.DoesNotContain("sk_live_FAKEFAKEFAKE0000EXAMPLE7f3a", set.For(ReportRole.Ceo)!.Rendered.Text);
    }

    [Fact]
    public void OutputIsByteIdenticalForTheSameInputs()
    {
        var inputs = ReportInputsBuilder.Samples();

        var first = TestReportEngine.Default.Generate(inputs, [ReportRole.Ceo, ReportRole.Cto]);
        var second = TestReportEngine.Default.Generate(inputs, [ReportRole.Ceo, ReportRole.Cto]);

        Assert.Equal(first.Reports.Select(r => r.Rendered.Markdown), second.Reports.Select(r => r.Rendered.Markdown));
    }
}
