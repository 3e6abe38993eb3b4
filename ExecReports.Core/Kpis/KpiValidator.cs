using System.Text.RegularExpressions;
using ExecReports.Core.Primitives;

namespace ExecReports.Core.Kpis;

// Pure checks on one month; every error carries the JSON field path the editor and importer show.
public static partial class KpiValidator
{
    // Anything outside this window is a typo (2062 for 2026), not a plan.
    public const int EarliestYear = 2000;
    public const int LatestYear = 2100;

    public static IReadOnlyList<KpiError> Validate(KpiMonth month, IReadOnlySet<string> knownEntities, ChartOfAccounts? chart = null) =>
        Run(month, knownEntities, chart, boundsOnly: false);

    // Only the KpiLimits bounds (list sizes, text lengths and characters, amount, count and date ranges): what a month
    // already stored must pass before a report computes with it. Entity, chart and cross-field rules are left out.
    public static IReadOnlyList<KpiError> OutOfBounds(KpiMonth month) =>
        Run(month, new HashSet<string>(), null, boundsOnly: true);

    private static IReadOnlyList<KpiError> Run(KpiMonth month, IReadOnlySet<string> knownEntities, ChartOfAccounts? chart, bool boundsOnly)
    {
        var v = new Checks(boundsOnly);

        if (string.IsNullOrWhiteSpace(month.EntityId))
        {
            v.Other("entityId", "is required.");
        }
        else if (!knownEntities.Contains(month.EntityId))
        {
            v.Other("entityId", $"'{month.EntityId}' is not a known entity (known: {string.Join(", ", knownEntities.Order(StringComparer.Ordinal))}).");
        }

        if (!month.Period.IsSet)
        {
            v.Other("period", "is required, as YYYY-MM.");
        }
        else if (month.Period.Year is < EarliestYear or > LatestYear)
        {
            v.Other("period", $"{month.Period} is outside {EarliestYear}–{LatestYear}.");
        }

        if (string.IsNullOrWhiteSpace(month.Currency))
        {
            v.Other("currency", "is required (a 3-letter ISO code such as USD).");
        }
        else if (!CurrencyCode().IsMatch(month.Currency))
        {
            v.Other("currency", $"'{month.Currency}' is not a 3-letter ISO code in capitals (e.g. USD).");
        }

        // Dates are checked against the month only when the month itself is believable.
        var period = month.Period.IsSet && month.Period.Year is >= EarliestYear and <= LatestYear ? month.Period : (Period?)null;

        v.Lines("revenue", month.Revenue.Count);
        for (var i = 0; i < Math.Min(month.Revenue.Count, KpiLimits.MaxLines); i++)
        {
            var r = month.Revenue[i];
            var at = $"revenue[{i}]";
            v.Required($"{at}.stream", r.Stream);
            v.NonNegative($"{at}.amount", r.Amount);
            v.NonNegative($"{at}.received", r.Received);
            v.NonNegative($"{at}.commission", r.Commission);
            v.Text($"{at}.channel", r.Channel);
            v.Sane($"{at}.serviceDate", r.ServiceDate);
            if (period is { } rp && r.ServiceDate is { } served
                && (served < rp.FirstDay.AddYears(-1) || served > rp.LastDay.AddYears(2)))
            {
                v.Other($"{at}.serviceDate", $"{served:yyyy-MM-dd} is more than a year before or two years after {rp}.");
            }
            if (r.BookedNetOfCommission && r.Commission is null)
            {
                v.Other($"{at}.commission", "is required when the line is booked net of commission.");
            }
        }

        v.Lines("expenses", month.Expenses.Count);
        for (var i = 0; i < Math.Min(month.Expenses.Count, KpiLimits.MaxLines); i++)
        {
            var e = month.Expenses[i];
            var at = $"expenses[{i}]";
            v.Required($"{at}.description", e.Description);
            v.Required($"{at}.category", e.Category);
            v.NonNegative($"{at}.amount", e.Amount);
            v.Text($"{at}.accountCode", e.AccountCode);
            v.Text($"{at}.vendor", e.Vendor);
            v.NonNegative($"{at}.principal", e.Principal);
            v.NonNegative($"{at}.interest", e.Interest);
            if ((e.Principal is null) != (e.Interest is null))
            {
                v.Other(e.Principal is null ? $"{at}.principal" : $"{at}.interest", "is required when the other half of the principal/interest split is given.");
            }
            else if (e.Principal is { } principal && e.Interest is { } interest && principal + interest != e.Amount)
            {
                v.Other($"{at}.principal", $"principal {principal.ToString(System.Globalization.CultureInfo.InvariantCulture)} + interest {interest.ToString(System.Globalization.CultureInfo.InvariantCulture)} must equal amount {e.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
            }
            if (e.AccountCode is not null && string.IsNullOrWhiteSpace(e.AccountCode))
            {
                v.Other($"{at}.accountCode", "is blank; leave it out for an uncategorised line.");
            }
            else if (e.AccountCode is not null && chart is { Accounts.Count: > 0 } && !chart.Contains(e.AccountCode))
            {
                v.Other($"{at}.accountCode", $"'{e.AccountCode}' is not in the chart of accounts.");
            }
        }

        v.NonNegative("cashOnHand", month.CashOnHand);
        v.NonNegative("customerDeposits", month.CustomerDeposits);
        v.NonNegative("securityDeposits", month.SecurityDeposits);
        v.NonNegative("ownerDraws", month.OwnerDraws);
        v.NonNegative("capitalInjections", month.CapitalInjections);

        v.Lines("pipeline", month.Pipeline.Count);
        for (var i = 0; i < Math.Min(month.Pipeline.Count, KpiLimits.MaxLines); i++)
        {
            var p = month.Pipeline[i];
            var at = $"pipeline[{i}]";
            v.Required($"{at}.name", p.Name);
            v.Defined($"{at}.stage", p.Stage);
            v.NonNegative($"{at}.value", p.Value);
            v.Fraction($"{at}.probability", p.Probability);
            v.Sane($"{at}.expectedClose", p.ExpectedClose);
        }

        v.Lines("channels", month.Channels.Count);
        for (var i = 0; i < Math.Min(month.Channels.Count, KpiLimits.MaxLines); i++)
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
                v.Other($"{at}.live", "is true but listed is false; a channel cannot be live without a listing.");
            }
        }

