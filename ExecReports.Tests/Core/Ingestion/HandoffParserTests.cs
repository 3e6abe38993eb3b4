using System.Text;
using ExecReports.Core.Ingestion;
using ExecReports.Tests.Support;

namespace ExecReports.Tests.Core.Ingestion;

public class HandoffParserTests
{
    private static readonly EntityCatalog Catalog = EntityCatalogLoader.Load(Path.Combine(RepoPaths.Samples, "entities.yaml"));
    private static readonly DateTimeOffset Modified = new(2026, 11, 3, 8, 30, 0, TimeSpan.Zero);

    private static HandoffDocument Parse(HandoffBuilder handoff, string file = "notes.md") => Parse(handoff.Bytes(), file);

    private static HandoffDocument Parse(byte[] content, string file = "notes.md") => HandoffParser.Parse(file, content, Modified, Catalog);

    private static HandoffBuilder Typical() => new HandoffBuilder()
        .FrontMatter("entity", "JADA")
        .FrontMatter("updated", "2026-11-01")
        .Title("JADA handoff")
        .Section("Current state", "Deploys by hand via scp", "No tests")
        .Section("Known issues", "Webhook signatures are not verified");

    [Fact]
    public void ParsesATypicalHandoff()
    {
        var document = Parse(Typical());

        Assert.Equal(HandoffStatus.Ok, document.Status);
        Assert.Empty(document.Problems);
        Assert.Equal("JADA handoff", document.Title);
        Assert.Equal("jada", document.EntityId);
        Assert.Equal(new DateOnly(2026, 11, 1), document.Updated);
        Assert.Equal([SectionKind.CurrentState, SectionKind.KnownIssues], document.Sections.Select(s => s.Kind));
        Assert.Equal(2, document.FactCount(SectionKind.CurrentState));
        var fact = document.Facts.First();
        Assert.Equal(("Deploys by hand via scp", 9), (fact.Text, fact.Line));
    }

    [Fact]
    public void ReadsAFileWithBomAndCrlfLikeAPlainOne()
    {
        var plain = Parse(Typical());
        var messy = Parse(Typical().WithBom().WithCrlf());

        Assert.Equal(HandoffStatus.Ok, messy.Status);
        Assert.Equal(plain.EntityId, messy.EntityId);
        Assert.Equal(plain.Updated, messy.Updated);
        Assert.Equal(plain.Facts.Select(f => (f.Text, f.Line)), messy.Facts.Select(f => (f.Text, f.Line)));
        Assert.DoesNotContain('\r', messy.Raw);
        Assert.DoesNotContain('\uFEFF', messy.Raw);
    }

    [Fact]
    public void ParsesAFileWithoutFrontMatter()
    {
        var document = Parse(new HandoffBuilder().Title("QuickDumpNow notes").Section("Issues", "Quote form spam"));

        Assert.Equal(HandoffStatus.Ok, document.Status);
        Assert.Equal("quickdumpnow", document.EntityId);
        Assert.Equal(1, document.FactCount(SectionKind.KnownIssues));
    }

    [Fact]
    public void PutsListItemsOfAFileWithoutHeadingsUnderOther()
    {
        var document = Parse(new HandoffBuilder().FrontMatter("entity", "jada").Items("First thing", "Second thing"));

        var section = Assert.Single(document.Sections);
        Assert.Equal((SectionKind.Other, (string?)null), (section.Kind, section.Heading));
        Assert.Equal(["First thing", "Second thing"], section.Facts.Select(f => f.Text));
    }

    [Fact]
    public void DoesNotTurnTablesOrCodeBlocksIntoFacts()
    {
        var document = Parse(new HandoffBuilder()
            .FrontMatter("entity", "jada")
            .Line("## Metrics").Line("")
            .Line("| Month | Deploys |").Line("|---|---|").Line("| - Oct | 4 |").Line("")
            .Line("```").Line("- not a fact").Line("Entity: QuickDumpNow").Line("```").Line("")
            .Line("    - indented code, not a fact").Line("")
            .Items("Lead time ~2 days"));

        Assert.Equal(["Lead time ~2 days"], document.Facts.Select(f => f.Text));
        Assert.Equal(SectionKind.Metrics, document.Facts.Single().Section);
        Assert.Equal("jada", document.EntityId);
    }

