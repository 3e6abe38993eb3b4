using System.Text.RegularExpressions;

namespace ExecReports.Core.Validation;

// Entity names in what is left of a line once hosts and buckets are cut out: runs of up to MaxSpanTokens words
// compared with the catalog's names and ids; exact names and real aliases pass, near-misses are errors.
internal static partial class EntityNameCheck
{
    // "Queen of San Diego" has four words; one more lets a stray token join a misspelling.
    private const int MaxSpanTokens = 6;

    public static void Check(string line, NameCatalog ours, NameLocation location, List<Finding> findings)
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
                // A near-miss starts with the key's letter (an exact match does too), and is within the threshold in
                // length: both are cheap tests that spare the distance for nearly every word of a long report.
                .SelectMany(s => ours.Keys
                    .Where(k => k.Key.Length > 0 && k.Key[0] == s.Norm[0] && Math.Abs(k.Key.Length - s.Norm.Length) <= NameDistance.Threshold(k.Key))
                    .Select(k => (Span: s, k.Key, k.Entity, Distance: NameDistance.Distance(k.Key, s.Norm, NameDistance.Threshold(k.Key)))))
                .Where(x => x.Distance <= NameDistance.Threshold(x.Key))
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
            findings.Add(location.Finding(Severity.Error, NameCheck.EntityNearMiss,
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

    [GeneratedRegex(@"[A-Za-z0-9]+")]
    private static partial Regex Word();

    [GeneratedRegex(@"^[ \t_-]{1,2}$")]
    private static partial Regex SpanGap();
}
