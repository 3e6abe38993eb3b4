using System.Text;
using ExecReports.Core.Ingestion;
using ExecReports.Core.Reports.Engineering;
using ExecReports.Tests.Support;

namespace ExecReports.Tests.Core.Reports.Engineering;

// The one-automaton filters in front of the hygiene checks and the security classifier, and the file-name filter in
// front of the file pattern, may only rule a fact out when the patterns themselves would never match it: a filter that
// drops one real match changes a verdict. Checked over every sample fact, the phrases the checks look for, and seeded
// mutations of both (case, the characters regex engines disagree on at word boundaries and under IgnoreCase, joins).
// Fixed seeds, no retries.
public sealed class VerdictFilterTests
{
    private const int MutatedCases = 20_000;

    private static readonly string[] Phrases =
    [
        "Secrets live in the environment", "secret is kept in the AWS environment", "never in `.env`", "secret scanning is on",
        "hard-coded API key", "hardcoded stripe secret", "committed to the repo", "sk_live_abc", "secrets are checked into git",
        "code review", "reviewed pull requests", "PR reviews", "required reviewers", "approval before merge", "no code review",
        "pushes straight to main", "solo developer", "one-person shop", "branch protection is enabled", "protected master branch",
        "required status checks", "unprotected main", "Dependabot", "renovate", "no dependency updates", "outdated dependencies",
        "dependencies are never updated", "runs unit tests on pull requests", "tests run in CI", "no automated tests", "no CI",
        "lockfile", "package-lock", "yarn.lock", "pinned versions", "unpinned", "floating versions", "no lock file", "CodeQL",
        "SAST", "static analysis", "eslint", "sonar", "no linting", "unauthenticated webhook", "unauthorised call",
        "without authentication", "no auth", "doesn't verify the signature", "unverified", "accepts any POST",
        "public bucket", "publicly readable", "in `config/secrets.json`", "the .env file", "key in the repo",
        "src/app/main.ts", ".github/workflows/deploy.YML", "deploy.sh", "README.md", "api/v2/users.json", "e.g. the lock",
        "API-key", "Google Analytics", "drop-off", "Bus factor", "page speed", "recognised revenue", "$4,000", "Lead Time",
        "GitHub Actions", "single point of failure", "CI/CD", "a11y", "GA4", "MRR", "2FA", "public-bucket", "re-deployed",
    ];

    // Word-boundary and case-folding corner cases: joiners, a Kelvin sign, a long s, a dotted capital I, combining marks.
    private static readonly string[] Oddities = ["\u200D", "\u200C", "\u212A", "\u017F", "\u0130", "\u0131", "\u0301", "_", "-", "/", ".", "`", " ", "\t", "\n", "é", "ß", "1"];

    [Fact]
    public void TheHygieneFilterNeverRulesOutAFactACheckMatches()
    {
        var (texts, ruledOut) = (Texts(), 0);
        foreach (var text in texts)
        {
            var matched = RepositoryScorecard.Checks
                .SelectMany(c => new[] { c.NotApplicable, c.Fail, c.Pass })
                .Any(r => r is not null && r.IsMatch(text));
            Assert.True(!matched || RepositoryScorecard.MayMatchACheck(text), $"the filter ruled out a fact a check matches: {Show(text)}");
            ruledOut += RepositoryScorecard.MayMatchACheck(text) ? 0 : 1;
        }

        // A filter that lets everything through would pass the check above and save nothing.
        Assert.True(ruledOut > texts.Count / 4, $"the filter ruled out only {ruledOut} of {texts.Count} texts");
    }

    [Fact]
    public void TheSecurityFilterNeverRulesOutACriticalOrHighFact()
    {
        var (texts, ruledOut) = (Texts(), 0);
        foreach (var text in texts)
        {
            var highOrWorse = SecurityFindings.Classify(text).Severity <= SecuritySeverity.High;
            Assert.True(!highOrWorse || SecurityFindings.MayBeHigh(text), $"the filter ruled out a {SecurityFindings.Classify(text).Severity} fact: {Show(text)}");
            ruledOut += SecurityFindings.MayBeHigh(text) ? 0 : 1;
        }

        Assert.True(ruledOut > texts.Count / 4, $"the filter ruled out only {ruledOut} of {texts.Count} texts");
    }

    [Fact]
    public void TheFileNameFilterNeverRulesOutAFactNamingAFile()
    {
        var (texts, ruledOut) = (Texts(), 0);
        foreach (var text in texts)
        {
            Assert.True(!FactClassifier.FilePath().IsMatch(text) || FactClassifier.MayNameAFile(text), $"the filter ruled out a file name: {Show(text)}");
            ruledOut += FactClassifier.MayNameAFile(text) ? 0 : 1;
        }

        Assert.True(ruledOut > texts.Count / 4, $"the filter ruled out only {ruledOut} of {texts.Count} texts");
    }

    [Fact]
    public void TheKeywordFiltersNeverRuleOutAFactTheirPatternTags()
    {
        var texts = Texts();
        foreach (var (tag, pattern, words) in FactClassifier.Keywords)
        {
            var ruledOut = 0;
            foreach (var text in texts)
            {
                var may = FactClassifier.MayMatch(text, words);
                Assert.True(may || !pattern.IsMatch(text), $"the {tag} filter ruled out a text its pattern tags: {Show(text)}");
                ruledOut += may ? 0 : 1;
            }

            Assert.True(ruledOut > 0, $"the {tag} filter ruled out nothing");
        }
    }

    private static List<string> Texts()
    {
        var catalog = EntityCatalogLoader.Load(Path.Combine(RepoPaths.Samples, "entities.yaml"));
        var facts = Directory.EnumerateFiles(Path.Combine(RepoPaths.Samples, "handoffs"), "*.md").Order(StringComparer.Ordinal)
            .SelectMany(path => HandoffParser.Parse(Path.GetFileName(path), File.ReadAllBytes(path), DateTimeOffset.UnixEpoch, catalog).Facts)
            .Select(f => f.Text)
            .ToList();
        var seeds = facts.Concat(Phrases).ToList();
        var texts = new List<string>(seeds);
        var random = new Random(19);
        for (var i = 0; i < MutatedCases; i++)
        {
            texts.Add(Mutate(seeds[random.Next(seeds.Count)], seeds, random));
        }

        return texts;
    }

    private static string Mutate(string text, List<string> seeds, Random random)
    {
        var builder = new StringBuilder(text);
        for (var steps = random.Next(1, 5); steps > 0; steps--)
        {
            var at = random.Next(builder.Length + 1);
            switch (random.Next(5))
            {
                case 0:
                    builder.Insert(at, Oddities[random.Next(Oddities.Length)]);
                    break;
                case 1 when builder.Length > 0:
                    var i = Math.Min(at, builder.Length - 1);
                    builder[i] = char.IsUpper(builder[i]) ? char.ToLowerInvariant(builder[i]) : char.ToUpperInvariant(builder[i]);
                    break;
                case 2:
                    builder.Insert(at, Phrases[random.Next(Phrases.Length)]);
                    break;
                case 3 when builder.Length > 0:
                    builder.Remove(Math.Min(at, builder.Length - 1), 1);
                    break;
                default:
                    builder.Append(' ').Append(seeds[random.Next(seeds.Count)]);
                    break;
            }
        }

        return builder.ToString();
    }

    private static string Show(string text) => string.Concat(text.Select(c => c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:X4}"));
}
