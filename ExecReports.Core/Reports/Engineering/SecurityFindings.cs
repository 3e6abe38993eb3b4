using System.Text.RegularExpressions;
using ExecReports.Core.Ingestion;

namespace ExecReports.Core.Reports.Engineering;

public enum SecuritySeverity { Critical, High, Medium, Low }

public sealed record SecurityFinding(string EntityId, FactRef Fact, SecuritySeverity Severity, string Rule, StackComponent? Component);

// Security findings from handoff facts, with a severity by a stated rule and the catalog stack component they concern.
public static partial class SecurityFindings
{
    public const string SeverityRule =
        "critical = a secret or key in the repository or a config file; high = an endpoint or webhook anyone can call "
        + "(unauthenticated, unverified, public); medium = shared or personal credentials, passwords, missing MFA; low = any other security note.";

    private static readonly FactsCache<IReadOnlyList<SecurityFinding>> Found = new();

    // The metrics, the CTO audit and roadmap and three CEO sections ask for the same entity's findings.
    public static IReadOnlyList<SecurityFinding> For(CatalogEntity entity, IEnumerable<FactRef> entityFacts) =>
        entityFacts is IReadOnlyList<FactRef> list ? Found.Get(list, entity, Uncached) : Uncached(entity, entityFacts);

    private static IReadOnlyList<SecurityFinding> Uncached(CatalogEntity entity, IEnumerable<FactRef> entityFacts) =>
        entityFacts
            .Where(HandoffFacts.DescribesCurrentState)
            .Where(f => HandoffFacts.HasTag(f, "security") || (MayBeHigh(f.Fact.Text) && Classify(f.Fact.Text).Severity <= SecuritySeverity.High))
            .Select(f =>
            {
                var (severity, rule) = Classify(f.Fact.Text);
                return new SecurityFinding(entity.Id, f, severity, rule, ComponentOf(entity, f.Fact));
            })
            .OrderBy(f => f.Severity)
            .ThenBy(f => f.Fact.Document.File, StringComparer.Ordinal)
            .ThenBy(f => f.Fact.Fact.Line)
            .ToList();

    private sealed record Classification(SecuritySeverity Severity, string Rule);

    // Keyed by the fact's own string: the audit, the roadmap and the metrics classify the same facts again.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, Classification> Classified = new();

    public static (SecuritySeverity Severity, string Rule) Classify(string text)
    {
        var c = Classified.GetValue(text, t =>
        {
            var (severity, rule) = Uncached(t);
            return new Classification(severity, rule);
        });
        return (c.Severity, c.Rule);
    }

    private static (SecuritySeverity Severity, string Rule) Uncached(string text)
    {
        if (SecretInRepository().IsMatch(text) && SecretWord().IsMatch(text))
        {
            return (SecuritySeverity.Critical, "secret in repository/config");
        }

        if (OpenEndpoint().IsMatch(text))
        {
            return (SecuritySeverity.High, "endpoint callable without authentication or verification");
        }

        if (WeakCredential().IsMatch(text))
        {
            return (SecuritySeverity.Medium, "shared or personal credential");
        }

        return (SecuritySeverity.Low, "other security note");
    }

    // The catalog component the fact names first ("Stripe", "Apps Script", "Lambda"); null when it names none.
    public static StackComponent? ComponentOf(CatalogEntity entity, HandoffFact fact)
    {
        var text = fact.Text + " " + string.Join(' ', fact.References.Select(r => r.Value));
        return entity.Stack
            .Select((c, i) => (Component: c, Order: i, At: Aliases(c)
                .Select(a => AliasPattern(a).Match(text))
                .Where(m => m.Success).Select(m => m.Index).DefaultIfEmpty(int.MaxValue).Min()))
            .Where(x => x.At != int.MaxValue)
            .OrderBy(x => x.At).ThenBy(x => x.Order)
            .Select(x => x.Component)
            .FirstOrDefault();
    }

    // Built once per alias: Regex's own cache holds only a handful, and a big catalog would recompile on every fact.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Regex> AliasPatterns = new(StringComparer.OrdinalIgnoreCase);

    private static Regex AliasPattern(string alias) => AliasPatterns.GetOrAdd(alias, a =>
        new Regex($@"(?<![\w]){Regex.Escape(a)}(?![\w])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));

    // "Google Apps Script" is also "Apps Script"; "Node/Express" is "Node" or "Express"; "AWS Lambda" is "Lambda".
    public static IEnumerable<string> Aliases(StackComponent component)
    {
        foreach (var part in component.Name.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            yield return part;
            var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length > 1)
            {
                yield return string.Join(' ', words.Skip(1));
            }
        }
    }

    // Critical needs a secret in the repository, high an open endpoint: a fact matching neither is at most medium.
    // One automaton rules most facts out in one pass, before the four classifying scans (issue 19).
    private static readonly Regex HighOrWorse = new($"(?:{SecretInRepository()})|(?:{OpenEndpoint()})",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    public static bool MayBeHigh(string text) => HighOrWorse.IsMatch(text);

    public static string Word(SecuritySeverity severity) => severity.ToString().ToLowerInvariant();

    [GeneratedRegex(@"hard-?coded|committed to (the )?repo|checked in(to)? (the )?repo|in the repo|sk_live_|in `?config/|\.env\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretInRepository();

    [GeneratedRegex(@"\b(keys?|secrets?|tokens?|passwords?|credentials?)\b|sk_live_", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretWord();

    [GeneratedRegex(@"unauthenticated|unauthori[sz]ed|without auth\w*|no auth\w*|(does not|doesn't|do not|never) verif\w*|unverified|accepts any (POST|request)|public[ -]bucket|publicly (readable|writable|accessible)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OpenEndpoint();

    [GeneratedRegex(@"shared password|passwords?|personal (gmail|account|email|card)|\bmfa\b|\b2fa\b|credentials?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WeakCredential();
}
