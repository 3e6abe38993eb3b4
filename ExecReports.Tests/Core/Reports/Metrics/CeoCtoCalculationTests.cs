using ExecReports.Core.Ingestion;
using ExecReports.Core.Kpis;
using ExecReports.Core.Reports;
using ExecReports.Core.Reports.Engineering;
using ExecReports.Core.Reports.Metrics;
using ExecReports.Tests.Core.Ingestion;
using ExecReports.Tests.Support;

namespace ExecReports.Tests.Core.Reports.Metrics;

// Expected values worked out by hand from the inputs in each test.
public class CeoCtoCalculationTests
{
    private static PipelineItem Item(string name, PipelineStage stage, decimal value, decimal probability, string? close = null) => new()
    {
        Name = name, Stage = stage, Value = value, Probability = probability, ExpectedClose = close is null ? null : DateOnly.Parse(close, System.Globalization.CultureInfo.InvariantCulture),
    };

    [Fact]
    public void WeightedPipelineIsValueTimesProbabilityOverOpenItemsOnly()
    {
        var inputs = new ReportInputsBuilder()
            .Kpi(new KpiMonthBuilder().For("jada", "2026-11").With(m => m with
            {
                Pipeline =
                [
                    Item("Concierge", PipelineStage.Negotiation, 12_000m, 0.6m, "2027-01-31"), // 7,200, inside 90 days (ends 2027-02-28)
                    Item("Holiday", PipelineStage.Proposal, 4_800m, 0.5m, "2026-12-15"),     // 2,400
                    Item("Summer fleet", PipelineStage.Lead, 10_000m, 0.1m, "2027-06-30"),   // 1,000, outside 90 days
                    Item("Offsite", PipelineStage.Won, 6_500m, 1m),                          // excluded
                    Item("Wedding", PipelineStage.Lost, 3_200m, 0m),                         // excluded
                ],
            }))
            .Kpi(new KpiMonthBuilder().For("quickdumpnow", "2026-11").With(m => m with
            {
                Pipeline = [Item("Property manager", PipelineStage.Negotiation, 9_600m, 0.55m, "2026-12-31")], // 5,280
            }))
            .Kpi(new KpiMonthBuilder().For("queenofsandiego", "2026-11").With(m => m with { Pipeline = [] }))
            .Build();

        var book = TestReportEngine.Default.Metrics(inputs);

        Assert.Equal(10_600m, book.Get(PipelineCalculator.Weighted("jada")).Value);
        Assert.Equal(26_800m, book.Get(PipelineCalculator.OpenValue("jada")).Value);
        Assert.Equal(9_600m, book.Get(PipelineCalculator.Next90Days("jada")).Value);
        Assert.Equal(7_200m, book.Get(PipelineCalculator.StageWeighted("jada", PipelineStage.Negotiation)).Value);
        Assert.Null(book.Find(PipelineCalculator.StageWeighted("jada", PipelineStage.Won)));
        Assert.Equal(15_880m, book.Get(PipelineCalculator.PortfolioWeighted).Value);
        Assert.Equal(14_880m, book.Get(PipelineCalculator.PortfolioNext90Days).Value);
        Assert.Equal(12_480m, book.Get(PipelineCalculator.PortfolioStageWeighted(PipelineStage.Negotiation)).Value);
        Assert.Equal(1_000m, book.Get(PipelineCalculator.PortfolioStageWeighted(PipelineStage.Lead)).Value);
        Assert.Null(book.Find(PipelineCalculator.Weighted("queenofsandiego")));
    }

    [Fact]
    public void NoPipelineAnywhereGivesZeroPortfolioPipeline()
    {
        var book = TestReportEngine.Default.Metrics(new ReportInputsBuilder().Kpi(new KpiMonthBuilder().With(m => m with { Pipeline = [] })).Build());

        Assert.Equal(0m, book.Get(PipelineCalculator.PortfolioWeighted).Value);
    }