    [Fact]
    public void IgnoresRawHtmlAndStripsInlineTags()
    {
        var document = Parse(new HandoffBuilder()
            .FrontMatter("entity", "jada")
            .Line("<div class=\"note\">").Line("<ul><li>html list item, not a fact</li></ul>").Line("</div>").Line("")
            .Items("Checkout is <b>slow</b> on mobile &amp; tablets"));

        Assert.Equal(["Checkout is slow on mobile & tablets"], document.Facts.Select(f => f.Text));
    }

    [Fact]
    public void TreatsAShortLineEndingInAColonAboveAListAsAHeading()
    {
        var document = Parse(new HandoffBuilder().FrontMatter("entity", "jada").Line("Problems:").Line("").Items("Spam on the form").Line("**Next steps**").Line("").Items("Add a honeypot"));

        Assert.Equal([SectionKind.KnownIssues, SectionKind.NextSteps], document.Facts.Select(f => f.Section));
    }

    [Theory]
    [InlineData("Current state", SectionKind.CurrentState)]
    [InlineData("Status", SectionKind.CurrentState)]
    [InlineData("Known issues & risks", SectionKind.KnownIssues)]
    [InlineData("Tech debt", SectionKind.KnownIssues)]
    [InlineData("Architectural decisions", SectionKind.Decisions)]
    [InlineData("ADRs", SectionKind.Decisions)]
    [InlineData("Next steps", SectionKind.NextSteps)]
    [InlineData("TODO", SectionKind.NextSteps)]
    [InlineData("Roadmap", SectionKind.NextSteps)]
    [InlineData("Tech stack", SectionKind.Stack)]
    [InlineData("Infrastructure", SectionKind.Stack)]
    [InlineData("KPIs", SectionKind.Metrics)]
    [InlineData("Numbers", SectionKind.Metrics)]
    [InlineData("Team lunch", SectionKind.Other)]
    public void ClassifiesSectionsByHeadingSynonyms(string heading, SectionKind expected)
    {
        var document = Parse(new HandoffBuilder().FrontMatter("entity", "jada").Section(heading, "A fact"));

        Assert.Equal(expected, document.Facts.Single().Section);
    }

    [Fact]
    public void SubheadingsInheritTheKindOfTheirSection()
    {
        var document = Parse(new HandoffBuilder().FrontMatter("entity", "jada").Section("Known issues").Line("### Payments").Line("").Items("Refunds are manual"));

        Assert.Equal(SectionKind.KnownIssues, document.Facts.Single().Section);
    }

    [Fact]
    public void RejectsBinaryContentNamingTheFile()
    {
        var document = Parse([.. Encoding.UTF8.GetBytes("# Title\n"), 0, 1, 2], "logo.md");

        Assert.Equal(HandoffStatus.Error, document.Status);
        Assert.Equal(["logo.md: binary content (NUL byte at offset 8); handoffs must be UTF-8 text"], document.Problems);
        Assert.Empty(document.Sections);
    }

    [Fact]
    public void RejectsTextThatIsNotUtf8()
    {
        var latin1 = Encoding.Latin1.GetBytes("# Café notes\n- Señor Jada\n");

        var document = Parse(latin1, "latin1.md");

        Assert.Equal(HandoffStatus.Error, document.Status);
        Assert.StartsWith("latin1.md: not valid UTF-8", Assert.Single(document.Problems));
    }

