using ExecReports.Core.Secrets;
using Xunit.Abstractions;

namespace ExecReports.Tests.Core.Secrets;

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

    // Any five consecutive characters of a secret's body (its format prefix aside) in the redacted text would
    // mean more than the last four leaked. Key blocks are checked for their body lines instead.
    [Fact]
    public void RedactionNeverShowsMoreThanTheLastFourCharactersOfAPlantedSecret()
    {
        foreach (var planted in SecretCorpus.Planted)
        {
            var redacted = _scanner.Redact(planted.Text);
            foreach (var finding in _scanner.Scan(planted.Text))
            {
                var secret = planted.Text.Substring(Offset(planted.Text, finding.Line, finding.Column), finding.Length);
                var body = finding.RuleId.StartsWith("private-key", StringComparison.Ordinal)
                    ? secret[(secret.IndexOf("KEY-----", StringComparison.Ordinal) + 8)..].Split("-----END")[0]
                    : secret[SecretValueChecks.FormatPrefix(secret).Length..];
                for (var i = 0; i + 5 <= body.Length; i++)
                {
                    var window = body.Substring(i, 5);
                    Assert.False(redacted.Contains(window, StringComparison.Ordinal) && !window.Contains('\n'),
                        $"{planted}: '{window}' of a {finding.RuleId} survives in: {redacted}");
                }
            }
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

    private static int Offset(string text, int line, int column)
    {
        var offset = 0;
        for (var i = 1; i < line; i++)
        {
            offset = text.IndexOf('\n', offset) + 1;
        }

        return offset + column - 1;
    }
}