    [Theory]
    // Deployments a month: elite 30+, high 4+, medium 1+, low below.
    [InlineData("deploy", 30, DoraLevel.Elite)]
    [InlineData("deploy", 29, DoraLevel.High)]
    [InlineData("deploy", 4, DoraLevel.High)]
    [InlineData("deploy", 3, DoraLevel.Medium)]
    [InlineData("deploy", 1, DoraLevel.Medium)]
    [InlineData("deploy", 0, DoraLevel.Low)]
    // Lead time hours: elite under a day, high to a week, medium to a month (30 days), low beyond.
    [InlineData("lead", 23.9, DoraLevel.Elite)]
    [InlineData("lead", 24, DoraLevel.High)]
    [InlineData("lead", 168, DoraLevel.High)]
    [InlineData("lead", 168.1, DoraLevel.Medium)]
    [InlineData("lead", 720, DoraLevel.Medium)]
    [InlineData("lead", 720.1, DoraLevel.Low)]
    // Change fail rate: elite to 15%, high to 30%, medium to 45%, low above.
    [InlineData("fail", 0, DoraLevel.Elite)]
    [InlineData("fail", 0.15, DoraLevel.Elite)]
    [InlineData("fail", 0.16, DoraLevel.High)]
    [InlineData("fail", 0.30, DoraLevel.High)]
    [InlineData("fail", 0.31, DoraLevel.Medium)]
    [InlineData("fail", 0.45, DoraLevel.Medium)]
    [InlineData("fail", 0.46, DoraLevel.Low)]
    // Time to restore hours: elite under an hour, high under a day, medium to a week, low beyond.
    [InlineData("restore", 0.9, DoraLevel.Elite)]
    [InlineData("restore", 1, DoraLevel.High)]
    [InlineData("restore", 23.9, DoraLevel.High)]
    [InlineData("restore", 24, DoraLevel.Medium)]
    [InlineData("restore", 168, DoraLevel.Medium)]
    [InlineData("restore", 168.1, DoraLevel.Low)]
    public void BucketsDoraMeasuresAtEachBoundary(string measure, double value, DoraLevel expected)
    {
        var v = (decimal)value;
        var level = measure switch
        {
            "deploy" => Dora.DeploymentFrequency(v),
            "lead" => Dora.LeadTime(v),
            "fail" => Dora.ChangeFailRate(v),
            _ => Dora.TimeToRestore(v),
        };

        Assert.Equal(expected, level);
    }

    [Fact]
    public void DoraScoreAveragesLevelPointsAndCicdScoreAveragesTheKnownParts()
    {
        // high (4 deploys) 75%, elite (20 h) 100%, medium (40%) 50%, low (200 h) 25% → 62.5%.
        var inputs = new ReportInputsBuilder()
            .Kpi(new KpiMonthBuilder().For("jada", "2026-11").With(m => m with
            {
                Engineering = new EngineeringMetrics { Deployments = 4, LeadTimeHours = 20m, ChangeFailRate = 0.40m, TimeToRestoreHours = 200m },
            }))
            .Handoff("jada.md", new HandoffBuilder().FrontMatter("entity", "jada").FrontMatter("updated", "2026-11-10")
                .Section("Current state", "GitHub Actions runs tests on PR.", "Hard-coded Stripe secret key in `config/stripe.js`."))
            .Build();

        var book = TestReportEngine.Default.Metrics(inputs);

        Assert.Equal(0.625m, book.Get(EngineeringCalculator.DoraScore("jada")).Value);
        // Tests pass (5), secrets fail (10): 5 ÷ 15.
        Assert.Equal(5m / 15m, book.Get(EngineeringCalculator.HygieneScore("jada")).Value);
        Assert.Equal((0.625m + 5m / 15m) / 2m, book.Get(EngineeringCalculator.CicdScore("jada")).Value);
        Assert.Equal("unknown: no DORA inputs and no hygiene evidence", book.Get(EngineeringCalculator.CicdScore("rental-3028-51st")).Display);
    }

    private static FactRef Fact(string text, int line, SectionKind section = SectionKind.CurrentState)
    {
        var fact = new HandoffFact(section, text, [], [], line);
        var document = new HandoffDocument { File = "repo.md", Status = HandoffStatus.Ok, Title = "repo", Sections = [new HandoffSection(section, null, 1, [fact])] };
        return new FactRef(document, fact);
    }