    [Theory]
    [InlineData("entity: [unclosed")]
    [InlineData("- just\n- a list")]
    public void RejectsInvalidFrontMatter(string frontMatter)
    {
        var document = Parse(Encoding.UTF8.GetBytes($"---\n{frontMatter}\n---\n# JADA\n- fact\n"), "bad.md");

        Assert.Equal(HandoffStatus.Error, document.Status);
        Assert.Matches(@"^bad\.md:\d+: invalid front matter", Assert.Single(document.Problems));
        Assert.Empty(document.Facts);
    }

    [Fact]
    public void RejectsFrontMatterThatIsNeverClosed()
    {
        var document = Parse(Encoding.UTF8.GetBytes("---\nentity: jada\n# JADA\n- fact\n"), "open.md");

        Assert.Equal(["open.md:1: invalid front matter: the opening '---' has no closing '---'"], document.Problems);
    }

    [Fact]
    public void WarnsAboutUnknownFrontMatterKeys()
    {
        var document = Parse(Typical().FrontMatter("owner", "someone"));

        Assert.Equal(HandoffStatus.Warning, document.Status);
        Assert.StartsWith("notes.md:4: unknown front matter key 'owner'", Assert.Single(document.Problems));
    }

    [Fact]
    public void FrontMatterEntityWinsOverEntityLineTitleAndFileName()
    {
        var document = Parse(new HandoffBuilder().FrontMatter("entity", "QUICKDUMPNOW").Line("Entity: JADA").Title("QueenofSandiego").Items("x"), "shipcaptaincrew.md");

        Assert.Equal(("quickdumpnow", EntityAssignment.FrontMatter), (document.EntityId, document.EntityAssignment));
    }

    [Fact]
    public void EntityLineWinsOverTitleAndFileName()
    {
        var document = Parse(new HandoffBuilder().Title("QueenofSandiego").Line("**Entity:** jada").Line("").Items("x"), "quickdumpnow.md");

        Assert.Equal(("jada", EntityAssignment.EntityLine), (document.EntityId, document.EntityAssignment));
    }

    [Fact]
    public void TitleWinsOverFileName()
    {
        var document = Parse(new HandoffBuilder().Title("Expert Yacht Delivery jobs").Items("x"), "quickdumpnow.md");

        Assert.Equal(("expert-yacht-delivery", EntityAssignment.Title), (document.EntityId, document.EntityAssignment));
    }

    [Fact]
    public void FileNameMatchesACatalogAlias()
    {
        var document = Parse(new HandoffBuilder().Title("Booking platform handoff").Items("x"), "shipcaptaincrew.md");

        Assert.Equal(("jada", EntityAssignment.FileName), (document.EntityId, document.EntityAssignment));
    }

    [Fact]
    public void TheLongestMatchingNameWins()
    {
        var document = Parse(new HandoffBuilder().Items("x"), "dangerouscentaur-portfolio.md");

        Assert.Equal("dangerouscentaur-portfolio", document.EntityId);
    }

    [Fact]
    public void AnUnknownFrontMatterEntityWarnsAndFallsBackToInference()
    {
        var document = Parse(new HandoffBuilder().FrontMatter("entity", "Acme Corp").Items("x"), "quickdumpnow.md");

        Assert.Equal(("quickdumpnow", EntityAssignment.FileName), (document.EntityId, document.EntityAssignment));
        Assert.Equal(["notes.md:2: front matter entity 'Acme Corp' is not an id, name or alias in the catalog".Replace("notes.md", "quickdumpnow.md")], document.Problems);
    }

    [Fact]
    public void AHandoffNoEntityMatchesIsAWarning()
    {
        var document = Parse(new HandoffBuilder().Title("Loose notes").Items("x"), "inbox.md");

        Assert.Equal((null, EntityAssignment.Unassigned, HandoffStatus.Warning), (document.EntityId, document.EntityAssignment, document.Status));
        Assert.StartsWith("inbox.md: no entity", Assert.Single(document.Problems));
    }

    [Fact]
    public void FrontMatterDateWinsOverUpdatedLineAndFileTime()
    {
        var document = Parse(Typical().Line("Updated: 2026-10-01"));

        Assert.Equal((new DateOnly(2026, 11, 1), UpdatedSource.FrontMatter), (document.Updated, document.UpdatedSource));
    }

