using System.Globalization;
using System.Text.RegularExpressions;
using ExecReports.Core.Ingestion;
using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reports;

namespace ExecReports.Core.Reconciliation;

// Holds every figure a handoff states (StatedFigures) against the KPI inputs of the same entity and month. The month is
// the one the sentence names ("in October", in the note's year, or the year before when it lies after the note's date),
// otherwise the month the note was updated. A plan or a decision states nothing about the books, so those sections
// are not read; a figure with no KPI month or field to compare with is not a conflict, it is simply not checked.
public static partial class Reconciler
{
    private sealed record Rule(string Figure, FigureKind Kind, string Field, IReadOnlyList<ReportRole> Roles);

    private static readonly IReadOnlyDictionary<ClaimRule, Rule> Rules = new Dictionary<ClaimRule, Rule>
    {
        [ClaimRule.TechCost] = new("AWS cost", FigureKind.Money, "expenses (AWS lines)", [ReportRole.Cto, ReportRole.Cfo, ReportRole.Accounting]),
        [ClaimRule.AdSpend] = new("ad spend", FigureKind.Money, "expenses (Marketing ad lines)", [ReportRole.Cmo, ReportRole.Cfo, ReportRole.Accounting]),
        [ClaimRule.SecurityDeposits] = new("security deposits held", FigureKind.Money, "securityDeposits", [ReportRole.Cfo, ReportRole.Accounting]),
        [ClaimRule.Invoiced] = new("revenue invoiced", FigureKind.Money, "revenue (amount)", [ReportRole.Cfo, ReportRole.Accounting]),
        [ClaimRule.GrossBookings] = new("gross bookings", FigureKind.Money, "revenue (amount + commission on net payouts)", [ReportRole.Cfo, ReportRole.Accounting, ReportRole.Cmo]),
        [ClaimRule.Collected] = new("cash collected", FigureKind.Money, "revenue (received)", [ReportRole.Cfo, ReportRole.Accounting]),
        [ClaimRule.DeliveriesCompleted] = new("deliveries completed", FigureKind.Count, "yachtDelivery.jobs (status completed)", [ReportRole.Cfo]),
        [ClaimRule.Bookings] = new("bookings", FigureKind.Count, "channels (bookings)", [ReportRole.Cmo]),
        [ClaimRule.Enquiries] = new("enquiries", FigureKind.Count, "channels (inquiries)", [ReportRole.Cmo]),
        [ClaimRule.Deployments] = new("deployments", FigureKind.Count, "engineering.deployments", [ReportRole.Cto]),
        [ClaimRule.RetainerRates] = new("retainer rates", FigureKind.Rate, "portfolio.clients (retainer)", [ReportRole.Cfo, ReportRole.Accounting]),
        [ClaimRule.HourlyRates] = new("hourly rates", FigureKind.Rate, "portfolio.clients (hourlyRate)", [ReportRole.Cfo, ReportRole.Accounting]),
        [ClaimRule.Occupancy] = new("occupancy", FigureKind.State, "rental.units", [ReportRole.Cfo]),
    };

    private sealed record Reading(IReadOnlyList<decimal> Values, bool? State, string Field, string? Client = null);

