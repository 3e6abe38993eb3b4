using System.Text;
using ExecReports.Core.Feedback;
using ExecReports.Core.Secrets;
using ExecReports.Tests.Core.Ingestion.Fuzz;
using MimeKit;

namespace ExecReports.Tests.Core.Feedback;

public sealed class ReplyParserTests
{
    private const string Report = """
        CFO report — 2026-11
        ====================

        Burn Rate
        ---------

        Net burn (trailing three months, cash basis): $2,874/mo, ranging $1,828/mo to $4,055/mo.

        Runway
        ------

        Runway at the current burn: 18.7 months.
        """;

    [Fact]
    public void KeepsOnlyTheNewTextAndCollectsTheQuotedLines()
    {
        var reply = ReplyParser.ParseText("""
            Why did this go up?
            Second line.

            On Tue, Dec 1, 2026 at 09:00, Reports <reports@example.com> wrote:
            > Net burn (trailing three months, cash basis): $2,874/mo, ranging $1,828/mo to $4,055/mo.
            >> Runway at the current burn: 18.7 months.
            """, 1000);

        Assert.Equal("Why did this go up?\nSecond line.", reply.NewText);
        Assert.Equal(["Net burn (trailing three months, cash basis): $2,874/mo, ranging $1,828/mo to $4,055/mo.", "Runway at the current burn: 18.7 months."], reply.QuotedLines);
        Assert.Null(reply.ActionTitle);
        Assert.Empty(reply.Done);
    }

    [Fact]
    public void DropsTheSignatureAndAnOnWroteLineWrappedOverTwoLines()
    {
        var reply = ReplyParser.ParseText("Looks fine.\n\nOn Tue, Dec 1, 2026 at 09:00, Reports\n<reports@example.com> wrote:\n> Runway\n-- \nJane Doe\nCFO, Example", 1000);

        Assert.Equal("Looks fine.", reply.NewText);
        Assert.DoesNotContain("Jane", reply.NewText, StringComparison.Ordinal);
    }

    [Fact]
    public void AnActionLineOpensAnItemOnlyWhenItIsTheFirstLine()
    {
        Assert.Equal("Ask the bank about the fee", ReplyParser.ParseText("ACTION: Ask the bank about the fee\nthanks", 1000).ActionTitle);
        Assert.Equal("lowercase works", ReplyParser.ParseText("  action:   lowercase works", 1000).ActionTitle);
        Assert.Null(ReplyParser.ParseText("Thanks.\nACTION: not on the first line", 1000).ActionTitle);
        Assert.Null(ReplyParser.ParseText("ACTION:", 1000).ActionTitle);
    }

    [Fact]
    public void DoneMarkersNameTheItemsToResolve()
    {
        Assert.Equal([12L, 3L], ReplyParser.ParseText("DONE #12 and done #3, also DONE #12 again; DONE 7 is not one", 1000).Done);
    }

    [Fact]
    public void CutsTheNewTextAtTheLimit()
    {
        Assert.Equal(10, ReplyParser.ParseText(new string('x', 50), 10).NewText.Length);
    }

    [Fact]
    public void AnHtmlOnlyReplyIsReadAsText()
    {
        var message = new MimeMessage();
        message.Body = new TextPart("html") { Text = "<div>Please check &amp; confirm</div><blockquote>old</blockquote>" };

        Assert.StartsWith("Please check & confirm", ReplyParser.Parse(message, 1000).NewText, StringComparison.Ordinal);
    }

    [Fact]
    public void AnchorsAQuotedLineToItsLineAndTheSectionAboveIt()
    {
        var anchor = ReportAnchor.Find(Report, ["Yes", "Runway at the current burn:   18.7 months."]);

        Assert.Equal(new Anchor("Runway", 12, "Runway at the current burn: 18.7 months."), anchor);
        Assert.Equal("Burn Rate", ReportAnchor.Find(Report, ["$2,874/mo, ranging"])!.Section);
        Assert.Null(ReportAnchor.Find(Report, ["Nothing like this is in the report"]));
    }

    [Fact]
    public void TheTokenIsFoundInTheAddressItWasWrittenInto()
    {
        var address = ReplyToken.Address("Reports <reports@example.com>", "<abc@example.com>")!;

        Assert.Matches("^reports\\+[a-z2-7]{16}@example\\.com$", address.Address);
        Assert.Equal([ReplyToken.For("abc@example.com")], ReplyToken.Find(["someone@example.com", address.Address.ToUpperInvariant()]));
        Assert.Null(ReplyToken.Address("", "abc@example.com"));
    }

    [Fact]
    public void ReplyTextLosesMarkupControlCharactersAndCredentials()
    {
        var cleaner = new FeedbackText(new SecretScanner(["hunter2-is-long"]));

        var text = cleaner.Clean("<script>alert(1)</script><b>Bold</b> \u202Ereversed\u0007 password hunter2-is-long", 1000);

        Assert.DoesNotContain("<", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202E", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\u0007", text, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-is-long", text, StringComparison.Ordinal);
        Assert.Contains("Bold", text, StringComparison.Ordinal);
    }

    // Seeded mutations of a real reply: MimeKit may refuse the bytes (the service quarantines those), but nothing else
    // may throw, the new text never holds a quoted line and stays within the limit. Fixed seeds, no retries.
    [Fact]
    public void MutatedRepliesNeverThrowAndNeverKeepQuotedLinesAsNewText()
    {
        var sample = Encoding.UTF8.GetBytes(
            "From: Owner <owner@example.com>\r\nTo: reports+abcdefghijklmnop@example.com\r\nSubject: Re: CFO report\r\nMessage-ID: <r1@example.com>\r\n" +
            "In-Reply-To: <abc@example.com>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" +
            "ACTION: Check the burn\r\nDONE #4\r\n\r\nOn Tue, Dec 1, 2026, Reports wrote:\r\n> Net burn (trailing three months, cash basis): $2,874/mo\r\n-- \r\nOwner\r\n" +
            "--b\r\nContent-Type: application/pdf; name=x.pdf\r\nContent-Disposition: attachment; filename=x.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0=\r\n--b--\r\n");
        var failures = new List<string>();
        for (var seed = 0; seed < 1_500; seed++)
        {
            var input = SampleMutator.Mutate(sample, seed);
            try
            {
                MimeMessage message;
                try
                {
                    message = MimeMessage.Load(new MemoryStream(input));
                }
                catch (FormatException)
                {
                    continue;
                }

                var reply = ReplyParser.Parse(message, 500);
                _ = ReportAnchor.Find(Report, reply.QuotedLines);
                if (reply.NewText.Length > 500 || reply.NewText.Split('\n').Any(l => l.TrimStart().StartsWith('>')))
                {
                    failures.Add($"seed {seed}: new text breaks the rules: {reply.NewText}");
                }
            }
            catch (Exception e)
            {
                failures.Add($"seed {seed}: {e.GetType().Name}: {e.Message}");
            }
        }

        Assert.Empty(failures);
    }
}
