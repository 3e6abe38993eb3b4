using System.Globalization;
using System.Text.RegularExpressions;
using ExecReports.Core.Ingestion;

namespace ExecReports.Core.Reports.Summary;

// Which handoff issues a report quotes: the ones that matter to its role, most material first. Finance issues go to the
// CFO and Accounting, engineering ones to the CTO, marketing ones to the CMO, everything to the CEO, and a domain
// report gets its own entity's. Materiality is a rule, not a judgement: a secret or an open endpoint first, then the
// dollars the note names, then the rest; newest note first within a rank.
public static partial class RoleIssues
{
    public sealed record Ranked(FactRef Fact, int Materiality);

    private sealed record Rank(int Value);

    // A fact's materiality depends on its own text and tags only; eight reports rank the same issues.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<HandoffFact, Rank> Ranks = new();

    // Every known issue of the snapshot ranked for a role, once per snapshot and audience: the summary and "Changed Since
    // Last Month" of eight reports ranked 50,000 issues each at 16,000 handoffs (issue 19). The sort is stable and its
    // keys are the issue's own, so filtering the sorted list gives what sorting the filtered one gave: the snapshot's
    // issues are sorted once and each audience keeps its own in that order (the CFO and Accounting share one).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<HandoffSnapshot, Rankings> BySnapshot = new();

    private sealed class Rankings(Lazy<IReadOnlyList<Ranked>> all)
    {
        public Lazy<IReadOnlyList<Ranked>> All { get; } = all;

        public System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<IReadOnlyList<Ranked>>> ByAudience { get; } = new(StringComparer.Ordinal);
    }

    public static IReadOnlyList<Ranked> KnownIssues(ReportContext context, ReportRole role, Func<FactRef, bool> keep)
    {
        var rankings = BySnapshot.GetValue(context.Handoffs, _ => new Rankings(new(() => Ranking(context, context.Facts(null, SectionKind.KnownIssues)))));
        return rankings.ByAudience
            .GetOrAdd(Audience(role), _ => new Lazy<IReadOnlyList<Ranked>>(() => rankings.All.Value.Where(r => Keeps(role, r.Fact)).ToList()))
            .Value
            .Where(r => keep(r.Fact))
            .ToList();
    }

    private static bool Keeps(ReportRole role, FactRef fact) => role.EntityId is null
        ? Matters(role, fact)
        : string.Equals(fact.Document.EntityId, role.EntityId, StringComparison.OrdinalIgnoreCase);

    // Roles that keep the same issues share one list.
    private static string Audience(ReportRole role) => role.EntityId is { } entity
        ? $"entity|{entity.ToLowerInvariant()}"
        : role.Id switch { "cfo" or "accounting" => "finance", "cto" or "cmo" => role.Id, _ => "all" };

    private static List<Ranked> Ranking(ReportContext context, IEnumerable<FactRef> issues) =>
        issues
            .Select(f => new Ranked(f, Ranks.GetValue(f.Fact, _ => new Rank(Materiality(context.Redact(f.Fact.Text), f))).Value))
            .OrderByDescending(r => r.Materiality)
            .ThenByDescending(r => r.Fact.Document.Updated)
            .ThenBy(r => r.Fact.Document.File, StringComparer.Ordinal)
            .ThenBy(r => r.Fact.Fact.Line)
            .ToList();

    // "and 214 more issues across 6 entities": what a bounded list leaves out, counted.
    public static string More(IReadOnlyCollection<Ranked> rest)
    {
        var entities = rest.Select(r => r.Fact.Document.EntityId ?? "").Distinct(StringComparer.OrdinalIgnoreCase).Count();
        return string.Create(CultureInfo.InvariantCulture,
            $"and {rest.Count} more issue{(rest.Count == 1 ? "" : "s")} across {entities} entit{(entities == 1 ? "y" : "ies")}, ranked lower (all of them on the Handoffs page)");
    }

    public static bool Matters(ReportRole role, FactRef fact)
    {
        var text = fact.Fact.Text;
        bool Tagged(params string[] tags) => fact.Fact.Tags.Any(t => tags.Contains(t, StringComparer.OrdinalIgnoreCase));
        return role.Id switch
        {
            "cfo" or "accounting" => Tagged("cost", "revenue", "finance", "billing", "accounting", "tax") || FinanceWords().IsMatch(text),
            "cto" => Tagged("security", "ci", "ops", "data", "infra", "engineering", "bug", "ux") || EngineeringWords().IsMatch(text),
            "cmo" => Tagged("marketing", "ux", "seo", "growth") || MarketingWords().IsMatch(text),
            _ => true,
        };
    }

    public static int Materiality(string text, FactRef fact)
    {
        var security = fact.Fact.Tags.Contains("security", StringComparer.OrdinalIgnoreCase) || SecurityWords().IsMatch(text);
        if (security && SecretWords().IsMatch(text))
        {
            return 100;
        }

        if (security)
        {
            return 90;
        }

        var dollars = Money().Matches(text)
            .Select(m => decimal.TryParse(m.Groups["amount"].Value.Replace(",", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var v)
                ? v * (m.Groups["k"].Success ? 1000m : 1m) : 0m)
            .DefaultIfEmpty(0m).Max();
        if (dollars > 0)
        {
            // $10 → 51, $1,000 → 63, $100K → 75: bigger sums rank higher, never above a security finding.
            return 45 + (int)Math.Min(40, Math.Round(Math.Log10((double)dollars + 1) * 6));
        }

        return FinanceWords().IsMatch(text) ? 40 : 20;
    }

    [GeneratedRegex(@"\$(?<amount>\d[\d,]*(?:\.\d+)?)(?<k>[kK]\b)?")]
    private static partial Regex Money();

    [GeneratedRegex(@"\b(security|secret|api key|private key|password|credential|unauthenticated|unverified|exposed|token|leak)", RegexOptions.IgnoreCase)]
    private static partial Regex SecurityWords();

    [GeneratedRegex(@"\b(secret|api key|private key|sk_live|committed|hard-coded|hardcoded|logs secrets)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretWords();

    [GeneratedRegex(@"\$\d|\b(revenue|invoice|invoic|deposit|refund|payout|commission|tax|billing|billed|payment|cash|expense|cost|price|pricing|fee|payroll|bank|accounting|books|ledger|receivable|overdue)", RegexOptions.IgnoreCase)]
    private static partial Regex FinanceWords();

    [GeneratedRegex(@"\b(security|secret|key|password|endpoint|webhook|deploy|build|ci|test|server|database|backup|api|timeout|times out|error|bug|crash|job|cron|script|repo|ssl|dns|latency|lambda|s3|aws|smtp|sync|code|src/|stale data|drops events|double-counts|fails|stalls)", RegexOptions.IgnoreCase)]
    private static partial Regex EngineeringWords();

    [GeneratedRegex(@"\b(marketing|seo|email|campaign|newsletter|listing|listed|ota|viator|getyourguide|sailo|getmyboat|booking|conversion|analytics|tracking|ads?|google ads|social|instagram|review|channel|funnel|website|landing|enquir|inquir|lead)", RegexOptions.IgnoreCase)]
    private static partial Regex MarketingWords();
}
