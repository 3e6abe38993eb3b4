using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Tests.Support;

namespace ExecReports.Tests.Core.Kpis;

public class KpiCarryOverTests
{
    private static readonly Period December = new(2026, 12);

    [Fact]
    public void CopiesTheFixedExpenseLinesAtLastMonthsAmountAndNoVariableCost()
    {
        // The builder's November: slip fees 1450 (fixed), fuel 310.50 and an Amazon order 212 (variable).
        var month = KpiCarryOver.From(new KpiMonthBuilder(), December);

        var line = Assert.Single(month.Expenses);
        Assert.Equal(("Slip fees", "6000", 1450m, true), (line.Description, line.AccountCode, line.Amount, line.Fixed));
        Assert.Equal(1450m, month.ExpenseTotal);
    }

    [Fact]
    public void StartsRevenueCashAndBalancesAtZeroForTheNewMonth()
    {
        KpiMonth november = new KpiMonthBuilder().With(m => m with { CustomerDeposits = 800m, OwnerDraws = 500m, CapitalInjections = 200m, SecurityDeposits = 100m });

        var month = KpiCarryOver.From(november, December);

        Assert.Equal(("jada", December, "USD"), (month.EntityId, month.Period, month.Currency));
        Assert.Empty(month.Revenue);
        Assert.Empty(month.EmailBlasts);
        Assert.Null(month.Engineering);
        Assert.Equal((0m, 0m, 0m, 0m, 0m), (month.CashOnHand, month.CustomerDeposits, month.OwnerDraws, month.CapitalInjections, month.SecurityDeposits));
        Assert.Equal(november.Targets, month.Targets);
    }

    [Fact]
    public void KeepsOpenDealsAndTheChannelListButNotTheirMonthlyNumbers()
    {
        KpiMonth november = new KpiMonthBuilder().With(m => m with
        {
            Pipeline =
            [
                new PipelineItem { Name = "Open", Stage = PipelineStage.Negotiation, Value = 4800m, Probability = 0.5m },
                new PipelineItem { Name = "Won", Stage = PipelineStage.Won, Value = 1000m, Probability = 1m },
                new PipelineItem { Name = "Lost", Stage = PipelineStage.Lost, Value = 900m },
            ],
        });

        var month = KpiCarryOver.From(november, December);

        Assert.Equal(["Open"], month.Pipeline.Select(p => p.Name));
        var channel = Assert.Single(month.Channels);
        Assert.Equal(("Sailo", true, true, 0.15m), (channel.Channel, channel.Listed, channel.Live, channel.CommissionRate));
        Assert.Equal((0, 0, 0, 0m), (channel.Visits, channel.Inquiries, channel.Bookings, channel.Revenue));
    }

    [Fact]
    public void CarriesRentalUnitsOpenDeliveryJobsAndPortfolioTermsWithoutTheMonthsActivity()
    {
        KpiMonth november = new KpiMonthBuilder().With(m => m with
        {
            Rental = new RentalData { Units = [new RentalUnit { Name = "Unit A", Rent = 2400m, Occupied = true, LeaseEnd = new DateOnly(2027, 6, 30), MaintenanceCost = 180m, Notes = "leak" }] },
            YachtDelivery = new YachtDeliveryData
            {
                Jobs =
                [
                    new DeliveryJob { Id = "J1", From = "San Diego", To = "Cabo", Quote = 9000m, Status = DeliveryStatus.Scheduled },
                    new DeliveryJob { Id = "J2", From = "Ensenada", To = "San Diego", Quote = 3000m, ActualCost = 2500m, Status = DeliveryStatus.Completed },
                ],
            },
            Portfolio = new PortfolioData { Clients = [new PortfolioClient { Name = "Acme", BillingType = BillingType.Retainer, Retainer = 3000m, Invoiced = 3000m, Paid = 1000m, Overdue = 2000m, OverdueDays = 40, UnbilledHours = 3m }] },
        });

        var month = KpiCarryOver.From(november, December);

        var unit = Assert.Single(month.Rental!.Units);
        Assert.Equal(("Unit A", 2400m, true, new DateOnly(2027, 6, 30), 0m, (string?)null), (unit.Name, unit.Rent, unit.Occupied, unit.LeaseEnd, unit.MaintenanceCost, unit.Notes));
        Assert.Equal(["J1"], month.YachtDelivery!.Jobs.Select(j => j.Id));
        var client = Assert.Single(month.Portfolio!.Clients);
        Assert.Equal(("Acme", BillingType.Retainer, 3000m), (client.Name, client.BillingType, client.Retainer));
        Assert.Equal((0m, 0m, 0m, 0, 0m), (client.Invoiced, client.Paid, client.Overdue, client.OverdueDays, client.UnbilledHours));
    }
}