        v.Lines("emailBlasts", month.EmailBlasts.Count);
        for (var i = 0; i < Math.Min(month.EmailBlasts.Count, KpiLimits.MaxLines); i++)
        {
            var b = month.EmailBlasts[i];
            var at = $"emailBlasts[{i}]";
            v.Required($"{at}.name", b.Name);
            if (period is { } p && !p.Contains(b.Date))
            {
                v.Other($"{at}.date", $"{b.Date:yyyy-MM-dd} is not in {p}.");
            }

            v.Text($"{at}.channel", b.Channel);
            v.Count($"{at}.audience", b.Audience);
            v.Count($"{at}.sent", b.Sent);
            v.Count($"{at}.opened", b.Opened);
            v.Count($"{at}.clicked", b.Clicked);
            v.Count($"{at}.bookings", b.Bookings);
            v.NonNegative($"{at}.revenue", b.Revenue);
            v.NonNegative($"{at}.cost", b.Cost);
            if (b.Opened > b.Sent)
            {
                v.Other($"{at}.opened", $"{b.Opened} is more than the {b.Sent} sent.");
            }

            if (b.Clicked > b.Sent)
            {
                v.Other($"{at}.clicked", $"{b.Clicked} is more than the {b.Sent} sent.");
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
            v.Lines("rental.units", rental.Units.Count);
        for (var i = 0; i < Math.Min(rental.Units.Count, KpiLimits.MaxLines); i++)
            {
                var u = rental.Units[i];
                var at = $"rental.units[{i}]";
                v.Required($"{at}.name", u.Name);
                v.NonNegative($"{at}.rent", u.Rent);
                v.NonNegative($"{at}.maintenanceCost", u.MaintenanceCost);
                v.Sane($"{at}.leaseEnd", u.LeaseEnd);
                v.Text($"{at}.notes", u.Notes, KpiLimits.MaxNotesLength, allowLineBreaks: true);
            }
        }

        if (month.YachtDelivery is { } delivery)
        {
            v.Lines("yachtDelivery.jobs", delivery.Jobs.Count);
        for (var i = 0; i < Math.Min(delivery.Jobs.Count, KpiLimits.MaxLines); i++)
            {
                var j = delivery.Jobs[i];
                var at = $"yachtDelivery.jobs[{i}]";
                v.Required($"{at}.id", j.Id);
                v.Required($"{at}.from", j.From);
                v.Required($"{at}.to", j.To);
                v.NonNegative($"{at}.distanceNm", j.DistanceNm);
                v.NonNegative($"{at}.quote", j.Quote);
                v.NonNegative($"{at}.actualCost", j.ActualCost);
                v.Sane($"{at}.deliveryDate", j.DeliveryDate);
                v.Defined($"{at}.status", j.Status);
                v.Text($"{at}.vessel", j.Vessel);
                v.Strings($"{at}.crew", j.Crew);
                v.Strings($"{at}.risks", j.Risks);
            }

            foreach (var duplicate in delivery.Jobs.Where(j => !string.IsNullOrWhiteSpace(j.Id)).GroupBy(j => j.Id).Where(g => g.Count() > 1))
            {
                v.Other("yachtDelivery.jobs", $"job id '{duplicate.Key}' appears {duplicate.Count()} times.");
            }
        }

        if (month.Portfolio is { } portfolio)
        {
            v.Lines("portfolio.clients", portfolio.Clients.Count);
        for (var i = 0; i < Math.Min(portfolio.Clients.Count, KpiLimits.MaxLines); i++)
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
                v.Lines($"{at}.openInvoices", c.OpenInvoices?.Count ?? 0);
                for (var n = 0; n < Math.Min(c.OpenInvoices?.Count ?? 0, KpiLimits.MaxLines); n++)
                {
                    var invoice = c.OpenInvoices![n];
                    var iat = $"{at}.openInvoices[{n}]";
                    v.Required($"{iat}.number", invoice.Number);
                    v.NonNegative($"{iat}.amount", invoice.Amount);
                    v.NonNegative($"{iat}.paid", invoice.Paid);
                    if (invoice.Paid > invoice.Amount)
                    {
                        v.Other($"{iat}.paid", "is more than the invoice amount.");
                    }
                }
                if (c.BillingType == BillingType.Retainer && c.Retainer is null)
                {
                    v.Other($"{at}.retainer", "is required for a retainer client.");
                }

                if (c.BillingType == BillingType.Hourly && c.HourlyRate is null)
                {
                    v.Other($"{at}.hourlyRate", "is required for an hourly client.");
                }
            }
        }

