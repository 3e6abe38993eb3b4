using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Tests.Support;

namespace ExecReports.Tests.Core.Kpis;

public class KpiValidatorTests
{
    private static readonly IReadOnlySet<string> Known = new HashSet<string> { "jada", "queenofsandiego" };

    private static readonly ChartOfAccounts Chart = new()
    {
        Accounts =
        [
            new Account { Code = "5010", Name = "Fuel", Type = AccountType.CostOfSales },
            new Account { Code = "6000", Name = "Moorage", Type = AccountType.Expense },
        ],
    };

    private static IReadOnlyList<KpiError> Validate(KpiMonthBuilder builder) => KpiValidator.Validate(builder.Build(), Known, Chart);

    private static void AssertSingleError(string fieldPath, KpiMonthBuilder builder)
    {
        var errors = Validate(builder);
        var error = Assert.Single(errors);
        Assert.Equal(fieldPath, error.FieldPath);
    }

    [Fact]
    public void AcceptsTheBuildersDefaultMonth() => Assert.Empty(Validate(new KpiMonthBuilder()));

    [Fact]
    public void AcceptsAnExpenseWithoutAccountCodeAsUncategorised() =>
        Assert.Empty(Validate(new KpiMonthBuilder().WithExpense(0, e => e with { AccountCode = null })));

    [Fact]
    public void RejectsNegativeExpenseAmount() =>
        AssertSingleError("expenses[1].amount", new KpiMonthBuilder().WithExpense(1, e => e with { Amount = -10m }));

    [Fact]
    public void RejectsNegativeRevenueReceived() =>
        AssertSingleError("revenue[0].received", new KpiMonthBuilder().With(m => m with { Revenue = [m.Revenue[0] with { Received = -1m }] }));

    [Fact]
    public void RejectsNegativeCashOnHand() =>
        AssertSingleError("cashOnHand", new KpiMonthBuilder().With(m => m with { CashOnHand = -0.01m }));

    [Fact]
    public void RejectsNegativeOwnerDraws() =>
        AssertSingleError("ownerDraws", new KpiMonthBuilder().With(m => m with { OwnerDraws = -100m }));

    [Fact]
    public void RejectsProbabilityAboveOne() =>
        AssertSingleError("pipeline[0].probability", new KpiMonthBuilder().WithPipeline(0, p => p with { Probability = 1.5m }));

    [Fact]
    public void RejectsNegativeProbability() =>
        AssertSingleError("pipeline[0].probability", new KpiMonthBuilder().WithPipeline(0, p => p with { Probability = -0.1m }));

    [Fact]
    public void RejectsCommissionRateWrittenAsAPercentage() =>
        AssertSingleError("channels[0].commissionRate", new KpiMonthBuilder().WithChannel(0, c => c with { CommissionRate = 15m }));

    [Fact]
    public void RejectsChangeFailRateAboveOne() =>
        AssertSingleError("engineering.changeFailRate", new KpiMonthBuilder().With(m => m with { Engineering = m.Engineering! with { ChangeFailRate = 1.2m } }));

    [Fact]
    public void RejectsUnsetMonth() =>
        AssertSingleError("period", new KpiMonthBuilder().With(m => m with { Period = default }));

    [Fact]
    public void RejectsMonthOutsideSaneYears() =>
        AssertSingleError("period", new KpiMonthBuilder().With(m => m with { Period = new Period(1926, 11) }));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void RequiresCurrency(string? currency) =>
        AssertSingleError("currency", new KpiMonthBuilder().With(m => m with { Currency = currency! }));

    [Theory]
    [InlineData("usd")]
    [InlineData("US$")]
    [InlineData("DOLLARS")]
    public void RejectsCurrencyThatIsNotAThreeLetterIsoCode(string currency) =>
        AssertSingleError("currency", new KpiMonthBuilder().With(m => m with { Currency = currency }));

    [Fact]
    public void RejectsUnknownEntityAndNamesTheKnownOnes()
    {
        var errors = Validate(new KpiMonthBuilder().With(m => m with { EntityId = "jadda" }));

        var error = Assert.Single(errors);
        Assert.Equal("entityId", error.FieldPath);
        Assert.Contains("jadda", error.Message);
        Assert.Contains("queenofsandiego", error.Message);
    }

    [Fact]
    public void RejectsOpenedMoreThanSent() =>
        AssertSingleError("emailBlasts[0].opened", new KpiMonthBuilder().WithBlast(0, b => b with { Opened = b.Sent + 1 }));

    [Fact]
    public void RejectsClickedMoreThanSent() =>
        AssertSingleError("emailBlasts[0].clicked", new KpiMonthBuilder().WithBlast(0, b => b with { Clicked = b.Sent + 1 }));

    [Fact]
    public void RejectsNegativeCounts() =>
        AssertSingleError("channels[0].visits", new KpiMonthBuilder().WithChannel(0, c => c with { Visits = -3 }));

    [Fact]
    public void RejectsEmailBlastDatedOutsideTheMonth() =>
        AssertSingleError("emailBlasts[0].date", new KpiMonthBuilder().WithBlast(0, b => b with { Date = new DateOnly(2026, 12, 1) }));

    [Fact]
    public void RejectsServiceDateYearsAwayFromTheMonth() =>
        AssertSingleError("revenue[0].serviceDate", new KpiMonthBuilder().With(m => m with { Revenue = [m.Revenue[0] with { ServiceDate = new DateOnly(2062, 11, 14) }] }));

    [Fact]
    public void RejectsAccountCodeMissingFromTheChartOfAccounts() =>
        AssertSingleError("expenses[0].accountCode", new KpiMonthBuilder().WithExpense(0, e => e with { AccountCode = "9999" }));

    [Fact]
    public void RequiresCommissionWhenBookedNetOfCommission() =>
        AssertSingleError("revenue[1].commission", new KpiMonthBuilder().With(m => m with { Revenue = [m.Revenue[0], m.Revenue[1] with { Commission = null }] }));

    [Fact]
    public void RejectsLiveChannelThatIsNotListed() =>
        AssertSingleError("channels[0].live", new KpiMonthBuilder().WithChannel(0, c => c with { Listed = false }));

    [Fact]
    public void RejectsNegativeRentAndOverdueInDomainData()
    {
        var errors = Validate(new KpiMonthBuilder().With(m => m with
        {
            Rental = new RentalData { Units = [new RentalUnit { Name = "Unit A", Rent = -2250m, Occupied = true }] },
            Portfolio = new PortfolioData { Clients = [new PortfolioClient { Name = "Harbor Analytics", BillingType = BillingType.Retainer, Retainer = 3500m, Overdue = -1m }] },
            YachtDelivery = new YachtDeliveryData { Jobs = [new DeliveryJob { Id = "EYD-1", From = "San Diego", To = "Cabo", Status = DeliveryStatus.Quoted, Quote = -9500m }] },
        }));

        Assert.Equal(["rental.units[0].rent", "yachtDelivery.jobs[0].quote", "portfolio.clients[0].overdue"], errors.Select(e => e.FieldPath));
    }

    [Fact]
    public void ReportsEveryProblemNotJustTheFirst()
    {
        var errors = Validate(new KpiMonthBuilder()
            .With(m => m with { Currency = "" })
            .WithExpense(2, e => e with { Amount = -1m })
            .WithPipeline(0, p => p with { Probability = 2m }));

        Assert.Equal(["currency", "expenses[2].amount", "pipeline[0].probability"], errors.Select(e => e.FieldPath));
    }
}