    [Fact]
    public void UpdatedLineWinsOverFileTime()
    {
        var document = Parse(new HandoffBuilder().Title("JADA").Line("Updated: October 7, 2026").Line("").Items("x"));

        Assert.Equal((new DateOnly(2026, 10, 7), UpdatedSource.UpdatedLine), (document.Updated, document.UpdatedSource));
    }

    [Fact]
    public void FallsBackToTheFileTimeAndWarnsAboutAnUnreadableDate()
    {
        var document = Parse(new HandoffBuilder().Title("JADA").Line("Updated: last Tuesday").Line("").Items("x"));

        Assert.Equal((DateOnly.FromDateTime(Modified.UtcDateTime), UpdatedSource.FileModified), (document.Updated, document.UpdatedSource));
        Assert.Equal(["notes.md:3: 'Updated: last Tuesday' is not a date (use yyyy-MM-dd)"], document.Problems);
    }

    [Fact]
    public void TagsFactsFromMarkersAndKeywords()
    {
        var document = Parse(new HandoffBuilder().FrontMatter("entity", "jada").Items(
            "[ux] Date picker is awkward",
            "Admin password is shared by the crew",
            "AWS bill was $412 in October",
            "GitHub Actions runs tests on PR",
            "No GA4 on mobile checkout",
            "Deposits for future trips booked as revenue",
            "Crew rota is on paper"));

        Assert.Equal(
            [["ux"], ["security"], ["cost"], ["ci"], ["ux", "analytics"], ["revenue"], []],
            document.Facts.Select(f => f.Tags.ToArray()));
    }

    [Fact]
    public void ExtractsFileEndpointAndUrlReferences()
    {
        var document = Parse(new HandoffBuilder().FrontMatter("entity", "jada").Items(
            "Bookings hit `POST /api/bookings` in `src/server.ts`, see [runbook](https://docs.example.com/runbook).",
            "Form posts to https://script.google.com/macros/s/AKfycbEXAMPLE/exec, a public endpoint; domain jadasailing.com is fine"));

        Assert.Equal(
            [new(ReferenceKind.File, "src/server.ts"), new(ReferenceKind.Endpoint, "POST /api/bookings"), new(ReferenceKind.Url, "https://docs.example.com/runbook")],
            document.Facts.First().References.OrderBy(r => r.Kind).ToArray());
        Assert.Equal([new HandoffReference(ReferenceKind.Url, "https://script.google.com/macros/s/AKfycbEXAMPLE/exec")], document.Facts.Last().References);
    }

    [Fact]
    public void SampleHandoffsCarryTheSecurityFactsTheValidatorLooksFor()
    {
        var jada = Parse(File.ReadAllBytes(Path.Combine(RepoPaths.Samples, "handoffs", "shipcaptaincrew.md")), "shipcaptaincrew.md");
        var queen = Parse(File.ReadAllBytes(Path.Combine(RepoPaths.Samples, "handoffs", "queenofsandiego.md")), "queenofsandiego.md");

        var stripe = Assert.Single(jada.Facts, f => f.References.Contains(new HandoffReference(ReferenceKind.File, "config/stripe.js")));
        Assert.Equal((SectionKind.KnownIssues, true), (stripe.Section, stripe.Tags.Contains("security")));
        Assert.Matches("sk_live_[A-Za-z0-9]{24,}", stripe.Text);
        Assert.Contains("dummy value planted for this sample", stripe.Text);
        Assert.Equal("jada", jada.EntityId);

        var appsScript = Assert.Single(queen.Facts, f => f.References.Any(r => r.Kind == ReferenceKind.Url && r.Value.StartsWith("https://script.google.com/macros/s/", StringComparison.Ordinal)));
        Assert.Contains("security", appsScript.Tags);
        Assert.Equal(("queenofsandiego", HandoffStatus.Ok), (queen.EntityId, queen.Status));
    }
}
