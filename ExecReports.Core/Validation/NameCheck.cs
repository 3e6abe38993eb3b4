using System.Text.RegularExpressions;
using ExecReports.Core.Ingestion;

namespace ExecReports.Core.Validation;

// Entity names, domains and S3 buckets in a report are the catalog's, spelled exactly. Only near-misses of OUR names
// are flagged (plus hostnames/buckets that are clearly meant as ours but are not in the catalog): third-party hosts,
// people's example.com addresses and ordinary words are never compared against anything else.
// Each line is scanned once here: URLs, S3 URIs and hosts are cut out (HostCheck, BucketCheck) before what is left is
// read for entity names (EntityNameCheck), so a domain is never also reported as a misspelt name.
public static partial class NameCheck
{
    public const string EntityNearMiss = "names/entity-near-miss";
    public const string DomainNearMiss = "names/domain-near-miss";
    public const string UnknownDomain = "names/unknown-domain";
    public const string BucketNearMiss = "names/bucket-near-miss";
    public const string InvalidBucket = "names/invalid-bucket";
    public const string UnknownBucket = "names/unknown-bucket";

    public static IEnumerable<Finding> Check(ReportText report, EntityCatalog catalog)
    {
        var ours = NameCatalog.From(catalog);
        var findings = new List<Finding>();
        for (var i = 0; i < report.Lines.Count; i++)
        {
            var line = report.Lines[i];
            var location = new NameLocation(report, i + 1);
            var masked = line.ToCharArray();
            var buckets = new List<(string Bucket, bool Explicit)>();

            // A URL needs "://" and a host a dot: most lines of a long report have neither, and skip the regexes.
            var hasScheme = line.Contains("://", StringComparison.Ordinal);
            foreach (var url in hasScheme ? Url().Matches(line) : Enumerable.Empty<Match>())
            {
                Mask(masked, url.Index, url.Length);
            }

            foreach (var s3 in hasScheme ? S3Uri().Matches(line) : Enumerable.Empty<Match>())
            {
                buckets.Add((s3.Groups["bucket"].Value, true));
                Mask(masked, s3.Index, s3.Length);
            }

            foreach (var host in line.Contains('.', StringComparison.Ordinal) ? Host().Matches(line) : Enumerable.Empty<Match>())
            {
                Mask(masked, host.Index, host.Length);
                var before = line[..host.Index];
                var isPath = before.EndsWith('/') && !before.EndsWith("//", StringComparison.Ordinal);
                if (isPath || before.EndsWith("s3://", StringComparison.OrdinalIgnoreCase) || HostCheck.IsFileName(host.Value))
                {
                    continue;
                }

                if (S3Endpoint().Match(host.Value) is { Success: true } endpoint)
                {
                    buckets.Add((endpoint.Groups["bucket"].Value, true));
                    continue;
                }

                HostCheck.Check(host.Value, ours, location, findings);
            }

            if (BucketCheck.MentionsBuckets(line))
            {
                foreach (var (candidate, start, length) in BucketCheck.Candidates(line))
                {
                    buckets.Add((candidate, false));
                    Mask(masked, start, length);
                }
            }

            foreach (var bucket in buckets.DistinctBy(b => b.Bucket))
            {
                BucketCheck.Check(bucket.Bucket, bucket.Explicit, ours, location, findings);
            }

            EntityNameCheck.Check(new string(masked), ours, location, findings);
        }

        return findings;
    }

    private static void Mask(char[] line, int start, int length) => Array.Fill(line, ' ', start, length);

    [GeneratedRegex(@"\b(?!s3://)[a-z][a-z0-9+.-]*://[^\s<>()`""']+", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"\bs3://(?<bucket>[^/\s`""'<>()\[\]|,;]+)[^\s`""'<>()\[\]|,;]*", RegexOptions.IgnoreCase)]
    private static partial Regex S3Uri();

    [GeneratedRegex(@"(?<![\w.-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}(?![\w-]|\.[a-z0-9])", RegexOptions.IgnoreCase)]
    private static partial Regex Host();

    // Virtual-hosted S3 endpoints name the bucket: jada-site-assets.s3.us-west-2.amazonaws.com
    [GeneratedRegex(@"^(?<bucket>.+?)\.s3(?:[.-][a-z0-9-]+)*\.amazonaws\.com$", RegexOptions.IgnoreCase)]
    private static partial Regex S3Endpoint();
}
