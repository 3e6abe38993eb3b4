using ExecReports.Core.Primitives;

namespace ExecReports.Core.Kpis;

// "Start from last month": a new month pre-filled with what recurs, so only this month's numbers are typed.
// Recurring: currency, targets, fixed expense lines (rent, subscriptions, payroll) at last month's amount, open pipeline
// deals, the channel list, the rental units with their rent and lease, open delivery jobs and the portfolio clients with
// their billing terms. Never carried: revenue, cash, balances, variable costs, campaign results and this month's
// activity figures, which are facts of the new month and start at zero.
public static class KpiCarryOver
{
    public static KpiMonth From(KpiMonth previous, Period period) => new()
    {
        EntityId = previous.EntityId,
        Period = period,
        Currency = previous.Currency,
        Targets = previous.Targets,
        Expenses = previous.Expenses.Where(e => e.Fixed).ToList(),
        Pipeline = previous.Pipeline.Where(p => p.Stage is not (PipelineStage.Won or PipelineStage.Lost)).ToList(),
        Channels = previous.Channels.Select(c => new ChannelMetrics { Channel = c.Channel, Listed = c.Listed, Live = c.Live, CommissionRate = c.CommissionRate }).ToList(),
        Rental = previous.Rental is { } rental
            ? new RentalData { Units = rental.Units.Select(u => u with { MaintenanceCost = 0, Notes = null }).ToList() }
            : null,
        YachtDelivery = previous.YachtDelivery is { } delivery
            ? new YachtDeliveryData { Jobs = delivery.Jobs.Where(j => j.Status is not (DeliveryStatus.Completed or DeliveryStatus.Cancelled)).ToList() }
            : null,
        Portfolio = previous.Portfolio is { } portfolio
            ? new PortfolioData
            {
                Clients = portfolio.Clients.Select(c => new PortfolioClient { Name = c.Name, BillingType = c.BillingType, Retainer = c.Retainer, HourlyRate = c.HourlyRate }).ToList(),
            }
            : null,
    };
}
