using ExecReports.Core.Kpis;
using ExecReports.Core.Reports;
using ExecReports.Core.Reports.Metrics;
using static ExecReports.Core.Reports.Metrics.RentalCalculator;
using static ExecReports.Tests.Core.Reports.Generators.DomainInputs;

namespace ExecReports.Tests.Core.Reports.Generators;

// NOI, DSCR, cash after debt service, deposits, economic occupancy and lease-end exposure, worked out by hand.
// October: all three units let, $4,500 received, mortgage $2,500 and a $1,000 repair.
// November: Unit C vacant, $3,500 received, mortgage $2,500, tax $400, insurance $100; deposits $3,000, cash $2,500.
public class RentalDebtServiceTests
{
    private static RentalUnit Unit(string name, decimal rent, bool occupied, string leaseEnd) => new()
    {
        Name = name, Rent = rent, Occupied = occupied, LeaseEnd = DateOnly.Parse(leaseEnd, System.Globalization.CultureInfo.InvariantCulture),
    };

    private static ExpenseLine Expense(string description, string category, string? code, decimal amount) =>
        new() { Description = description, Category = category, AccountCode = code, Amount = amount };

    private static KpiMonth Rental(string period, decimal received, bool cLet, ExpenseLine[] expenses, decimal cash = 0m, decimal deposits = 0m) =>
        Month(EntityId, period, m => m with
        {
            Revenue = [new RevenueLine { Stream = "Rent", Amount = received, Received = received }],
            Expenses = expenses,
            CashOnHand = cash,
            SecurityDeposits = deposits,
            Rental = new RentalData
            {
                Units =
                [
                    Unit("Unit A", 2_000m, true, "2028-01-31"),
                    Unit("Unit B", 1_500m, true, "2027-02-28"),
                    Unit("Unit C", 1_000m, cLet, "2027-06-30"),
                ],
            },
        });

    private static readonly KpiMonth October = Rental("2026-10", 4_500m, true,
        [Expense("Mortgage payment", "Mortgage", "6070", 2_500m), Expense("Roof repair", "Maintenance", "6020", 1_000m)]);

    private static readonly KpiMonth NovemberMonth = Rental("2026-11", 3_500m, false,
    [
        Expense("Mortgage payment", "Mortgage", "6070", 2_500m),
        Expense("Property tax", "Property tax", "6080", 400m),
        Expense("Insurance", "Insurance", "6010", 100m),
    ], cash: 2_500m, deposits: 3_000m);

    [Fact]
    public void NoiLeavesOutTheMortgageAndDscrDividesByIt()
    {
        var book = Book(Inputs([October, NovemberMonth]));

        Assert.Equal(500m, book.Get(OperatingExpenses).Value);
        Assert.Equal(3_000m, book.Get(Noi).Value);
        Assert.Equal(2_500m, book.Get(DebtServiceMonth).Value);
        Assert.Equal(1.20m, book.Get(Dscr).Value);
        Assert.Equal("1.20x", book.Get(Dscr).Display);
        Assert.Equal(500m, book.Get(CashFlowAfterDebt).Value);
        // Unit A ($2,000) is the highest rent: one vacant month takes $500 to -$1,500.
        Assert.Equal(-1_500m, book.Get(VacantMonthCashFlow).Value);
    }

    [Fact]
    public void TheTwelveMonthFiguresSumTheMonthsThatHaveRentalData()
    {
        var book = Book(Inputs([October, NovemberMonth]));

        Assert.Equal(2m, book.Get(YearMonthsCounted).Value);
        // (4,500 + 3,500) − (1,000 + 500) = 6,500; debt 5,000.
        Assert.Equal(6_500m, book.Get(YearNoi).Value);
        Assert.Equal(5_000m, book.Get(YearDebtService).Value);
        Assert.Equal(1.30m, book.Get(YearDscr).Value);
        Assert.Equal(1_500m, book.Get(YearCashFlowAfterDebt).Value);
        Assert.Equal(-500m, book.Get(YearVacantMonthCashFlow).Value);
        // 8,000 received of 2 × 4,500 potential.
        Assert.Equal(8_000m / 9_000m, book.Get(EconomicOccupancy).Value);
        Assert.Equal("88.9%", book.Get(EconomicOccupancy).Display);
    }

    [Fact]
    public void DepositsAreALiabilityTakenOffTheLandlordsCash()
    {
        var book = Book(Inputs([NovemberMonth]));

        Assert.Equal(3_000m, book.Get(SecurityDepositsHeld).Value);
        Assert.Equal(-500m, book.Get(LandlordCash).Value);
        var section = Section(Report(Inputs([NovemberMonth]), ReportRole.Rental), "Deposits and Cash").Markdown;
        Assert.Contains("leaves the landlord's own cash at -$500", section);
        Assert.Contains("Cash on hand does not cover the deposits held", section);
    }

    [Fact]
    public void LeaseExposureCountsOccupiedUnitsWhoseLeaseEndsWithinAYear()
    {
        var book = Book(Inputs([NovemberMonth]));

        // Unit B ends 90 days out; Unit A (427 days) is outside; Unit C is vacant.
        Assert.Equal(1_500m, book.Get(LeaseExposure).Value);
        Assert.Equal(1_500m / 4_500m, book.Get(LeaseExposureShare).Value);
        var section = Section(Report(Inputs([NovemberMonth]), ReportRole.Rental), "Lease Ends").Markdown;
        Assert.Contains("$1,500/mo of rent on occupied units whose lease ends by 2027-11-30", section);
        Assert.Contains("33.3% of gross potential rent: Unit B 2027-02-28.", section);
    }

    [Theory]
    [InlineData(2_200, "below the lender's usual minimum of 1.20x")]
    [InlineData(3_050, "inside the lender's band (1.20x–1.25x)")]
    [InlineData(3_125, "at or above the lender's comfortable level of 1.25x")]
    public void DscrIsJudgedAgainstTheLendersBand(decimal received, string verdict)
    {
        // Debt service 2,500 with no other expense: DSCR = received ÷ 2,500 (0.88, 1.22, 1.25).
        var month = Rental("2026-11", received, false, [Expense("Mortgage payment", "Mortgage", "6070", 2_500m)]);

        var section = Section(Report(Inputs([month]), ReportRole.Rental), "NOI and Debt Service").Markdown;

        Assert.Contains(verdict, section);
    }

    [Fact]
    public void DscrIsNotApplicableWithoutAMortgageOrLoan()
    {
        var month = Rental("2026-11", 3_500m, false, [Expense("Insurance", "Insurance", "6010", 100m)]);

        var book = Book(Inputs([month]));

        Assert.Equal(0m, book.Get(DebtServiceMonth).Value);
        Assert.Equal("n/a: no mortgage or loan payment recorded", book.Get(Dscr).Display);
        Assert.Equal(3_400m, book.Get(CashFlowAfterDebt).Value);
    }

    [Theory]
    [InlineData("Mortgage", "6070", true)]
    [InlineData("Loan", "6120", true)]
    [InlineData("Loan", null, true)]
    [InlineData("mortgage", null, true)]
    [InlineData("Mortgage", "6020", false)]
    [InlineData("Property tax", "6080", false)]
    public void DebtServiceIsTheMortgageAndLoanAccounts(string category, string? code, bool debt) =>
        Assert.Equal(debt, DebtService.Is(Expense("x", category, code, 1m)));
}
