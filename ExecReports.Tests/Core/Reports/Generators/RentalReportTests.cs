using ExecReports.Core.Ingestion;
using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reports;
using ExecReports.Core.Reports.Metrics;
using static ExecReports.Core.Reports.Metrics.RentalCalculator;
using static ExecReports.Tests.Core.Reports.Generators.DomainInputs;

namespace ExecReports.Tests.Core.Reports.Generators;

// Expected values worked out by hand from the units in each test; the period ends 2026-11-30.
public class RentalReportTests
{
    private static RentalUnit Unit(string name, decimal rent, bool occupied, string? leaseEnd = "2027-06-30", decimal maintenance = 0m) => new()
    {
        Name = name, Rent = rent, Occupied = occupied, LeaseEnd = leaseEnd is null ? null : DateOnly.Parse(leaseEnd, System.Globalization.CultureInfo.InvariantCulture),
        MaintenanceCost = maintenance,
    };

    private static KpiMonth Rental(string period, decimal received, params RentalUnit[] units) => Month(EntityId, period, m => m with
    {
        Revenue = [new RevenueLine { Stream = "Rent", Amount = received, Received = received }],
        Rental = new RentalData { Units = units },
    });

    [Fact]
    public void OccupancyVacancyCostAndCollectionRateFromTheUnits()
    {
        var book = Book(Inputs([Rental("2026-11", 2_500m, Unit("Unit A", 2_000m, true), Unit("Unit B", 1_500m, false), Unit("Unit C", 1_000m, true))]));

        Assert.Equal(3m, book.Get(UnitsTotal).Value);
        Assert.Equal(2m, book.Get(UnitsOccupied).Value);
        Assert.Equal(2m / 3m, book.Get(OccupancyRate).Value);
        Assert.Equal("66.7%", book.Get(OccupancyRate).Display);
        Assert.Equal(1_500m, book.Get(VacancyCost).Value);
        Assert.Equal(4_500m, book.Get(GrossPotentialRent).Value);
        Assert.Equal(3_000m, book.Get(ScheduledRent).Value);
        Assert.Equal(2_500m, book.Get(RentReceived).Value);
        Assert.Equal(-500m, book.Get(CollectionGap).Value);
        Assert.Equal("83.3%", book.Get(CollectionRate).Display);
        Assert.Equal(2_000m, book.Get(UnitRent("unit-a")).Value);
    }

    [Fact]
    public void CollectionRateIsNotApplicableWhenEveryUnitIsVacant()
    {
        var book = Book(Inputs([Rental("2026-11", 0m, Unit("Unit A", 2_000m, false), Unit("Unit B", 1_500m, false))]));

        Assert.Equal(0m, book.Get(OccupancyRate).Value);
        Assert.Equal(3_500m, book.Get(VacancyCost).Value);
        Assert.Null(book.Get(CollectionRate).Value);
        Assert.Equal("n/a: no rent scheduled", book.Get(CollectionRate).Display);
    }

    [Fact]
    public void OccupancyTrendCoversSixMonthsAndSaysWhichHaveNoData()
    {
        var book = Book(Inputs(
        [
            Rental("2026-09", 2_000m, Unit("Unit A", 2_000m, true), Unit("Unit B", 1_500m, false)),
            Rental("2026-11", 3_500m, Unit("Unit A", 2_000m, true), Unit("Unit B", 1_500m, true)),
        ]));

        Assert.Equal(0.5m, book.Get(TrendOccupancy(Period.Parse("2026-09"))).Value);
        Assert.Equal(1_500m, book.Get(TrendVacancyCost(Period.Parse("2026-09"))).Value);
        Assert.Equal(1m, book.Get(TrendOccupancy(November)).Value);
        Assert.Equal("no data", book.Get(TrendOccupancy(Period.Parse("2026-06"))).Display);
        Assert.Equal("no data", book.Get(TrendOccupancy(Period.Parse("2026-10"))).Display);
        Assert.Null(book.Find(TrendOccupancy(Period.Parse("2026-05"))));
    }

    [Theory]
    [InlineData("2027-02-28", LeaseState.EndingSoon, 90)]
    [InlineData("2027-03-01", LeaseState.Current, 91)]
    [InlineData("2026-11-30", LeaseState.EndingSoon, 0)]
    [InlineData("2026-11-29", LeaseState.Expired, -1)]
    public void LeaseWindowCountsDaysFromThePeriodsLastDay(string leaseEnd, LeaseState state, int days)
    {
        var month = Rental("2026-11", 2_000m, Unit("Unit A", 2_000m, true, leaseEnd));

        var lease = Assert.Single(Leases(month, November));

        Assert.Equal(state, lease.State);
        Assert.Equal(days, lease.DaysToEnd);
        Assert.Equal(days, Book(Inputs([month])).Get(UnitDaysToLeaseEnd("unit-a")).Value);
    }

