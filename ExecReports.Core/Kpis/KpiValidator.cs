using System.Text.RegularExpressions;
using ExecReports.Core.Primitives;

namespace ExecReports.Core.Kpis;

// Pure checks on one month; every error carries the JSON field path the editor and importer show.
public static partial class KpiValidator
{
    // Anything outside this window is a typo (2062 for 2026), not a plan.
    public const int EarliestYear = 2000;
    public const int LatestYear = 2100;

    public static IReadOnlyList<KpiError> Validate(KpiMonth month, IReadOnlySet<string> knownEntities, ChartOfAccounts? chart = null)
    {
        var v = new Checks();

        if (string.IsNullOrWhiteSpace(month.EntityId))
        {
            v.Add("entityId", "is required.");
        }
        else if (!knownEntities.Contains(month.EntityId))
        {
            v.Add("entityId", $"'{month.EntityId}' is not a known entity (known: {string.Join(", ", knownEntities.Order(StringComparer.Ordinal))}).");
        }

        if (!month.Period.IsSet)
        {
            v.Add("period", "is required, as YYYY-MM.");
        }
        else if (month.Period.Year is < EarliestYear or > LatestYear)
        {
            v.Add("period", $"{month.Period} is outside {EarliestYear}–{LatestYear}.");
        }

        if (string.IsNullOrWhiteSpace(month.Currency))
        {
            v.Add("currency", "is required (a 3-letter ISO code such as USD).");
        }
        else if (!CurrencyCode().IsMatch(month.Currency))
        {
            v.Add("currency", $"'{month.Currency}' is not a 3-letter ISO code in capitals (e.g. USD).");
        }

        // Dates are checked against the month only when the month itself is believable.
        var period = month.Period.IsSet && month.Period.Year is >= EarliestYear and <= LatestYear ? month.Period : (Period?)null;

        for (var i = 0; i < month.Revenue.Count; i++)
        {
            var r = month.Revenue[i];
            var at = $"revenue[{i}]";
            v.Required($"{at}.stream", r.Stream);
            v.NonNegative($"{at}.amount", r.Amount);
            v.NonNegative($"{at}.received", r.Received);
            v.NonNegative($"{at}.commission", r.Commission);
            v.Sane($"{at}.serviceDate", r.ServiceDate);
            if (period is { } rp && r.ServiceDate is { } served
                && (served < rp.FirstDay.AddYears(-1) || served > rp.LastDay.AddYears(2)))
            {
                v.Add($"{at}.serviceDate", $"{served:yyyy-MM-dd} is more than a year before or two years after {rp}.");
            }
            if (r.BookedNetOfCommission && r.Commission is null)
            {
                v.Add($"{at}.commission", "is required when the line is booked net of commission.");
            }
        }

        for (var i = 0; i < month.Expenses.Count; i++)
        {
            var e = month.Expenses[i];
            var at = $"expenses[{i}]";
            v.Required($"{at}.description", e.Description);
            v.Required($"{at}.category", e.Category);
            v.NonNegative($"{at}.amount", e.Amount);
            if (e.AccountCode is not null && string.IsNullOrWhiteSpace(e.AccountCode))
            {
                v.Add($"{at}.accountCode", "is blank; leave it out for an uncategorised line.");
            }
            else if (e.AccountCode is not null && chart is { Accounts.Count: > 0 } && !chart.Contains(e.AccountCode))
            {
                v.Add($"{at}.accountCode", $"'{e.AccountCode}' is not in the chart of accounts.");
            }
        }

        v.NonNegative("cashOnHand", month.CashOnHand);
        v.NonNegative("customerDeposits", month.CustomerDeposits);
        v.NonNegative("securityDeposits", month.SecurityDeposits);
        v.NonNegative("ownerDraws", month.OwnerDraws);
        v.NonNegative("capitalInjections", month.CapitalInjections);

        for (var i = 0; i < month.Pipeline.Count; i++)
        {
            var p = month.Pipeline[i];
            var at = $"pipeline[{i}]";
            v.Required($"{at}.name", p.Name);
            v.Defined($"{at}.stage", p.Stage);
            v.NonNegative($"{at}.value", p.Value);
            v.Fraction($"{at}.probability", p.Probability);
            v.Sane($"{at}.expectedClose", p.ExpectedClose);
        }

        for (var i = 0; i < month.Channels.Count; i++)
        {
            var c = month.Channels[i];
            var at = $"channels[{i}]";
            v.Required($"{at}.channel", c.Channel);
            v.Count($"{at}.visits", c.Visits);
            v.Count($"{at}.inquiries", c.Inquiries);
            v.Count($"{at}.bookings", c.Bookings);
            v.NonNegative($"{at}.revenue", c.Revenue);
            v.Fraction($"{at}.commissionRate", c.CommissionRate);
            if (c.Live && !c.Listed)
            {
                v.Add($"{at}.live", "is true but listed is false; a channel cannot be live without a listing.");
            }
        }

        for (var i = 0; i < month.EmailBlasts.Count; i++)
        {
            var b = month.EmailBlasts[i];
            var at = $"emailBlasts[{i}]";
            v.Required($"{at}.name", b.Name);
            if (period is { } p && !p.Contains(b.Date))
            {
                v.Add($"{at}.date", $"{b.Date:yyyy-MM-dd} is not in {p}.");
            }

            v.Count($"{at}.audience", b.Audience);
            v.Count($"{at}.sent", b.Sent);
            v.Count($"{at}.opened", b.Opened);
            v.Count($"{at}.clicked", b.Clicked);
            v.Count($"{at}.bookings", b.Bookings);
            v.NonNegative($"{at}.revenue", b.Revenue);
            v.NonNegative($"{at}.cost", b.Cost);
            if (b.Opened > b.Sent)
            {
                v.Add($"{at}.opened", $"{b.Opened} is more than the {b.Sent} sent.");
            }

            if (b.Clicked > b.Sent)
            {
                v.Add($"{at}.clicked", $"{b.Clicked} is more than the {b.Sent} sent.");
            }
        }

        if (month.Targets is { } targets)
        {
            v.NonNegative("targets.monthlyRevenueTarget", targets.MonthlyRevenueTarget);
            v.NonNegative("targets.burnCeiling", targets.BurnCeiling);
        }

        if (month.Engineering is { } eng)
        {
            v.Count("engineering.deployments", eng.Deployments);
            v.NonNegative("engineering.leadTimeHours", eng.LeadTimeHours);
            v.Fraction("engineering.changeFailRate", eng.ChangeFailRate);
            v.NonNegative("engineering.timeToRestoreHours", eng.TimeToRestoreHours);
        }

        if (month.Rental is { } rental)
        {
            for (var i = 0; i < rental.Units.Count; i++)
            {
                var u = rental.Units[i];
                var at = $"rental.units[{i}]";
                v.Required($"{at}.name", u.Name);
                v.NonNegative($"{at}.rent", u.Rent);
                v.NonNegative($"{at}.maintenanceCost", u.MaintenanceCost);
                v.Sane($"{at}.leaseEnd", u.LeaseEnd);
            }
        }

        if (month.YachtDelivery is { } delivery)
        {
            for (var i = 0; i < delivery.Jobs.Count; i++)
            {
                var j = delivery.Jobs[i];
                var at = $"yachtDelivery.jobs[{i}]";
                v.Required($"{at}.id", j.Id);
                v.Required($"{at}.from", j.From);
                v.Required($"{at}.to", j.To);
                v.NonNegative($"{at}.distanceNm", j.DistanceNm);
                v.NonNegative($"{at}.quote", j.Quote);
                v.NonNegative($"{at}.actualCost", j.ActualCost);
                v.Defined($"{at}.status", j.Status);
            }

            foreach (var duplicate in delivery.Jobs.Where(j => !string.IsNullOrWhiteSpace(j.Id)).GroupBy(j => j.Id).Where(g => g.Count() > 1))
            {
                v.Add("yachtDelivery.jobs", $"job id '{duplicate.Key}' appears {duplicate.Count()} times.");
            }
        }

        if (month.Portfolio is { } portfolio)
        {
            for (var i = 0; i < portfolio.Clients.Count; i++)
            {
                var c = portfolio.Clients[i];
                var at = $"portfolio.clients[{i}]";
                v.Required($"{at}.name", c.Name);
                v.Defined($"{at}.billingType", c.BillingType);
                v.NonNegative($"{at}.retainer", c.Retainer);
                v.NonNegative($"{at}.hourlyRate", c.HourlyRate);
                v.NonNegative($"{at}.invoiced", c.Invoiced);
                v.NonNegative($"{at}.paid", c.Paid);
                v.NonNegative($"{at}.overdue", c.Overdue);
                v.Count($"{at}.overdueDays", c.OverdueDays);
                v.NonNegative($"{at}.unbilledHours", c.UnbilledHours);
                v.NonNegative($"{at}.costsNotRebilled", c.CostsNotRebilled);
                if (c.BillingType == BillingType.Retainer && c.Retainer is null)
                {
                    v.Add($"{at}.retainer", "is required for a retainer client.");
                }

                if (c.BillingType == BillingType.Hourly && c.HourlyRate is null)
                {
                    v.Add($"{at}.hourlyRate", "is required for an hourly client.");
                }
            }
        }

        return v.Errors;
    }

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();

    private sealed class Checks
    {
        public List<KpiError> Errors { get; } = [];

        public void Add(string path, string message) => Errors.Add(new KpiError(path, message));

        public void Required(string path, string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Add(path, "is required.");
            }
        }

        public void NonNegative(string path, decimal? value)
        {
            if (value < 0)
            {
                Add(path, $"must not be negative (got {value}).");
            }
        }

        public void Count(string path, int? value)
        {
            if (value < 0)
            {
                Add(path, $"must be a count of zero or more (got {value}).");
            }
        }

        public void Fraction(string path, decimal? value)
        {
            if (value is < 0 or > 1)
            {
                Add(path, $"must be between 0 and 1 (got {value}; write 15% as 0.15).");
            }
        }

        public void Sane(string path, DateOnly? date)
        {
            if (date is { } d && (d.Year < EarliestYear || d.Year > LatestYear))
            {
                Add(path, $"{d:yyyy-MM-dd} is outside {EarliestYear}–{LatestYear}.");
            }
        }

        public void Defined<T>(string path, T value) where T : struct, Enum
        {
            if (!Enum.IsDefined(value))
            {
                Add(path, $"'{value}' is not one of {string.Join("/", Enum.GetNames<T>())}.");
            }
        }
    }
}