    [Fact]
    public void ScorecardWeighsPassesAgainstJudgedChecksAndLeavesOutNotApplicableAndUnknown()
    {
        var results = RepositoryScorecard.Evaluate(
        [
            Fact("Solo project: one developer does everything.", 3),               // code review (7): not applicable
            Fact("Hard-coded API key in `config/keys.js`.", 4),                      // secrets (10): fail
            Fact("GitHub Actions runs unit tests on PR.", 5),                        // tests (5): pass
            Fact("Dependabot opens weekly PRs.", 6),                                 // dependency updates (7): pass
            Fact("Enable CodeQL next quarter.", 7, SectionKind.NextSteps),           // a plan: static analysis stays unknown
        ]);

        string StatusOf(string check) => RepositoryScorecard.Word(results.Single(r => r.Check.Name == check).Status);
        Assert.Equal("not applicable", StatusOf("Code review before merge"));
        Assert.Equal("fail", StatusOf("Secrets kept out of the repository"));
        Assert.Equal("pass", StatusOf("Automated tests in CI"));
        Assert.Equal("pass", StatusOf("Automated dependency updates"));
        Assert.Equal("unknown", StatusOf("Static analysis"));
        Assert.Equal(4, results.Single(r => r.Check.Name == "Secrets kept out of the repository").Evidence!.Fact.Line);
        // (5 + 7) ÷ (10 + 5 + 7) — code review's 7 is not in the denominator.
        Assert.Equal(12m / 22m, RepositoryScorecard.Score(results));
    }

    [Fact]
    public void ScorecardWithNoEvidenceHasNoScore() =>
        Assert.Null(RepositoryScorecard.Score(RepositoryScorecard.Evaluate([Fact("Sells dumpsters.", 2)])));

    [Theory]
    [InlineData(0.51, ConcentrationLevel.High)]
    [InlineData(0.50, ConcentrationLevel.Moderate)]
    [InlineData(0.31, ConcentrationLevel.Moderate)]
    [InlineData(0.30, ConcentrationLevel.Diversified)]
    [InlineData(0, ConcentrationLevel.Diversified)]
    public void ClassifiesRevenueConcentrationAboveHalfAsHigh(double share, ConcentrationLevel expected) =>
        Assert.Equal(expected, ConcentrationCalculator.Classify((decimal)share));

    [Fact]
    public void ConcentrationIsUnknownWithoutRevenue() => Assert.Equal(ConcentrationLevel.Unknown, ConcentrationCalculator.Classify(null));

    [Theory]
    [InlineData("Hard-coded Stripe secret key in `config/stripe.js`", SecuritySeverity.Critical)]
    [InlineData("Form posts to an unauthenticated Google Apps Script endpoint", SecuritySeverity.High)]
    [InlineData("Webhook handler does not verify signatures", SecuritySeverity.High)]
    [InlineData("Admin is behind a shared password", SecuritySeverity.Medium)]
    [InlineData("[security] review IAM roles", SecuritySeverity.Low)]
    public void GradesSecurityFindingsByRule(string text, SecuritySeverity expected) => Assert.Equal(expected, SecurityFindings.Classify(text).Severity);

    [Fact]
    public void RevenueRecognitionCountsFutureServiceAndNetOfCommissionLines()
    {
        var inputs = new ReportInputsBuilder()
            .Kpi(new KpiMonthBuilder().For("jada", "2026-10").With(m => m with
            {
                Revenue = [new RevenueLine { Stream = "charters", Amount = 900m, ServiceDate = new DateOnly(2027, 6, 1) }],
            }))
            .Kpi(new KpiMonthBuilder().For("jada", "2026-11").With(m => m with
            {
                Revenue =
                [
                    new RevenueLine { Stream = "charters", Amount = 1_000m, ServiceDate = new DateOnly(2026, 11, 30) },
                    new RevenueLine { Stream = "charters", Amount = 1_500m, ServiceDate = new DateOnly(2026, 12, 1) },
                    new RevenueLine { Stream = "charters", Amount = 850m, Channel = "Sailo", BookedNetOfCommission = true, Commission = 150m },
                    new RevenueLine { Stream = "charters", Amount = 400m, Channel = "Viator", BookedNetOfCommission = true },
                ],
                CustomerDeposits = 0m,
            }))
            .Build();

        var book = TestReportEngine.Default.Metrics(inputs);

        Assert.Equal(1_500m, book.Get(RevenueRecognitionCalculator.FutureService("jada")).Value);
        Assert.Equal(2_400m, book.Get(RevenueRecognitionCalculator.FutureServiceTrailing("jada")).Value);
        Assert.Equal(1_250m, book.Get(RevenueRecognitionCalculator.NetOfCommission("jada")).Value);
        Assert.Equal("understated: commission not recorded on 1 line(s)", book.Get(RevenueRecognitionCalculator.OmittedCommission("jada")).Display);
    }
}