        return v.Errors;
    }

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();

    private sealed class Checks(bool boundsOnly)
    {
        public List<KpiError> Errors { get; } = [];

        public void Add(string path, string message) => Errors.Add(new KpiError(path, message));

        // A rule about meaning rather than size: skipped when only the bounds are checked.
        public void Other(string path, string message)
        {
            if (!boundsOnly)
            {
                Add(path, message);
            }
        }

        public void Lines(string path, int count)
        {
            if (count > KpiLimits.MaxLines)
            {
                Add(path, $"has {count:#,0} lines; at most {KpiLimits.MaxLines:#,0} are allowed in one month (only the first {KpiLimits.MaxLines:#,0} were checked).");
            }
        }

        public void Required(string path, string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Other(path, "is required.");
            }

            Text(path, value);
        }

        public void Text(string path, string? value, int maxLength = KpiLimits.MaxTextLength, bool allowLineBreaks = false)
        {
            if (value is null)
            {
                return;
            }

            if (value.Length > maxLength)
            {
                Add(path, $"is {value.Length:#,0} characters long; at most {maxLength:#,0} are allowed.");
            }

            if (KpiLimits.Unsafe(value, allowLineBreaks) is { } bad)
            {
                var kind = char.IsControl(bad.Character) ? "a control character" : "a bidirectional-text control";
                Add(path, $"contains {kind} (U+{(int)bad.Character:X4}) at position {bad.Index + 1}; use plain text.");
            }
        }

        public void Strings(string path, IReadOnlyList<string> values)
        {
            Lines(path, values.Count);
            for (var i = 0; i < Math.Min(values.Count, KpiLimits.MaxLines); i++)
            {
                Text($"{path}[{i}]", values[i]);
            }
        }

        public void NonNegative(string path, decimal? value)
        {
            if (value < -KpiLimits.MaxAmount && boundsOnly)
            {
                Add(path, $"is {value:#,0.##}; at least -{KpiLimits.Describe(KpiLimits.MaxAmount)} is allowed.");
            }
            else if (value < 0)
            {
                Other(path, $"must not be negative (got {value}).");
            }
            else if (value > KpiLimits.MaxAmount)
            {
                Add(path, $"is {value:#,0.##}; at most {KpiLimits.Describe(KpiLimits.MaxAmount)} is allowed.");
            }
        }

        public void Count(string path, int? value)
        {
            if (value < -KpiLimits.MaxCount && boundsOnly)
            {
                Add(path, $"is {value:#,0}; at least -{KpiLimits.MaxCount:#,0} is allowed.");
            }
            else if (value < 0)
            {
                Other(path, $"must be a count of zero or more (got {value}).");
            }
            else if (value > KpiLimits.MaxCount)
            {
                Add(path, $"is {value:#,0}; at most {KpiLimits.MaxCount:#,0} is allowed.");
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
                Other(path, $"'{value}' is not one of {string.Join("/", Enum.GetNames<T>())}.");
            }
        }
    }
}
