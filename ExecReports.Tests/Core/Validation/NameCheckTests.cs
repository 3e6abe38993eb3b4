using ExecReports.Core.Ingestion;
using ExecReports.Core.Validation;
using ExecReports.Tests.Support;

namespace ExecReports.Tests.Core.Validation;

public class NameCheckTests
{
    private static readonly EntityCatalog Catalog = EntityCatalogLoader.Load(Path.Combine(RepoPaths.Samples, "entities.yaml"));

    private static List<Finding> Check(params string[] lines)
    {
        var builder = new ReportTextBuilder().Section("Burn Rate", lines);
        return NameCheck.Check(builder.Text(), Catalog).ToList();
    }

    private static Finding Single(string rule, params string[] lines)
    {
        var finding = Assert.Single(Check(lines));
        Assert.Equal(rule, finding.Rule);
        return finding;
    }

    [Theory]
    [InlineData("Bookings at Quick Dump Now doubled.", "Quick Dump Now", "QuickDumpNow")]
    [InlineData("Queen of San Diego ran 14 tours.", "Queen of San Diego", "QueenofSandiego")]
    [InlineData("QUICKDUMPNOW paid the invoice.", "QUICKDUMPNOW", "QuickDumpNow")]
    [InlineData("Dangerous Centaur billed 40 hours.", "Dangerous Centaur", "DangerousCentaur")]
    [InlineData("Jada had a slow month.", "Jada", "JADA")]
    public void FlagsASpacingOrCaseVariantOfAnEntityNameWithTheCanonicalName(string line, string written, string canonical)
    {
        var finding = Single(NameCheck.EntityNearMiss, "Intro line.", line);

        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal(6, finding.Line);
        Assert.Equal("Burn Rate", finding.Section);
        Assert.Contains($"'{written}'", finding.Message);
        Assert.Equal($"did you mean {canonical}?", finding.Suggestion);
    }

    [Theory]
    [InlineData("QueenofSandeigo sold out the sunset sail.", "QueenofSandiego")]
    [InlineData("QuickDumpNo had two cancellations.", "QuickDumpNow")]
    [InlineData("Expert Yaht Delivery quoted three jobs.", "Expert Yacht Delivery")]
    public void FlagsAMisspeltEntityName(string line, string canonical)
    {
        var finding = Single(NameCheck.EntityNearMiss, line);

        Assert.Equal(5, finding.Line);
        Assert.Contains("misspelling", finding.Message);
        Assert.Equal($"did you mean {canonical}?", finding.Suggestion);
    }

    [Theory]
    [InlineData("Book at quickdumpnow.co today.", "quickdumpnow.co", "quickdumpnow.com")]
    [InlineData("Charters on jadasailing.net are up.", "jadasailing.net", "jadasailing.com")]
    [InlineData("See https://www.queenofsandeigo.com/tours for the list.", "www.queenofsandeigo.com", "www.queenofsandiego.com")]
    [InlineData("Write to bookings@quickdumpnow.co for a quote.", "quickdumpnow.co", "quickdumpnow.com")]
    [InlineData("Order at quickdumpnow.cmo now.", "quickdumpnow.cmo", "quickdumpnow.com")]
    public void FlagsADomainThatIsATldSwapOrMisspellingOfACatalogDomain(string line, string host, string suggestion)
    {
        var finding = Single(NameCheck.DomainNearMiss, "Intro.", "", line);

        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal(7, finding.Line);
        Assert.Contains($"'{host}'", finding.Message);
        Assert.Equal($"did you mean {suggestion}?", finding.Suggestion);
    }

    [Fact]
    public void WarnsAboutAHostnameThatIsClearlyOursButNotInTheCatalog()
    {
        var finding = Single(NameCheck.UnknownDomain, "Staging runs at quickdumpnow-staging.com for now.");

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal(5, finding.Line);
        Assert.Contains("quickdumpnow.com", finding.Message);
    }

    [Theory]
    [InlineData("Assets sync to s3://jada-site-asset/img nightly.", "jada-site-asset", "jada-site-assets")]
    [InlineData("The queenofsandiego-webs bucket serves the site.", "queenofsandiego-webs", "queenofsandiego-web")]
    [InlineData("Uploads go to the bucket quickdumpnow_site daily.", "quickdumpnow_site", "quickdumpnow-site")]
    [InlineData("Served from jada-exec-report.s3.us-west-2.amazonaws.com.", "jada-exec-report", "jada-exec-reports")]
    public void FlagsABucketNearMissWithTheCatalogBucket(string line, string bucket, string canonical)
    {
        var finding = Single(NameCheck.BucketNearMiss, line);

        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal(5, finding.Line);
        Assert.Contains($"bucket '{bucket}'", finding.Message);
        Assert.Equal($"did you mean {canonical}?", finding.Suggestion);
    }

    [Theory]
    [InlineData("Backups land in s3://Owner_Backups/2026 weekly.", "Owner_Backups", "owner-backups")]
    [InlineData("Logs are kept in the bucket `logs..archive` for a year.", "logs..archive", "logs.archive")]
    public void FlagsABucketNameThatBreaksTheS3NamingRules(string line, string bucket, string valid)
    {
        var finding = Single(NameCheck.InvalidBucket, line);

        Assert.Equal(5, finding.Line);
        Assert.Contains($"bucket '{bucket}' is not a valid S3 bucket name", finding.Message);
        Assert.Equal($"a valid name would be {valid}", finding.Suggestion);
    }

    [Fact]
    public void AcceptsCanonicalNamesIdsDomainsAndBuckets()
    {
        var findings = Check(
            "JADA, QueenofSandiego, QuickDumpNow and DangerousCentaur all reported; so did 3028 51st St Rental,",
            "Expert Yacht Delivery and the DangerousCentaur Client Portfolio (ids jada, queenofsandiego, rental-3028-51st).",
            "Sites: https://jadasailing.com, www.queenofsandiego.com/tours, quickdumpnow.com and api.dangerouscentaur.com.",
            "Buckets: s3://jada-site-assets/img, s3://jada-exec-reports/2026-11/, the quickdumpnow-site bucket and `dangerouscentaur-assets`.",
            "QuickDumpNow's forms post to Google Apps Script; QuickDumpNow-owned trucks; sources: shipcaptaincrew.md:12, dangerouscentaur-portfolio.md:15.");

        Assert.Empty(findings);
    }

    [Fact]
    public void IgnoresThirdPartyUrlsEmailsOrdinaryWordsAndFileNames()
    {
        var findings = Check(
            "Forms post to https://script.google.com/macros/s/abc/exec and payments go through stripe.com (see github.com/stripe/stripe-node).",
            "Mail owner@example.com and audit@example.com; assets are on d123.cloudfront.net and example-bucket.s3.amazonaws.com.",
            "The invoice job (src/jobs/invoice-pdf.ts) uses Node.js and ASP.NET; e.g. the S3 bucket policy and per-bucket logging.",
            "Book a quick dump now, or an expert yacht delivery; the data is quick and the queen of hearts is on page 3.",
            "| Revenue (`entity.quickdumpnow.revenue`) | 2026-11 | visits (`entity.queenofsandiego.funnel.direct-web.visits`) |");

        Assert.Empty(findings);
    }

    [Fact]
    public void ReportsEveryNearMissOnItsOwnLine()
    {
        var findings = Check("Quick Dump Now", "fine line", "jadasailing.net");

        Assert.Equal([(5, NameCheck.EntityNearMiss), (7, NameCheck.DomainNearMiss)], findings.Select(f => (f.Line!.Value, f.Rule)));
    }
}
