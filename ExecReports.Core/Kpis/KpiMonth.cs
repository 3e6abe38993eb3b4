using System.Text.Json.Serialization;
using ExecReports.Core.Primitives;

namespace ExecReports.Core.Kpis;

// Everything the reports know about one entity in one month. Stored as one JSON document per
// (EntityId, Period); money is in Currency, decimals throughout.
public sealed record KpiMonth
{
    public required string EntityId { get; init; }
    public required Period Period { get; init; }
    public required string Currency { get; init; }

    public IReadOnlyList<RevenueLine> Revenue { get; init; } = [];
    public IReadOnlyList<ExpenseLine> Expenses { get; init; } = [];

    // Balances at month end.
    public decimal CashOnHand { get; init; }
    public decimal CustomerDeposits { get; init; }

    // Refundable tenant deposits: a liability held in cash, never revenue and never deferred revenue.
    public decimal SecurityDeposits { get; init; }

    // Flows in the month between the owner and the entity; not revenue or expense.
    public decimal OwnerDraws { get; init; }
    public decimal CapitalInjections { get; init; }

    public IReadOnlyList<PipelineItem> Pipeline { get; init; } = [];
    public IReadOnlyList<ChannelMetrics> Channels { get; init; } = [];
    public IReadOnlyList<EmailBlast> EmailBlasts { get; init; } = [];

    public KpiTargets? Targets { get; init; }
    public EngineeringMetrics? Engineering { get; init; }
    public RentalData? Rental { get; init; }
    public YachtDeliveryData? YachtDelivery { get; init; }
    public PortfolioData? Portfolio { get; init; }

    [JsonIgnore] public decimal RevenueBooked => SaturatingSum(Revenue.Select(r => r.Amount));
    [JsonIgnore] public decimal CashReceived => SaturatingSum(Revenue.Select(r => r.Received));
    [JsonIgnore] public decimal ExpenseTotal => SaturatingSum(Expenses.Select(e => e.Amount));

    // Cash basis: what came in minus what went out on operations; draws and injections are separate.
    [JsonIgnore] public decimal OperatingCashFlow => SaturatingSum([CashReceived, -ExpenseTotal]);

    // A month stored before KpiLimits existed may hold amounts whose sum overflows decimal; the editor must still open
    // it (showing the validator's errors) instead of throwing, so totals stop at decimal's ends.
    private static decimal SaturatingSum(IEnumerable<decimal> values)
    {
        var total = 0m;
        foreach (var value in values)
        {
            try
            {
                total = checked(total + value);
            }
            catch (OverflowException)
            {
                total = value > 0 ? decimal.MaxValue : decimal.MinValue;
            }
        }

        return total;
    }
}

public sealed record RevenueLine
{
    public required string Stream { get; init; }

    // Invoiced or booked in the month. When BookedNetOfCommission, this is the payout after Commission.
    public required decimal Amount { get; init; }

    // Cash that actually arrived in the month (may belong to earlier invoices).
    public decimal Received { get; init; }
    public string? Channel { get; init; }

    // When the service is delivered; after the period for a deposit on a future trip.
    public DateOnly? ServiceDate { get; init; }
    public bool BookedNetOfCommission { get; init; }
    public decimal? Commission { get; init; }
}

public sealed record ExpenseLine
{
    public required string Description { get; init; }
    public required string Category { get; init; }

    // Null for a line nobody has categorised yet; the accounting report lists those.
    public string? AccountCode { get; init; }
    public required decimal Amount { get; init; }
    public bool Fixed { get; init; }
    public string? Vendor { get; init; }

    // A loan or mortgage payment's split, when the lender's statement gives it: principal is financing, only interest is
    // an expense. Both or neither, adding up to Amount; without them the payment counts whole, labelled cash basis.
    public decimal? Principal { get; init; }
    public decimal? Interest { get; init; }
}

public enum PipelineStage
{
    Lead,
    Qualified,
    Proposal,
    Negotiation,
    Won,
    Lost,
}