    public static IReadOnlyList<DataConflict> Find(ReportInputs inputs, ReconciliationOptions options)
    {
        var months = inputs.Kpis
            .GroupBy(k => (Entity: k.EntityId.ToLowerInvariant(), k.Period))
            .ToDictionary(g => g.Key, g => g.First());
        var conflicts = new List<DataConflict>();
        foreach (var fact in HandoffFacts.All(inputs.Handoffs).Where(HandoffFacts.DescribesCurrentState))
        {
            if (fact.Document.EntityId is not { } entityId || fact.Document.Updated is not { } updated)
            {
                continue;
            }

            foreach (var figure in StatedFigures.Read(fact.Fact.Text))
            {
                var month = MonthOf(figure, updated);
                if (month > inputs.Period || !months.TryGetValue((entityId.ToLowerInvariant(), month), out var kpi))
                {
                    continue;
                }

                var rule = Rules[figure.Rule];
                var hasRevenueLines = inputs.Kpis.Any(k => string.Equals(k.EntityId, entityId, StringComparison.OrdinalIgnoreCase) && k.Revenue.Count > 0);
                if ((ClientTerms(figure, kpi, fact.Fact.Text) ?? Read(figure, kpi, hasRevenueLines)) is not { } reading || Compare(figure, rule.Kind, reading, options) is not { } difference)
                {
                    continue;
                }

                var role = ReportRole.ForEntity(entityId);
                conflicts.Add(new DataConflict
                {
                    EntityId = kpi.EntityId,
                    EntityName = inputs.Catalog.ById(kpi.EntityId)?.Name ?? kpi.EntityId,
                    Month = month,
                    Figure = reading.Client is { } client ? $"{ContractTerm(figure.Rule)} of {client}"
                        : figure.Subject is null ? rule.Figure : $"{rule.Figure} of unit {figure.Subject}",
                    Kind = rule.Kind,
                    Stated = Display(rule.Kind, figure.Values, figure.State),
                    Recorded = Display(rule.Kind, reading.Values, reading.State),
                    KpiField = reading.Field,
                    Sources = [fact.Source],
                    NoteText = fact.Fact.Text,
                    MoneyImpact = rule.Kind == FigureKind.Money ? difference : 0m,
                    Roles = [ReportRole.Ceo, .. rule.Roles, .. role is null ? Array.Empty<ReportRole>() : [role]],
                });
            }
        }

        // Two notes stating the same figure for the same month are one conflict with two sources.
        return conflicts
            .GroupBy(c => (c.EntityId, c.Month, c.Figure, c.Stated, c.Recorded))
            .Select(g => g.First() with { Sources = g.SelectMany(c => c.Sources).Distinct(StringComparer.Ordinal).ToList() })
            .OrderByDescending(c => c.Kind == FigureKind.Money)
            .ThenByDescending(c => c.MoneyImpact)
            .ThenBy(c => c.EntityId, StringComparer.Ordinal)
            .ThenBy(c => c.Month)
            .ThenBy(c => c.Figure, StringComparer.Ordinal)
            .ToList();
    }

    public static IEnumerable<DataConflict> For(IEnumerable<DataConflict> conflicts, ReportRole role) =>
        conflicts.Where(c => c.Roles.Contains(role));

    private static Period MonthOf(StatedFigure figure, DateOnly updated) =>
        figure.MonthNamed is not { } named ? Period.Of(updated)
        : named > updated.Month ? new Period(updated.Year - 1, named)
        : new Period(updated.Year, named);

    private static Reading? Read(StatedFigure figure, KpiMonth kpi, bool hasRevenueLines)
    {
        static Reading Sum(IEnumerable<decimal> values, string field) => new([values.Sum()], null, field);
        var rule = Rules[figure.Rule];
        return figure.Rule switch
        {
            ClaimRule.TechCost => Sum(kpi.Expenses.Where(e => (e.Vendor ?? "").Contains("Amazon Web Services", StringComparison.OrdinalIgnoreCase) || Aws().IsMatch(e.Description)).Select(e => e.Amount), rule.Field),
            ClaimRule.AdSpend => Sum(kpi.Expenses.Where(e => string.Equals(e.Category, "Marketing", StringComparison.OrdinalIgnoreCase) && Ads().IsMatch($"{e.Description} {e.Vendor}")).Select(e => e.Amount), rule.Field),
            ClaimRule.SecurityDeposits => new([kpi.SecurityDeposits], null, rule.Field),
            // An entity whose inputs carry no revenue lines at all (the billing view of a consultancy) books its money elsewhere.
            ClaimRule.Invoiced when hasRevenueLines => Sum(kpi.Revenue.Select(r => r.Amount), rule.Field),
            ClaimRule.GrossBookings when hasRevenueLines => Sum(kpi.Revenue.Select(r => r.Amount + (r.BookedNetOfCommission ? r.Commission ?? 0m : 0m)), rule.Field),
            ClaimRule.Collected when hasRevenueLines => Sum(kpi.Revenue.Select(r => r.Received), rule.Field),
            ClaimRule.DeliveriesCompleted when kpi.YachtDelivery is { } yacht => new([yacht.Jobs.Count(j => j.Status == DeliveryStatus.Completed)], null, rule.Field),
            ClaimRule.Bookings when kpi.Channels.Count > 0 => Sum(kpi.Channels.Select(c => (decimal)c.Bookings), rule.Field),
            ClaimRule.Enquiries when kpi.Channels.Count > 0 => Sum(kpi.Channels.Select(c => (decimal)c.Inquiries), rule.Field),
            ClaimRule.Deployments when kpi.Engineering?.Deployments is { } deployments => new([deployments], null, rule.Field),
            ClaimRule.RetainerRates when kpi.Portfolio is { } portfolio => new(portfolio.Clients.Where(c => c.BillingType == BillingType.Retainer && c.Retainer is not null).Select(c => c.Retainer!.Value).Order().ToList(), null, rule.Field),
            ClaimRule.HourlyRates when kpi.Portfolio is { } portfolio => new(portfolio.Clients.Where(c => c.BillingType == BillingType.Hourly && c.HourlyRate is not null).Select(c => c.HourlyRate!.Value).Distinct().Order().ToList(), null, rule.Field),
            ClaimRule.Occupancy when kpi.Rental?.Units.FirstOrDefault(u => UnitMatches(u.Name, figure.Subject)) is { } unit =>
                new([], unit.Occupied, $"rental.units[{unit.Name}].occupied"),
            _ => null,
        };
    }

