using System.Text.RegularExpressions;
using ExecReports.Core.Ingestion;
using ExecReports.Core.Primitives;

namespace ExecReports.Core.Validation;

// Entity names, domains and S3 buckets in a report are the catalog's, spelled exactly. Only near-misses of OUR names
// are flagged (plus hostnames/buckets that are clearly meant as ours but are not in the catalog): third-party hosts,
// people's example.com addresses and ordinary words are never compared against anything else.
public static partial class NameCheck
{
    public const string EntityNearMiss = "names/entity-near-miss";
    public const string DomainNearMiss = "names/domain-near-miss";
    public const string UnknownDomain = "names/unknown-domain";
    public const string BucketNearMiss = "names/bucket-near-miss";
    public const string InvalidBucket = "names/invalid-bucket";
    public const string UnknownBucket = "names/unknown-bucket";

    // "Queen of San Diego" has four words; one more lets a stray token join a misspelling.
    private const int MaxSpanTokens = 6;

    // Hostname-shaped tokens whose last label is a file extension are file names ("shipcaptaincrew.md", "stripe.js").
    private static readonly HashSet<string> FileExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        "md", "markdown", "txt", "ts", "tsx", "js", "jsx", "mjs", "cjs", "json", "yaml", "yml", "cs", "csproj", "sln", "py", "rb",
        "go", "rs", "java", "kt", "php", "html", "htm", "css", "scss", "csv", "tsv", "pdf", "png", "jpg", "jpeg", "gif", "svg",
        "sh", "ps1", "xml", "log", "sql", "env", "toml", "ini", "cfg", "conf", "lock", "zip", "gz", "tar", "tf", "gs", "docx", "xlsx",
        "razor", "config", "props", "bak", "tmp", "db", "sqlite",
    };

    // Dotted metric ids ("entity.quickdumpnow.revenue") are hostname-shaped too: a host must end in a real-looking TLD.
    private static readonly HashSet<string> CommonTlds = new(StringComparer.OrdinalIgnoreCase)
    {
        "com", "net", "org", "io", "co", "us", "uk", "ca", "au", "de", "fr", "es", "it", "nl", "eu", "mx", "info", "biz", "app", "dev",
        "ai", "me", "tv", "cc", "site", "online", "store", "shop", "xyz", "tech", "cloud", "page", "email", "travel", "boats",
        "yachts", "services", "rentals", "llc", "inc", "agency", "studio", "design", "software", "consulting", "events", "tours",
    };

    private static readonly string[] TypoCheckedTlds = ["com", "net", "org"];

    private static readonly HashSet<string> SecondLevelSuffixes = new(StringComparer.OrdinalIgnoreCase) { "co", "com", "org", "net", "ac", "gov", "edu" };

    private sealed record EntityKey(string Key, CatalogEntity Entity);

    private sealed record OurDomain(string Domain, string Label, string Suffix, CatalogEntity Entity);

    private sealed record Catalog(
        IReadOnlyList<EntityKey> Keys,
        HashSet<string> Accepted,
        HashSet<string> AcceptedAliases,
        IReadOnlyList<OurDomain> Domains,
        IReadOnlyList<string> Buckets,
        IReadOnlyList<string> OurWords);

    public static IEnumerable<Finding> Check(ReportText report, EntityCatalog catalog)
    {
        var ours = Prepare(catalog);
        var findings = new List<Finding>();
        for (var i = 0; i < report.Lines.Count; i++)
        {
            var line = report.Lines[i];
            var location = new Location(report, i + 1);
            var masked = line.ToCharArray();
            var buckets = new List<(string Bucket, bool Explicit)>();

            foreach (Match url in Url().Matches(line))
            {
                Mask(masked, url.Index, url.Length);
            }

            foreach (Match s3 in S3Uri().Matches(line))
            {
                buckets.Add((s3.Groups["bucket"].Value, true));
                Mask(masked, s3.Index, s3.Length);
            }

            foreach (Match host in Host().Matches(line))
            {
                Mask(masked, host.Index, host.Length);
                var before = line[..host.Index];
                var isPath = before.EndsWith('/') && !before.EndsWith("//", StringComparison.Ordinal);
                if (isPath || before.EndsWith("s3://", StringComparison.OrdinalIgnoreCase) || FileExtensions.Contains(host.Value[(host.Value.LastIndexOf('.') + 1)..]))
                {
                    continue;
                }

                if (S3Endpoint().Match(host.Value) is { Success: true } endpoint)
                {
                    buckets.Add((endpoint.Groups["bucket"].Value, true));
                    continue;
                }

                CheckHost(host.Value, ours, location, findings);
            }

            if (BucketWord().IsMatch(line))
            {
                foreach (var (candidate, start, length) in BucketCandidates(line))
                {
                    buckets.Add((candidate, false));
                    Mask(masked, start, length);
                }
            }

            foreach (var bucket in buckets.DistinctBy(b => b.Bucket))
            {
                CheckBucket(bucket.Bucket, bucket.Explicit, ours, location, findings);
            }

            CheckNames(new string(masked), ours, location, findings);
        }

        return findings;
    }

    private sealed record Location(ReportText Report, int Line)
    {
        public Finding Finding(Severity severity, string rule, string message, string? suggestion) => new()
        {
            Severity = severity,
            Rule = rule,
            Report = Report.Name,
            Section = Report.SectionAt(Line),
            Line = Line,
            Message = $"{Report.Name} line {Line}: {message}",
            Suggestion = suggestion,
        };
    }

    private static Catalog Prepare(EntityCatalog catalog)
    {
        var keys = new List<EntityKey>();
        var accepted = new HashSet<string>(StringComparer.Ordinal);
        var aliases = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entity in catalog.Entities)
        {
            keys.Add(new EntityKey(Normalize(entity.Name), entity));
            keys.Add(new EntityKey(Normalize(entity.Id), entity));
            accepted.Add(entity.Name);
            accepted.Add(entity.Id);
        }

        // An alias that is only a re-spacing of the name ("Quick Dump Now") is exactly the near-miss reports must not
        // print; any other alias ("QDN", "Ship Captain Crew") is a different word, not a misspelling.
        foreach (var alias in catalog.Entities.SelectMany(e => e.Aliases))
        {
            var key = Normalize(alias);
            if (!keys.Any(k => Distance(k.Key, key, Threshold(k.Key)) <= Threshold(k.Key)))
            {
                aliases.Add(alias);
            }
        }

        var domains = catalog.Entities
            .SelectMany(e => e.Domains.Select(d => (Domain: d.ToLowerInvariant(), Entity: e)))
            .Select(d => Registrable(d.Domain) is var (label, suffix) ? new OurDomain(d.Domain, label, suffix, d.Entity) : null)
            .OfType<OurDomain>()
            .ToList();
        var words = domains.Select(d => d.Label)
            .Concat(catalog.Entities.Select(e => Normalize(e.Id)).Where(k => k.Length >= 7))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new Catalog(keys, accepted, aliases, domains, catalog.Buckets, words);
    }

    private static void CheckHost(string host, Catalog ours, Location location, List<Finding> findings)
    {
        host = host.ToLowerInvariant();
        if (Registrable(host) is not var (label, suffix))
        {
            return;
        }

        var tld = suffix[(suffix.LastIndexOf('.') + 1)..];
        // A mistyped TLD ("quickdumpnow.cmo") is still a host; "revenue" or "visits" is not.
        if (!CommonTlds.Contains(tld) && !TypoCheckedTlds.Any(t => Distance(t, tld, 1) <= 1))
        {
            return;
        }

        var registrable = $"{label}.{suffix}";
        if (ours.Domains.Any(d => d.Domain == registrable))
        {
            return;
        }

        var subdomain = host[..^registrable.Length];
        var bare = label.Replace("-", "", StringComparison.Ordinal);
        var near = ours.Domains
            .Select(d => (d, Distance: d.Label == label ? 0 : Distance(d.Label, bare, Threshold(d.Label))))
            .Where(x => x.Distance <= Threshold(x.d.Label))
            .OrderBy(x => x.Distance).ThenBy(x => x.d.Domain, StringComparer.Ordinal)
            .Select(x => x.d)
            .FirstOrDefault();
        if (near is not null)
        {
            var why = near.Label == label ? $"the top-level domain differs from {near.Domain}" : $"it is close to {near.Domain}";
            findings.Add(location.Finding(Severity.Error, DomainNearMiss,
                $"'{host}' is not a catalog domain: {why} ({near.Entity.Name}).",
                $"did you mean {subdomain}{near.Domain}?"));
            return;
        }

        var labels = host.Split('.');
        if (labels.Any(l => ours.OurWords.Any(w => l.Contains(w, StringComparison.Ordinal))))
        {
            findings.Add(location.Finding(Severity.Warning, UnknownDomain,
                $"'{host}' looks like one of ours but is not in the catalog (known domains: {string.Join(", ", ours.Domains.Select(d => d.Domain).Order(StringComparer.Ordinal))}).",
                "add it to the entity catalog or use the catalog domain"));
        }
    }

    private static void CheckBucket(string bucket, bool isExplicit, Catalog ours, Location location, List<Finding> findings)
    {
        if (ours.Buckets.Contains(bucket, StringComparer.Ordinal))
        {
            return;
        }

        var problems = S3BucketName.Validate(bucket);
        var key = Normalize(bucket);
        var near = ours.Buckets
            .Select(b => (Bucket: b, Distance: Distance(Normalize(b), key, Threshold(Normalize(b)))))
            .Where(x => x.Distance <= Threshold(Normalize(x.Bucket)))
            .OrderBy(x => x.Distance).ThenBy(x => x.Bucket, StringComparer.Ordinal)
            .Select(x => x.Bucket)
            .FirstOrDefault();
        var naming = problems.Count == 0 ? "" : $" It also breaks the S3 naming rules: {string.Join("; ", problems)}.";
        if (near is not null)
        {
            findings.Add(location.Finding(Severity.Error, BucketNearMiss,
                $"bucket '{bucket}' is not in the catalog but is close to '{near}'.{naming}",
                $"did you mean {near}?"));
        }
        else if (problems.Count > 0 && (isExplicit || LooksLikeBucket(bucket)))
        {
            findings.Add(location.Finding(Severity.Error, InvalidBucket,
                $"bucket '{bucket}' is not a valid S3 bucket name: {string.Join("; ", problems)}.",
                ValidBucketName(bucket) is { } fixedName ? $"a valid name would be {fixedName}" : null));
        }
        else if (ours.OurWords.Any(w => key.Contains(w, StringComparison.Ordinal)))
        {
            findings.Add(location.Finding(Severity.Warning, UnknownBucket,
                $"bucket '{bucket}' looks like one of ours but is not in the catalog (known buckets: {string.Join(", ", ours.Buckets.Order(StringComparer.Ordinal))}).",
                "add it to the entity catalog or use the catalog bucket"));
        }
    }

    // Near the word "bucket" a hyphenated/dotted/underscored token is a bucket name; a plain word is only a bucket
    // name when quoted in backticks.
    private static bool LooksLikeBucket(string token) => token.IndexOfAny(['-', '.', '_']) >= 0;

    private static IEnumerable<(string Candidate, int Start, int Length)> BucketCandidates(string line)
    {
        var tokens = new List<(string Text, int Index, bool Quoted)>();
        foreach (Match token in NonSpace().Matches(line))
        {
            var (start, end) = (0, token.Length);
            while (start < end && "([{\"'*<".Contains(token.Value[start]))
            {
                start++;
            }

            while (end > start && ")]}\"'*,;:!?.>".Contains(token.Value[end - 1]))
            {
                end--;
            }

            var quoted = end - start > 2 && token.Value[start] == '`' && token.Value[end - 1] == '`';
            if (quoted)
            {
                (start, end) = (start + 1, end - 1);
            }

            tokens.Add((token.Value[start..end], token.Index + start, quoted));
        }

        for (var t = 0; t < tokens.Count; t++)
        {
            var word = tokens[t].Text;
            var isKeyword = word.Equals("bucket", StringComparison.OrdinalIgnoreCase) || word.Equals("buckets", StringComparison.OrdinalIgnoreCase);
            if (!isKeyword)
            {
                if (tokens[t].Quoted && BucketShaped().IsMatch(word))
                {
                    yield return (word, tokens[t].Index, word.Length);
                }

                continue;
            }

            var next = t + 1;
            if (next < tokens.Count && tokens[next].Text is "named" or "called")
            {
                next++;
            }

            foreach (var n in new[] { t - 1, next })
            {
                if (n >= 0 && n < tokens.Count && !tokens[n].Quoted && BucketShaped().IsMatch(tokens[n].Text) && LooksLikeBucket(tokens[n].Text))
                {
                    yield return (tokens[n].Text, tokens[n].Index, tokens[n].Text.Length);
                }
            }
        }
    }

    private static string? ValidBucketName(string bucket)
    {
        var name = BucketJunk().Replace(bucket.ToLowerInvariant().Replace('_', '-'), "-").Trim('-', '.');
        while (name.Contains("..", StringComparison.Ordinal))
        {
            name = name.Replace("..", ".", StringComparison.Ordinal);
        }

        name = name.Length > 63 ? name[..63].TrimEnd('-', '.') : name;
        return S3BucketName.Validate(name).Count == 0 ? name : null;
    }

    private static void CheckNames(string line, Catalog ours, Location location, List<Finding> findings)
    {
        var tokens = Word().Matches(line).ToList();
        var t = 0;
        while (t < tokens.Count)
        {
            var spans = Spans(line, tokens, t).ToList();
            var exact = spans.LastOrDefault(s => ours.Accepted.Contains(s.Raw) || ours.AcceptedAliases.Contains(s.Raw));
            if (exact.Raw is not null)
            {
                t += exact.Tokens;
                continue;
            }

            var best = spans
                .Where(s => !IsProse(s.Raw, s.Tokens))
                .SelectMany(s => ours.Keys.Select(k => (Span: s, k.Key, k.Entity, Distance: Distance(k.Key, s.Norm, Threshold(k.Key)))))
                .Where(x => x.Distance <= Threshold(x.Key) && (x.Distance == 0 || x.Span.Norm[0] == x.Key[0]))
                .OrderBy(x => x.Distance).ThenBy(x => x.Span.Tokens).ThenBy(x => x.Entity.Id, StringComparer.Ordinal)
                .FirstOrDefault();
            if (best.Entity is null)
            {
                t++;
                continue;
            }

            var name = best.Entity.Name;
            var kind = best.Distance == 0 ? "a spacing/case variant" : "a misspelling";
            var alias = best.Entity.Aliases.Contains(best.Span.Raw, StringComparer.OrdinalIgnoreCase) ? " (a catalog alias, but reports print the canonical name)" : "";
            findings.Add(location.Finding(Severity.Error, EntityNearMiss,
                $"'{best.Span.Raw}' is {kind} of the entity name '{name}'{alias}.",
                $"did you mean {name}?"));
            t += best.Span.Tokens;
        }
    }

    // Lower-case words separated by spaces are prose ("book a quick dump now"), not a name written wrongly.
    private static bool IsProse(string raw, int tokens) => tokens > 1 && raw.Contains(' ') && !raw.Any(char.IsUpper);

    private static IEnumerable<(string Raw, string Norm, int Tokens)> Spans(string line, List<Match> tokens, int start)
    {
        var norm = "";
        for (var end = start; end < tokens.Count && end - start < MaxSpanTokens; end++)
        {
            if (end > start)
            {
                var gap = line[(tokens[end - 1].Index + tokens[end - 1].Length)..tokens[end].Index];
                if (!SpanGap().IsMatch(gap))
                {
                    yield break;
                }
            }

            norm += tokens[end].Value.ToLowerInvariant();
            yield return (line[tokens[start].Index..(tokens[end].Index + tokens[end].Length)], norm, end - start + 1);
        }
    }

    private static void Mask(char[] line, int start, int length) => Array.Fill(line, ' ', start, length);

    private static string Normalize(string text) => new(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    // Short keys only match exactly: "JADA" is one letter from "data".
    private static int Threshold(string key) => key.Length >= 12 ? 2 : key.Length >= 7 ? 1 : 0;

    private static (string Label, string Suffix)? Registrable(string host)
    {
        var labels = host.Split('.');
        if (labels.Length < 2)
        {
            return null;
        }

        var take = labels.Length >= 3 && labels[^1].Length == 2 && SecondLevelSuffixes.Contains(labels[^2]) ? 3 : 2;
        return (labels[^take], string.Join('.', labels[^(take - 1)..]));
    }

    // Optimal-string-alignment distance (a swap of neighbours counts one), giving up past the limit.
    private static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], previous2[j - 2] + 1);
                }

                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }

    [GeneratedRegex(@"\b(?!s3://)[a-z][a-z0-9+.-]*://[^\s<>()`""']+", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"\bs3://(?<bucket>[^/\s`""'<>()\[\]|,;]+)[^\s`""'<>()\[\]|,;]*", RegexOptions.IgnoreCase)]
    private static partial Regex S3Uri();

    [GeneratedRegex(@"(?<![\w.-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}(?![\w-]|\.[a-z0-9])", RegexOptions.IgnoreCase)]
    private static partial Regex Host();

    // Virtual-hosted S3 endpoints name the bucket: jada-site-assets.s3.us-west-2.amazonaws.com
    [GeneratedRegex(@"^(?<bucket>.+?)\.s3(?:[.-][a-z0-9-]+)*\.amazonaws\.com$", RegexOptions.IgnoreCase)]
    private static partial Regex S3Endpoint();

    [GeneratedRegex(@"\bbuckets?\b", RegexOptions.IgnoreCase)]
    private static partial Regex BucketWord();

    [GeneratedRegex(@"\S+")]
    private static partial Regex NonSpace();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{1,253}[A-Za-z0-9]$")]
    private static partial Regex BucketShaped();

    [GeneratedRegex(@"[^a-z0-9.-]+")]
    private static partial Regex BucketJunk();

    [GeneratedRegex(@"[A-Za-z0-9]+")]
    private static partial Regex Word();

    [GeneratedRegex(@"^[ \t_-]{1,2}$")]
    private static partial Regex SpanGap();
}