public sealed record PipelineItem
{
    public required string Name { get; init; }
    public required PipelineStage Stage { get; init; }
    public required decimal Value { get; init; }
    public decimal Probability { get; init; }
    public DateOnly? ExpectedClose { get; init; }
}

public sealed record ChannelMetrics
{
    public required string Channel { get; init; }
    public bool Listed { get; init; }
    public bool Live { get; init; }
    public int Visits { get; init; }
    public int Inquiries { get; init; }
    public int Bookings { get; init; }
    public decimal Revenue { get; init; }
    public decimal? CommissionRate { get; init; }
}

public sealed record EmailBlast
{
    public required string Name { get; init; }
    public required DateOnly Date { get; init; }
    public string? Channel { get; init; }
    public int Audience { get; init; }
    public int Sent { get; init; }
    public int Opened { get; init; }
    public int Clicked { get; init; }
    public int Bookings { get; init; }
    public decimal Revenue { get; init; }
    public decimal Cost { get; init; }
}

public sealed record KpiTargets
{
    public decimal? MonthlyRevenueTarget { get; init; }
    public decimal? BurnCeiling { get; init; }
}

// DORA inputs for the month.
public sealed record EngineeringMetrics
{
    public int? Deployments { get; init; }
    public decimal? LeadTimeHours { get; init; }
    public decimal? ChangeFailRate { get; init; }
    public decimal? TimeToRestoreHours { get; init; }
}

public sealed record RentalData
{
    public IReadOnlyList<RentalUnit> Units { get; init; } = [];
}

public sealed record RentalUnit
{
    public required string Name { get; init; }
    public decimal Rent { get; init; }
    public DateOnly? LeaseEnd { get; init; }
    public bool Occupied { get; init; }
    public decimal MaintenanceCost { get; init; }
    public string? Notes { get; init; }
}

public sealed record YachtDeliveryData
{
    public IReadOnlyList<DeliveryJob> Jobs { get; init; } = [];
}

public enum DeliveryStatus
{
    Quoted,
    Scheduled,
    Underway,
    Completed,
    Cancelled,
}

public sealed record DeliveryJob
{
    public required string Id { get; init; }
    public required string From { get; init; }
    public required string To { get; init; }
    public decimal DistanceNm { get; init; }
    public string? Vessel { get; init; }
    public IReadOnlyList<string> Crew { get; init; } = [];
    public decimal Quote { get; init; }

    // When the delivery is due to complete and the quote to be paid; the 13-week cash forecast counts a scheduled job here.
    public DateOnly? DeliveryDate { get; init; }

    // Null until costs are known.
    public decimal? ActualCost { get; init; }
    public required DeliveryStatus Status { get; init; }
    public IReadOnlyList<string> Risks { get; init; } = [];
}

public sealed record PortfolioData
{
    public IReadOnlyList<PortfolioClient> Clients { get; init; } = [];
}

public enum BillingType
{
    Retainer,
    Hourly,
}

public sealed record PortfolioClient
{
    public required string Name { get; init; }
    public required BillingType BillingType { get; init; }
    public decimal? Retainer { get; init; }
    public decimal? HourlyRate { get; init; }
    public decimal Invoiced { get; init; }
    public decimal Paid { get; init; }
    public decimal Overdue { get; init; }
    public int OverdueDays { get; init; }
    public decimal UnbilledHours { get; init; }
    public decimal CostsNotRebilled { get; init; }

    // The client's unpaid or part-paid invoices at month end, for invoice-level ageing; null when not recorded.
    // Their open amounts should add up to invoiced − paid.
    public IReadOnlyList<OpenInvoice>? OpenInvoices { get; init; }
}

public sealed record OpenInvoice
{
    public required string Number { get; init; }
    public DateOnly? Issued { get; init; }
    public required DateOnly Due { get; init; }
    public decimal Amount { get; init; }
    public decimal Paid { get; init; }
}