    // A note that names one client and states one rate is about that client's contract terms, held against its own field.
    private static Reading? ClientTerms(StatedFigure figure, KpiMonth kpi, string text)
    {
        if (figure.Rule is not (ClaimRule.RetainerRates or ClaimRule.HourlyRates) || figure.Values.Count != 1 || kpi.Portfolio is not { } portfolio)
        {
            return null;
        }

        var named = portfolio.Clients.Where(c => text.Contains(c.Name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (named.Count != 1)
        {
            return null;
        }

        var client = named[0];
        return figure.Rule == ClaimRule.RetainerRates
            ? client.Retainer is { } retainer ? new([retainer], null, $"portfolio.clients[{client.Name}].retainer", client.Name) : null
            : client.HourlyRate is { } rate ? new([rate], null, $"portfolio.clients[{client.Name}].hourlyRate", client.Name) : null;
    }

    private static string ContractTerm(ClaimRule rule) => rule == ClaimRule.RetainerRates ? "retainer" : "hourly rate";

    private static bool UnitMatches(string name, string? subject) =>
        subject is not null && (string.Equals(name, subject, StringComparison.OrdinalIgnoreCase) || string.Equals(name, $"Unit {subject}", StringComparison.OrdinalIgnoreCase));

    // The size of a material difference (money: its amount; others: 1), or null when within materiality.
    private static decimal? Compare(StatedFigure figure, FigureKind kind, Reading reading, ReconciliationOptions options)
    {
        switch (kind)
        {
            case FigureKind.State:
                return figure.State is { } stated && reading.State is { } recorded && stated != recorded ? 1m : null;
            case FigureKind.Rate:
                bool Near(decimal a, decimal b) => Math.Abs(a - b) <= options.RatePercent * Math.Max(Math.Abs(a), Math.Abs(b));
                var unmatched = figure.Values.Any(s => !reading.Values.Any(r => Near(s, r))) || reading.Values.Any(r => !figure.Values.Any(s => Near(s, r)));
                return unmatched && reading.Values.Count > 0 ? 1m : null;
            default:
                var (statedValue, recordedValue) = (figure.Values[0], reading.Values[0]);
                var difference = Math.Abs(statedValue - recordedValue);
                var (amount, percent) = kind == FigureKind.Money ? (options.MoneyAmount, options.MoneyPercent) : (options.CountMinimum, options.CountPercent);
                var material = difference >= amount && difference > 0 && (recordedValue == 0 || difference >= percent * Math.Abs(recordedValue));
                return material ? difference : null;
        }
    }

    private static string Display(FigureKind kind, IReadOnlyList<decimal> values, bool? state) => kind switch
    {
        FigureKind.State => state switch { true => "occupied", false => "vacant", _ => "unknown" },
        FigureKind.Count => values.Count == 0 ? "none" : values[0].ToString("#,0", CultureInfo.InvariantCulture),
        _ => values.Count == 0 ? "none" : string.Join(", ", values.Select(v => "$" + v.ToString("#,0.##", CultureInfo.InvariantCulture))),
    };

    [GeneratedRegex(@"\bAWS\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Aws();

    [GeneratedRegex(@"\bads?\b|\bad\s?spend\b|adwords", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Ads();
}
