using System.Text.RegularExpressions;
using ExecReports.Core.Primitives;

namespace ExecReports.Core.Validation;

// S3 bucket names in a report (from s3:// URIs, virtual-hosted endpoints, or next to the word "bucket"): the catalog's,
// a near-miss of one (an error), not a valid S3 name (an error), or one that looks like ours (a warning).
internal static partial class BucketCheck
{
    public static bool MentionsBuckets(string line) => BucketWord().IsMatch(line);

    public static void Check(string bucket, bool isExplicit, NameCatalog ours, NameLocation location, List<Finding> findings)
    {
        if (ours.Buckets.Contains(bucket, StringComparer.Ordinal))
        {
            return;
        }

        var problems = S3BucketName.Validate(bucket);
        var key = NameDistance.Normalize(bucket);
        var near = ours.Buckets
            .Select(b => (Bucket: b, Distance: NameDistance.Distance(NameDistance.Normalize(b), key, NameDistance.Threshold(NameDistance.Normalize(b)))))
            .Where(x => x.Distance <= NameDistance.Threshold(NameDistance.Normalize(x.Bucket)))
            .OrderBy(x => x.Distance).ThenBy(x => x.Bucket, StringComparer.Ordinal)
            .Select(x => x.Bucket)
            .FirstOrDefault();
        var naming = problems.Count == 0 ? "" : $" It also breaks the S3 naming rules: {string.Join("; ", problems)}.";
        if (near is not null)
        {
            findings.Add(location.Finding(Severity.Error, NameCheck.BucketNearMiss,
                $"bucket '{bucket}' is not in the catalog but is close to '{near}'.{naming}",
                $"did you mean {near}?"));
        }
        else if (problems.Count > 0 && (isExplicit || LooksLikeBucket(bucket)))
        {
            findings.Add(location.Finding(Severity.Error, NameCheck.InvalidBucket,
                $"bucket '{bucket}' is not a valid S3 bucket name: {string.Join("; ", problems)}.",
                ValidBucketName(bucket) is { } fixedName ? $"a valid name would be {fixedName}" : null));
        }
        else if (ours.OurWords.Any(w => key.Contains(w, StringComparison.Ordinal)))
        {
            findings.Add(location.Finding(Severity.Warning, NameCheck.UnknownBucket,
                $"bucket '{bucket}' looks like one of ours but is not in the catalog (known buckets: {string.Join(", ", ours.Buckets.Order(StringComparer.Ordinal))}).",
                "add it to the entity catalog or use the catalog bucket"));
        }
    }

    // Near the word "bucket" a hyphenated/dotted/underscored token is a bucket name; a plain word is only a bucket
    // name when quoted in backticks.
    private static bool LooksLikeBucket(string token) => token.IndexOfAny(['-', '.', '_']) >= 0;

    public static IEnumerable<(string Candidate, int Start, int Length)> Candidates(string line)
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

    [GeneratedRegex(@"\bbuckets?\b", RegexOptions.IgnoreCase)]
    private static partial Regex BucketWord();

    [GeneratedRegex(@"\S+")]
    private static partial Regex NonSpace();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{1,253}[A-Za-z0-9]$")]
    private static partial Regex BucketShaped();

    [GeneratedRegex(@"[^a-z0-9.-]+")]
    private static partial Regex BucketJunk();
}
