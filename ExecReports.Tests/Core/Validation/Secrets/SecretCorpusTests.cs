using ExecReports.Core.Validation.Secrets;
using Xunit.Abstractions;

namespace ExecReports.Tests.Core.Validation.Secrets;

public class SecretCorpusTests(ITestOutputHelper output)
{
    private readonly SecretScanner _scanner = new(SecretCorpus.ConfiguredSecrets);

    [Fact]
    public void CorpusMeetsTheDoneWhenSize()
    {
        Assert.True(SecretCorpus.Planted.Count >= 40, $"only {SecretCorpus.Planted.Count} planted cases");
        Assert.True(SecretCorpus.Planted.Select(c => c.ExpectedRule).Distinct().Count() >= 12, "fewer than 12 kinds");
        Assert.True(SecretCorpus.Clean.Count >= 40, $"only {SecretCorpus.Clean.Count} clean cases");
        Assert.All(SecretCorpus.Planted, c => Assert.Contains(c.ExpectedRule,
            SecretRules.All.Select(r => r.Id).Append(SecretRules.ConfiguredSecretId)));
    }

    [Fact]
    public void CatchesEveryPlantedCredentialWithItsExpectedRule()
    {
        var missed = new List<string>();
        foreach (var planted in SecretCorpus.Planted)
        {
            var findings = _scanner.Scan(planted.Text);
            if (!findings.Any(f => f.RuleId == planted.ExpectedRule && f.Severity == SecretSeverity.Error))
            {
                var got = findings.Count == 0 ? "nothing" : string.Join(", ", findings.Select(f => $"{f.RuleId}/{f.Severity}"));
                missed.Add($"{planted} expected {planted.ExpectedRule}, got {got}");
            }
        }

        var caught = SecretCorpus.Planted.Count - missed.Count;
        var kinds = SecretCorpus.Planted.Select(c => c.ExpectedRule).Distinct().Count();
        output.WriteLine($"recall: {caught}/{SecretCorpus.Planted.Count} ({100.0 * caught / SecretCorpus.Planted.Count:F1}%) across {kinds} kinds");
        missed.ForEach(output.WriteLine);
        Assert.Empty(missed);
    }

    [Fact]
    public void FlagsNoCleanLookAlikeAsAnError()
    {
        var errors = 0;
        var warnings = 0;
        var flagged = new List<string>();
        foreach (var clean in SecretCorpus.Clean)
        {
            foreach (var finding in _scanner.Scan(clean.Text))
            {
                if (finding.Severity == SecretSeverity.Error)
                {
                    errors++;
                }
                else
                {
                    warnings++;
                }

                flagged.Add($"{clean}: {finding.RuleId}/{finding.Severity} {finding.RedactedExcerpt}");
            }
        }

        output.WriteLine($"false positives: {errors} errors, {warnings} warnings on {SecretCorpus.Clean.Count} clean cases");
        flagged.ForEach(output.WriteLine);
        Assert.Equal(0, errors);
    }

    [Fact]
    public void RedactedPlantedTextScansCleanAndRedactsTheSameAgain()
    {
        foreach (var planted in SecretCorpus.Planted)
        {
            var redacted = _scanner.Redact(planted.Text);

            Assert.NotEqual(planted.Text, redacted);
            Assert.True(_scanner.Scan(redacted).Count == 0, $"{planted} still flagged after redaction: {redacted}");
            Assert.Equal(redacted, _scanner.Redact(redacted));
        }
    }

    [Fact]
    public void LeavesCleanTextUnchangedWhenRedacting()
    {
        foreach (var clean in SecretCorpus.Clean)
        {
            var findings = _scanner.Scan(clean.Text);
            if (findings.Count == 0)
            {
                Assert.Equal(clean.Text, _scanner.Redact(clean.Text));
            }
        }
    }
}
