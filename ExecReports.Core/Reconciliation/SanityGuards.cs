using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reports;
using ExecReports.Core.Reports.Metrics;

namespace ExecReports.Core.Reconciliation;

public enum SanityGuard
{
    ConversionAbove100,
    RoiOnTinyCost,
    UnchangedField,
    NegativeMargin,
}

// A figure that cannot be true as recorded, or must not be read as it looks, with the KPI field or metric it comes from.
public sealed record SanityFinding(SanityGuard Guard, string EntityId, string EntityName, Period Month, string Message, string Source, IReadOnlyList<ReportRole> Roles)
{
    public string Summary => $"{EntityName}, {Month}: {Message} ({Source}).";
}

// Checks on the period's book and KPI history that no calculation catches by itself.
public static class SanityGuards
{
    public const decimal RoiLimit = 10m;
    public const decimal SmallCost = 100m;
    public const int UnchangedMonths = 6;

    public static IReadOnlyList<SanityFinding> Find(ReportInputs inputs, MetricBook book)
    {
        var findings = new List<SanityFinding>();
        string Name(string id) => inputs.Catalog.ById(id)?.Name ?? id;
        IReadOnlyList<ReportRole> Roles(string entityId, params ReportRole[] roles) =>
            [ReportRole.Ceo, .. roles, .. ReportRole.ForEntity(entityId) is { } own ? [own] : Array.Empty<ReportRole>()];

        foreach (var month in inputs.Kpis.Where(k => k.Period == inputs.Period).OrderBy(k => k.EntityId, StringComparer.Ordinal))
        {
            foreach (var channel in month.Channels.Where(c => c.Inquiries > 0 && c.Bookings > c.Inquiries))
            {
                findings.Add(new(SanityGuard.ConversionAbove100, month.EntityId, Name(month.EntityId), month.Period,
                    $"{channel.Channel} records more bookings than inquiries, an inquiry → booking rate over one hundred percent: the two counts measure different things, so treat the rate as unknown",
                    $"KPI channels[{channel.Channel}].bookings and .inquiries, {month.Period}", Roles(month.EntityId, ReportRole.Cmo, ReportRole.Cto)));
            }

            foreach (var blast in month.EmailBlasts.Where(b => b.Cost is > 0 and < SmallCost && (b.Revenue - b.Cost) / b.Cost > RoiLimit))
            {
                findings.Add(new(SanityGuard.RoiOnTinyCost, month.EntityId, Name(month.EntityId), month.Period,
                    $"email blast \"{blast.Name}\" shows an ROI over a thousand percent on a cost under a hundred dollars: the cost is not fully loaded (time, list, tools), which says nothing about how good email is",
                    $"KPI emailBlasts[{blast.Name}].cost, {month.Period}", Roles(month.EntityId, ReportRole.Cmo)));
            }
        }

        foreach (var history in inputs.Kpis.Where(k => k.Period <= inputs.Period).GroupBy(k => k.EntityId, StringComparer.OrdinalIgnoreCase))
        {
            var months = history.OrderBy(k => k.Period).ToList();
            if (months.Count == 0 || months[^1].Period != inputs.Period)
            {
                continue;
            }

            var entityId = months[^1].EntityId;
            foreach (var client in months[^1].Portfolio?.Clients.Where(c => c.Overdue > 0 && c.OverdueDays > 0) ?? [])
            {
                var run = RunLength<int>(months, m => m.Portfolio?.Clients.FirstOrDefault(c => c.Name == client.Name) is { Overdue: > 0 } c ? c.OverdueDays : null);
                if (run >= UnchangedMonths)
                {
                    findings.Add(new(SanityGuard.UnchangedField, entityId, Name(entityId), inputs.Period,
                        $"{client.Name} shows the same days overdue every month from {months[^run].Period} to {inputs.Period}: an unpaid balance ages every month, so the field is not being updated",
                        $"KPI portfolio.clients[{client.Name}].overdueDays, {months[^run].Period}..{inputs.Period}", Roles(entityId, ReportRole.Cfo, ReportRole.Accounting)));
                }
            }

            var cashRun = RunLength<decimal>(months, m => m.Revenue.Count > 0 || m.Expenses.Count > 0 ? m.CashOnHand : (decimal?)null);
            if (cashRun >= UnchangedMonths)
            {
                findings.Add(new(SanityGuard.UnchangedField, entityId, Name(entityId), inputs.Period,
                    $"cash on hand is the same every month from {months[^cashRun].Period} to {inputs.Period} although money moved: the balance is not being updated",
                    $"KPI cashOnHand, {months[^cashRun].Period}..{inputs.Period}", Roles(entityId, ReportRole.Cfo, ReportRole.Accounting)));
            }
        }

        // A margin below zero is a loss, whatever colour a variance against last month gives it.
        // Net operating income is the property's operating margin; below zero the building loses money before its mortgage.
        foreach (var metric in book.All.Where(m => m.Period == inputs.Period.ToString() && (m.Id.Contains("margin", StringComparison.Ordinal) || m.Id == RentalCalculator.Noi)
                         && m.Value < 0 && m.Unit is MetricUnit.Usd or MetricUnit.Percent)
                     .OrderBy(m => m.Id, StringComparer.Ordinal))
        {
            var entityId = metric.EntityId;
            if (entityId is null)
            {
                continue;
            }

            findings.Add(new(SanityGuard.NegativeMargin, entityId, Name(entityId), inputs.Period,
                $"{metric.Label} is below zero: a negative margin is a loss and is never a favourable result",
                // The label names the figure; its id stays in the archived JSON and the preview's Figures tab.
                $"computed from the {inputs.Period} inputs", Roles(entityId, ReportRole.Cfo)));
        }

        return findings;
    }

    // How many months up to the newest one hold the same non-null value, consecutively.
    private static int RunLength<T>(IReadOnlyList<KpiMonth> months, Func<KpiMonth, T?> value) where T : struct
    {
        var last = value(months[^1]);
        if (last is null)
        {
            return 0;
        }

        var run = 1;
        for (var i = months.Count - 2; i >= 0 && months[i].Period == months[i + 1].Period.Previous() && Equals(value(months[i]), last); i--)
        {
            run++;
        }

        return run;
    }
}
