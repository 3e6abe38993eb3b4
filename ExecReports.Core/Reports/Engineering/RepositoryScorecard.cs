using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using ExecReports.Core.Ingestion;

namespace ExecReports.Core.Reports.Engineering;

public enum CheckStatus { Pass, Fail, NotApplicable, Unknown }

public sealed record HygieneCheck(string Name, int Weight, Regex? Pass, Regex? Fail, Regex? NotApplicable);

public sealed record CheckResult(HygieneCheck Check, CheckStatus Status, FactRef? Evidence);

// OpenSSF-Scorecard-style repository hygiene, judged only from what the handoffs say. A check with no evidence is
// "unknown" and left out of the score rather than guessed; "not applicable" is also left out.
public static class RepositoryScorecard
{
    // Not compiled: the AnyCheck filter lets only the few facts that may match through to these, and compiling 21
    // patterns cost every process its start-up (issue 19).
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    // Lazy: two months' books computed side by side wait for one evaluation instead of both doing it.
    private static readonly ConditionalWeakTable<IReadOnlyList<FactRef>, Lazy<IReadOnlyList<CheckResult>>> Evaluated = new();

    private static readonly Regex Solo = new(@"\b(solo|one developer|single developer|sole developer|one-person|one person)\b", Options);

    public static IReadOnlyList<HygieneCheck> Checks { get; } =
    [
        new("Secrets kept out of the repository", 10,
            new(@"secrets? (live|are stored|are kept|is stored|is kept) in (the )?(\w+ ){0,3}environment|never in `?\.env|secret scanning (is )?(on|enabled)", Options),
            new(@"hard-?coded (\w+ ){0,3}(key|secret|token|password|credential)|committed to (the )?repo|sk_live_|secrets? (are |is )?(in|checked into) (the )?(repo|git)", Options),
            null),
        new("Code review before merge", 7,
            new(@"code review|reviewed (PRs|pull requests)|PR reviews?|pull request reviews?|required reviewers?|approv(al|ed) before merge", Options),
            new(@"no code review|without (code )?review|push(es|ed)? (straight |directly )?to (main|master)", Options),
            Solo),
        new("Branch protection", 7,
            new(@"branch protection (is )?(on|enabled)|protected (main|master)( branch)?|required status checks", Options),
            new(@"no branch protection|unprotected (main|master)|push(es|ed)? (straight |directly )?to (main|master)", Options),
            null),
        new("Automated dependency updates", 7,
            new(@"dependabot|renovate", Options),
            new(@"no dependency updates|outdated dependencies|dependencies (are )?(out of date|never updated)", Options),
            null),
        new("Automated tests in CI", 5,
            new(@"runs (\w+ )?tests on (PR|pull requests?)|tests? (run|runs) (on|in) (CI|PR)", Options),
            new(@"no automated tests|no tests|no CI|no pipeline", Options),
            null),
        new("Pinned dependencies", 5,
            new(@"lock ?file|package-lock|yarn\.lock|pinned (versions|dependencies)", Options),
            new(@"unpinned|floating versions|no lock ?file", Options),
            null),
        new("Static analysis", 5,
            new(@"codeql|\bsast\b|static analysis|eslint|sonar", Options),
            new(@"no (lint|linting|static analysis)", Options),
            null),
    ];

    // Any check's pattern, as one automaton: most facts match none, and one linear pass over each rules them out
    // instead of up to 21 scans (seconds at 16,000 handoffs, issue 19). Only a filter: the checks still decide, so a
    // fact it lets through is judged exactly as before. Declared after Checks, which it reads.
    private static readonly Regex AnyCheck = new(
        string.Join('|', Checks.SelectMany(c => (Regex?[])[c.NotApplicable, c.Fail, c.Pass]).OfType<Regex>().Select(r => $"(?:{r})").Distinct()),
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    public static bool MayMatchACheck(string text) => AnyCheck.IsMatch(text);

    public static string WeightsText => string.Join(", ", Checks.Select(c => $"{c.Name.ToLowerInvariant()} {c.Weight}"));

    // One entity's verdicts, worked out once per snapshot: the engineering metrics and two CTO sections ask for them.
    public static IReadOnlyList<CheckResult> Evaluate(HandoffSnapshot handoffs, string entityId) =>
        Evaluated.GetValue(handoffs.UsableFactsOf(entityId), facts => new Lazy<IReadOnlyList<CheckResult>>(() => Evaluate(facts))).Value;

    public static IReadOnlyList<CheckResult> Evaluate(IEnumerable<FactRef> entityFacts, IReadOnlyList<HygieneCheck>? checks = null)
    {
        var candidates = checks is null ? entityFacts.Where(f => MayMatchACheck(f.Fact.Text)).ToList() : entityFacts.ToList();
        var facts = candidates.Where(HandoffFacts.DescribesCurrentState).ToList();
        // Decisions count as evidence of practice here (an ADR "secrets live in the environment"), plans do not.
        var practice = candidates.Where(f => f.Fact.Section != Ingestion.SectionKind.NextSteps).ToList();
        return (checks ?? Checks).Select(check =>
        {
            if (check.NotApplicable is { } na && practice.FirstOrDefault(f => na.IsMatch(f.Fact.Text)) is { } solo)
            {
                return new CheckResult(check, CheckStatus.NotApplicable, solo);
            }

            if (check.Fail is { } fail && facts.FirstOrDefault(f => fail.IsMatch(f.Fact.Text)) is { } failed)
            {
                return new CheckResult(check, CheckStatus.Fail, failed);
            }

            if (check.Pass is { } pass && practice.FirstOrDefault(f => pass.IsMatch(f.Fact.Text)) is { } passed)
            {
                return new CheckResult(check, CheckStatus.Pass, passed);
            }

            return new CheckResult(check, CheckStatus.Unknown, null);
        }).ToList();
    }

    // Σ weight of passed checks ÷ Σ weight of checks with a pass/fail verdict; null when none has one.
    public static decimal? Score(IReadOnlyList<CheckResult> results)
    {
        var judged = results.Where(r => r.Status is CheckStatus.Pass or CheckStatus.Fail).ToList();
        var total = judged.Sum(r => r.Check.Weight);
        return total == 0 ? null : (decimal)judged.Where(r => r.Status == CheckStatus.Pass).Sum(r => r.Check.Weight) / total;
    }

    // Fewer than half the checks with evidence: the score rests on too little to compare entities by.
    public const int LowCoverageBelow = 4;

    public static int Known(IReadOnlyList<CheckResult> results) => results.Count(r => r.Status != CheckStatus.Unknown);

    public static bool IsLowCoverage(IReadOnlyList<CheckResult> results) => Known(results) < LowCoverageBelow;

    public static string CoverageText(IReadOnlyList<CheckResult> results) =>
        string.Create(CultureInfo.InvariantCulture, $"{Known(results)} of {results.Count} checks known{(IsLowCoverage(results) ? ", low coverage" : "")}");

    public static string Word(CheckStatus status) => status switch
    {
        CheckStatus.Pass => "pass",
        CheckStatus.Fail => "fail",
        CheckStatus.NotApplicable => "not applicable",
        _ => "unknown",
    };
}