    [Fact]
    public void LeaseEndsFlagsTheWindowAndExpiredLeasesAsMonthToMonth()
    {
        var inputs = Inputs([Rental("2026-11", 6_000m,
            Unit("Unit A", 2_000m, true, "2027-02-28"),
            Unit("Unit B", 1_500m, true, "2026-10-31"),
            Unit("Unit C", 2_500m, true, "2027-03-01"),
            Unit("Unit D", 1_000m, true, leaseEnd: null))]);
        var report = Report(inputs, ReportRole.Rental);
        var book = Book(inputs);

        var section = Section(report, "Lease Ends").Markdown;

        Assert.Contains("**Unit A: lease ends 2027-02-28**, 90 days after period end", section);
        Assert.Contains("**Unit B: lease expired 2026-10-31**, 30 days before period end; the tenant is month-to-month", section);
        Assert.Contains("Unit D: no lease end recorded", section);
        Assert.Contains("Unit C to 2027-03-01 (91 days)", section);
        Assert.Equal(30m, book.Get(UnitDaysPastLeaseEnd("unit-b")).Value);
        Assert.Null(book.Find(UnitDaysPastLeaseEnd("unit-a")));
        Assert.Equal(3_500m, book.Get(RentAtRisk).Value);
    }

    [Fact]
    public void MaintenanceIsSummedOverTheTrailingThreeMonthsAsAShareOfRent()
    {
        var book = Book(Inputs(
        [
            Rental("2026-08", 3_000m, Unit("Unit A", 2_000m, true, maintenance: 999m), Unit("Unit B", 1_000m, true)),
            Rental("2026-09", 3_000m, Unit("Unit A", 2_000m, true, maintenance: 300m), Unit("Unit B", 1_000m, true)),
            Rental("2026-10", 3_000m, Unit("Unit A", 2_000m, true), Unit("Unit B", 1_000m, true, maintenance: 100m)),
            Rental("2026-11", 3_000m, Unit("Unit A", 2_000m, true, maintenance: 200m), Unit("Unit B", 1_000m, true)),
        ]));

        Assert.Equal(200m, book.Get(UnitMaintenance("unit-a")).Value);
        Assert.Equal(500m, book.Get(UnitMaintenanceTrailing("unit-a")).Value);
        Assert.Equal(500m / 6_000m, book.Get(UnitMaintenanceTrailingShare("unit-a")).Value);
        Assert.Equal(100m, book.Get(UnitMaintenanceTrailing("unit-b")).Value);
        Assert.Equal(200m, book.Get(Maintenance).Value);
        Assert.Equal(200m / 3_000m, book.Get(MaintenanceShare).Value);
        Assert.Equal(600m, book.Get(MaintenanceTrailing).Value);
        Assert.Equal(600m / 9_000m, book.Get(MaintenanceTrailingShare).Value);
    }

    [Fact]
    public void MaintenanceQuotesRepairNotesWithTheirSource()
    {
        var handoff = Handoff(EntityId, "rental.md", (SectionKind.KnownIssues, "Unit B water heater replaced in August."), (SectionKind.CurrentState, "Rent paid by Zelle."));

        var section = Section(Report(Inputs([Rental("2026-11", 2_000m, Unit("Unit A", 2_000m, true))], handoff), ReportRole.Rental), "Maintenance").Markdown;

        Assert.Contains("Unit B water heater replaced in August. (rental.md:5)", section);
        Assert.DoesNotContain("Zelle", section);
    }

    [Fact]
    public void EachSectionQuotesItsFiguresFromTheBook()
    {
        var report = Report(Inputs([Rental("2026-11", 2_500m, Unit("Unit A", 2_000m, true), Unit("Unit B", 1_500m, false))]), ReportRole.Rental);

        Assert.Contains(OccupancyRate, Section(report, "Occupancy").MetricIds);
        Assert.Contains(VacancyCost, Section(report, "Occupancy").MetricIds);
        Assert.Contains("Unit B is vacant (listed at $1,500/mo)", Section(report, "Occupancy").Markdown);
        Assert.Contains(CollectionRate, Section(report, "Rent Roll").MetricIds);
        Assert.Contains("collection rate 125.0%", Section(report, "Rent Roll").Markdown);
        Assert.Contains(MaintenanceTrailing, Section(report, "Maintenance").MetricIds);
    }

    [Fact]
    public void EverySectionSaysWhenThereIsNoRentalDataForThePeriod()
    {
        var report = Report(Inputs([Rental("2026-10", 2_000m, Unit("Unit A", 2_000m, true))]), ReportRole.Rental);

        foreach (var heading in ReportSections.For(ReportRole.Rental).Skip(2))
        {
            Assert.Equal(["no rental data recorded for 3028 51st St Rental in 2026-11"], Section(report, heading).MissingInputs);
        }
    }
}
