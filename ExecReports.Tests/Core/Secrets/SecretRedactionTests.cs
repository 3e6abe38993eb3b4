using ExecReports.Core.Secrets;

namespace ExecReports.Tests.Core.Secrets;

public class SecretRedactionTests
{
    private static readonly SecretScanner Scanner = new(["Harbour-Sunset-2291!"]);

    [Theory]
    [InlineData("sk_live_4eC39HqLyjWDarjtT1zdp7f3a", "sk_live_…7f3a")]
    [InlineData("ghp_R8aZq2FAKEw9mB4xK7tL1pN6vC3yH5jD0sQe", "ghp_…0sQe")]
    [InlineData("AKIAZ2BAFAKEAJWEF4LA", "AKIA…F4LA")]
    [InlineData("Q7kz9Lm2vRtX8pW3nB5c", "…nB5c")]
    public void KeepsOnlyTheFormatPrefixAndTheLastFourCharacters(string secret, string expected)
    {
        Assert.Equal(expected, SecretScanner.RedactValue(secret));
    }

    [Fact]
    public void ShowsNothingOfAShortSecret()
    {
        Assert.Equal("…", SecretScanner.RedactValue("hunter2024"));
    }

    [Fact]
    public void RedactingARedactedValueChangesNothing()
    {
        var once = SecretScanner.RedactValue("sk_live_4eC39HqLyjWDarjtT1zdp7f3a");

        Assert.Equal(once, SecretScanner.RedactValue(once));
    }

    [Fact]
    public void RedactingRedactedTextChangesNothing()
    {
        var text = "key sk_live_4eC39HqLyjWDarjtT1zdp7f3a\nDATABASE_URL=postgres://app:pa55w0rdR1ver@db/jada\n" +
                   "login Harbour-Sunset-2291!\npassword = \"Q7#kz9!Lm2@vRt\"\n" + PemBlock("RSA PRIVATE KEY");

        var once = Scanner.Redact(text);

        Assert.Equal(once, Scanner.Redact(once));
        Assert.Empty(Scanner.Scan(once));
    }

    [Fact]
    public void ReplacesAPrivateKeyBlockWithItsBeginAndEndLinesOnly()
    {
        var text = "Old box key:\n" + PemBlock("RSA PRIVATE KEY") + "\nPlease rotate.";

        var redacted = Scanner.Redact(text);

        Assert.Equal("Old box key:\n-----BEGIN RSA PRIVATE KEY----- …redacted… -----END RSA PRIVATE KEY-----\nPlease rotate.", redacted);
    }

    [Fact]
    public void ReplacesATruncatedPrivateKeyWithoutSwallowingTheProseAfterIt()
    {
        var block = PemBlock("OPENSSH PRIVATE KEY");
        var truncated = block[..block.IndexOf("-----END", StringComparison.Ordinal)];

        var redacted = Scanner.Redact(truncated + "\nthe rest was cut off, sorry.");

        Assert.Equal("-----BEGIN OPENSSH PRIVATE KEY----- …redacted…\n\nthe rest was cut off, sorry.", redacted);
    }

    [Fact]
    public void ReplacesOnlyThePasswordOfAUrl()
    {
        Assert.Equal("DATABASE_URL=postgres://jada_app:…@db.internal:5432/jada",
            Scanner.Redact("DATABASE_URL=postgres://jada_app:pa55w0rdR1ver@db.internal:5432/jada"));
    }

    [Fact]
    public void ReplacesOnlyThePasswordOfAConnectionString()
    {
        Assert.Equal("Host=127.0.0.1;Database=jada;Username=app;Password=…;Timeout=15",
            Scanner.Redact("Host=127.0.0.1;Database=jada;Username=app;Password=Wh1teCaps-at-Point;Timeout=15"));
    }

    [Fact]
    public void ReplacesAConfiguredLiteralSecretEntirely()
    {
        Assert.Equal("SES login: [redacted].", Scanner.Redact("SES login: Harbour-Sunset-2291!."));
    }

    [Fact]
    public void RedactsAConfiguredSecretSplitAcrossLinesAsAWhole()
    {
        var redacted = Scanner.Redact("Admin password is Harbour-Sun\r\n> set-2291! and should be rotated.");

        Assert.Equal("Admin password is [redacted] and should be rotated.", redacted);
    }

    [Fact]
    public void RedactsAHardWrappedTokenAsAWholeNotJustItsFirstLine()
    {
        const string firstLine = "Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJGQUtFLXVzZXItMSJ9.Xk3vQ9FAKEpR7tLm";
        const string secondLine = "2Wz8Yb4Nc6Hd1Jf5Gs0Aq";

        var redacted = Scanner.Redact(firstLine + "\n" + secondLine + "\nNext item.");

        Assert.Equal("Bearer eyJ…s0Aq" + "\nNext item.", redacted);
        Assert.DoesNotContain("2Wz8", redacted);
        var finding = Assert.Single(Scanner.Scan(firstLine + "\n" + secondLine));
        Assert.Equal("jwt", finding.RuleId);
        Assert.Equal(1, finding.Line);
    }

    private static string PemBlock(string label) =>
        $"-----BEGIN {label}-----\n" +
        "MIIEowIBAAKCAQEA0FAKEKEYFAKEKEYq8Zp4t5Dk6Q3y0R9Zx1pD7m2yq8cUuG2N3b1\n" +
        "WcQk9y8TqzF6r4vE1s2P0o9n8m7l6k5j4h3g2f1e0d9cFAKEb8a7Z6Y5X4W3V2U1\n" +
        "T0S9R8Q7P6O5N4M3L2K1J0I9H8G7F6E5D4C3B2A1z0y9x8w7v6u5t4s3r2q1p0o9\n" +
        $"-----END {label}-----";
}
