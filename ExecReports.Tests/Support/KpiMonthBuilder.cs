using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;

namespace ExecReports.Tests.Support;

// A valid month by default; each With* changes one thing so a test states only what it is about.
public sealed class KpiMonthBuilder
{
    private KpiMonth _month = new()
    {
        EntityId = "jada",
        Period = new Period(2026, 11),
        Currency = "USD",
        Revenue =
        [
            new RevenueLine { Stream = "Private charters", Amount = 5000m, Received = 5000m, Channel = "direct web", ServiceDate = new DateOnly(2026, 11, 14) },
            new RevenueLine { Stream = "Private charters", Amount = 1700m, Received = 1700m, Channel = "Sailo", BookedNetOfCommission = true, Commission = 300m },
        ],
        Expenses =
        [
            new ExpenseLine { Description = "Slip fees", Category = "Moorage", AccountCode = "6000", Amount = 1450m, Fixed = true },
            new ExpenseLine { Description = "Fuel", Category = "Fuel", AccountCode = "5010", Amount = 310.50m },
            new ExpenseLine { Description = "Amazon order", Category = "Uncategorised", Amount = 212m },
        ],
        CashOnHand = 12000m,
        Pipeline = [new PipelineItem { Name = "Holiday corporate sails", Stage = PipelineStage.Proposal, Value = 4800m, Probability = 0.5m, ExpectedClose = new DateOnly(2026, 12, 15) }],
        Channels = [new ChannelMetrics { Channel = "Sailo", Listed = true, Live = true, Visits = 400, Inquiries = 15, Bookings = 5, Revenue = 1700m, CommissionRate = 0.15m }],
        EmailBlasts = [new EmailBlast { Name = "Holiday sails", Date = new DateOnly(2026, 11, 3), Audience = 640, Sent = 628, Opened = 251, Clicked = 38, Bookings = 2, Revenue = 900m, Cost = 45m }],
        Targets = new KpiTargets { MonthlyRevenueTarget = 8000m, BurnCeiling = 3000m },
        Engineering = new EngineeringMetrics { Deployments = 5, LeadTimeHours = 30m, ChangeFailRate = 0.1m, TimeToRestoreHours = 2m },
    };

    public KpiMonthBuilder For(string entityId, string period)
    {
        _month = _month with { EntityId = entityId, Period = Period.Parse(period) };
        return this;
    }

    public KpiMonthBuilder With(Func<KpiMonth, KpiMonth> change)
    {
        _month = change(_month);
        return this;
    }

    public KpiMonthBuilder WithExpense(int index, Func<ExpenseLine, ExpenseLine> change) =>
        With(m => m with { Expenses = Replace(m.Expenses, index, change) });

    public KpiMonthBuilder WithPipeline(int index, Func<PipelineItem, PipelineItem> change) =>
        With(m => m with { Pipeline = Replace(m.Pipeline, index, change) });

    public KpiMonthBuilder WithBlast(int index, Func<EmailBlast, EmailBlast> change) =>
        With(m => m with { EmailBlasts = Replace(m.EmailBlasts, index, change) });

    public KpiMonthBuilder WithChannel(int index, Func<ChannelMetrics, ChannelMetrics> change) =>
        With(m => m with { Channels = Replace(m.Channels, index, change) });

    public KpiMonth Build() => _month;

    public static implicit operator KpiMonth(KpiMonthBuilder builder) => builder.Build();

    private static IReadOnlyList<T> Replace<T>(IReadOnlyList<T> items, int index, Func<T, T> change) =>
        items.Select((item, i) => i == index ? change(item) : item).ToList();
}
