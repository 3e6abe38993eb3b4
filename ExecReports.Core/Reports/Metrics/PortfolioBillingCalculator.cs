using System.Globalization;
using System.Text.RegularExpressions;
using ExecReports.Core.Ingestion;
using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;

namespace ExecReports.Core.Reports.Metrics;

public sealed record HandoffHours(decimal Hours, string File, int Line);

// Billing audit of the consultancy's clients: collections, overdue ageing, unbilled time and costs never passed on.
public sealed partial class PortfolioBillingCalculator : MetricCalculator
{
    // The catalog entity comes from the report's registration.
    public static string EntityId => ReportRole.PortfolioBilling.Entity;


    public const string BenchmarkRate = "portfolio-billing.benchmark-rate";
    public const string Invoiced = "portfolio-billing.invoiced";
    public const string Paid = "portfolio-billing.paid";
    public const string Outstanding = "portfolio-billing.outstanding";
    public const string PaidShare = "portfolio-billing.paid-share";
    public const string Overdue = "portfolio-billing.overdue";
    public const string UnbilledHoursTotal = "portfolio-billing.unbilled-hours";
    public const string UnbilledValueTotal = "portfolio-billing.unbilled-value";
    public const string CostsNotRebilled = "portfolio-billing.costs-not-rebilled";
    public const string CostsNotRebilledShare = "portfolio-billing.costs-not-rebilled-share";

    public static readonly IReadOnlyList<(string Slug, string Label, int From, int? To)> Buckets =
    [
        ("0-30", "0–30 days", 0, 30),
        ("31-60", "31–60 days", 31, 60),
        ("61-90", "61–90 days", 61, 90),
        ("over-90", "over 90 days", 91, null),
    ];

    public override int Order => 20;

    public static string OverdueBucket(string bucketSlug) => $"portfolio-billing.overdue.{bucketSlug}";
    public static string Client(string slug, string figure) => $"portfolio-billing.client.{slug}.{figure}";

    public static IReadOnlyList<(PortfolioClient Client, string Slug)> Clients(KpiMonth? month) =>
        Slugs.Distinct((month?.Portfolio?.Clients ?? []).OrderBy(c => c.Name, StringComparer.Ordinal), c => c.Name);

    public static string BucketOf(int overdueDays) =>
        Buckets.First(b => overdueDays >= b.From && (b.To is null || overdueDays <= b.To)).Slug;

    // Hours worked for a client, when a handoff fact names the client and says "NN hours worked/logged/spent"
    // (or "worked NN hours"). Unbilled or untracked hours are a different figure and are not read here.
    public static HandoffHours? HoursFromHandoffs(HandoffSnapshot handoffs, string clientName)
    {
        var facts = handoffs.Documents
            .Where(d => d.Status != HandoffStatus.Error && string.Equals(d.EntityId, EntityId, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(d => d.Updated)
            .ThenBy(d => d.File, StringComparer.Ordinal)
            .SelectMany(d => d.Facts.Select(f => (d.File, Fact: f)));
        foreach (var (file, fact) in facts)
        {
            if (!fact.Text.Contains(clientName, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var match = HoursWorked().Match(fact.Text);
            if (match.Success)
            {
                var number = match.Groups["a"].Success ? match.Groups["a"].Value : match.Groups["b"].Value;
                return new HandoffHours(decimal.Parse(number, NumberStyles.Number, CultureInfo.InvariantCulture), file, fact.Line);
            }
        }

        return null;
    }

    public override void Compute(ReportCalculation calculation)
    {
        var period = calculation.Inputs.Period;
        var month = DomainMetrics.Month(calculation.Inputs, EntityId, period);
        var clients = Clients(month);
        if (month is null || clients.Count == 0)
        {
            return;
        }

        var book = calculation.Book;
        var p = period.ToString();
        MetricInput Field(PortfolioClient c, string field, decimal value) => DomainMetrics.Kpi(EntityId, $"portfolio.clients[{c.Name}].{field}", period, value);

        // Whole dollars, so "hours × rate" can be checked by eye against the figures the report shows.
        var hourly = clients.Where(c => c.Client.BillingType == BillingType.Hourly && c.Client.HourlyRate is > 0).ToList();
        var benchmark = book.Add(new Metric
        {
            Id = BenchmarkRate, Label = "Benchmark hourly rate (mean of hourly clients' rates)",
            Value = hourly.Count > 0 ? Math.Round(hourly.Average(c => c.Client.HourlyRate!.Value), 0, MidpointRounding.AwayFromZero) : null, Unit = MetricUnit.Usd, Period = p,
            Formula = "mean of hourlyRate over hourly clients, rounded to whole dollars", Inputs = hourly.Select(c => Field(c.Client, "hourlyRate", c.Client.HourlyRate!.Value)).ToList(),
            Kind = MetricKind.Assumption, Special = hourly.Count > 0 ? null : "n/a: no hourly client",
        });

        foreach (var (client, slug) in clients)
        {
            var label = client.Name;
            if (client.Retainer is { } retainer)
            {
                book.Add(new Metric
                {
                    Id = Client(slug, "retainer"), Label = $"{label} retainer", Value = retainer, Unit = MetricUnit.UsdPerMonth, Period = p,
                    Formula = "clients[].retainer", Inputs = [Field(client, "retainer", retainer)], Better = Favourable.Higher,
                });
            }

            if (client.HourlyRate is { } rate)
            {
                book.Add(new Metric
                {
                    Id = Client(slug, "hourly-rate"), Label = $"{label} hourly rate", Value = rate, Unit = MetricUnit.Usd, Period = p,
                    Formula = "clients[].hourlyRate", Inputs = [Field(client, "hourlyRate", rate)], Better = Favourable.Higher,
                });
            }

            var outstanding = client.Invoiced - client.Paid;
            book.Add(new Metric
            {
                Id = Client(slug, "invoiced"), Label = $"{label} invoiced", Value = client.Invoiced, Unit = MetricUnit.Usd, Period = p,
                Formula = "clients[].invoiced", Inputs = [Field(client, "invoiced", client.Invoiced)], Better = Favourable.Higher,
            });
            book.Add(new Metric
            {
                Id = Client(slug, "paid"), Label = $"{label} paid", Value = client.Paid, Unit = MetricUnit.Usd, Period = p,
                Formula = "clients[].paid", Inputs = [Field(client, "paid", client.Paid)], Better = Favourable.Higher,
            });
            book.Add(new Metric
            {
                Id = Client(slug, "outstanding"), Label = $"{label} invoiced but not paid", Value = outstanding, Unit = MetricUnit.Usd, Period = p,
                Formula = "invoiced − paid", Inputs = [Field(client, "invoiced", client.Invoiced), Field(client, "paid", client.Paid)], Better = Favourable.Lower,
            });
            book.Add(new Metric
            {
                Id = Client(slug, "paid-share"), Label = $"{label} paid as a share of invoiced", Value = client.Invoiced > 0 ? client.Paid / client.Invoiced : null,
                Unit = MetricUnit.Percent, Period = p, Formula = "paid ÷ invoiced",
                Inputs = [Field(client, "invoiced", client.Invoiced), Field(client, "paid", client.Paid)], Better = Favourable.Higher,
                Special = client.Invoiced > 0 ? null : "n/a: nothing invoiced",
            });

            if (client.BillingType == BillingType.Retainer && client.Retainer is { } fee && HoursFromHandoffs(calculation.Inputs.Handoffs, client.Name) is { } hours)
            {
                var hoursInput = new MetricInput($"handoff:{hours.File}", $"line {hours.Line.ToString(CultureInfo.InvariantCulture)}: hours worked for {client.Name}", p,
                    hours.Hours.ToString(CultureInfo.InvariantCulture));
                book.Add(new Metric
                {
                    Id = Client(slug, "hours-worked"), Label = $"{label} hours worked (handoff)", Value = hours.Hours, Unit = MetricUnit.Hours, Period = p,
                    Formula = "hours worked stated in a handoff note", Inputs = [hoursInput],
                });
                book.Add(new Metric
                {
                    Id = Client(slug, "effective-rate"), Label = $"{label} effective hourly rate on retainer", Value = hours.Hours > 0 ? Math.Round(fee / hours.Hours, 2) : null,
                    Unit = MetricUnit.Usd, Period = p, Formula = "retainer ÷ hours worked", Inputs = [Field(client, "retainer", fee), hoursInput],
                    Better = Favourable.Higher, Special = hours.Hours > 0 ? null : "n/a: zero hours",
                });
                var underRecovery = benchmark.Value is { } b ? Math.Max(0m, hours.Hours * b - fee) : (decimal?)null;
                book.Add(new Metric
                {
                    Id = Client(slug, "under-recovery"), Label = $"{label} retainer under-recovery at the benchmark rate", Value = underRecovery, Unit = MetricUnit.Usd, Period = p,
                    Formula = "max(0, hours worked × benchmark hourly rate − retainer)", Inputs = [Field(client, "retainer", fee), hoursInput, MetricInput.Of(benchmark)],
                    Better = Favourable.Lower, Special = underRecovery is null ? "n/a: no benchmark rate" : null,
                });
            }

            book.Add(new Metric
            {
                Id = Client(slug, "overdue"), Label = $"{label} overdue", Value = client.Overdue, Unit = MetricUnit.Usd, Period = p,
                Formula = "clients[].overdue", Inputs = [Field(client, "overdue", client.Overdue)], Better = Favourable.Lower,
            });
            book.Add(new Metric
            {
                Id = Client(slug, "overdue-days"), Label = $"{label} days overdue", Value = client.OverdueDays, Unit = MetricUnit.Days, Period = p,
                Formula = "clients[].overdueDays", Inputs = [Field(client, "overdueDays", client.OverdueDays)], Better = Favourable.Lower,
            });

            // A retainer client's extra hours are valued at its own hourly rate if it has one, else at the benchmark.
            var unbilledRate = client.HourlyRate ?? benchmark.Value;
            var rateInput = client.HourlyRate is { } own ? Field(client, "hourlyRate", own) : MetricInput.Of(benchmark);
            book.Add(new Metric
            {
                Id = Client(slug, "unbilled-hours"), Label = $"{label} unbilled hours", Value = client.UnbilledHours, Unit = MetricUnit.Hours, Period = p,
                Formula = "clients[].unbilledHours", Inputs = [Field(client, "unbilledHours", client.UnbilledHours)], Better = Favourable.Lower,
            });
            book.Add(new Metric
            {
                Id = Client(slug, "unbilled-value"), Label = $"{label} unbilled value", Value = unbilledRate is { } r ? client.UnbilledHours * r : null,
                Unit = MetricUnit.Usd, Period = p,
                Formula = client.HourlyRate is null ? "unbilled hours × benchmark hourly rate" : "unbilled hours × hourly rate",
                Inputs = [Field(client, "unbilledHours", client.UnbilledHours), rateInput], Better = Favourable.Lower,
                Special = unbilledRate is null ? "n/a: no hourly rate" : null,
            });
            book.Add(new Metric
            {
                Id = Client(slug, "costs-not-rebilled"), Label = $"{label} costs not re-billed", Value = client.CostsNotRebilled, Unit = MetricUnit.Usd, Period = p,
                Formula = "clients[].costsNotRebilled", Inputs = [Field(client, "costsNotRebilled", client.CostsNotRebilled)], Better = Favourable.Lower,
            });
        }

        AddTotals(book, clients, period);
    }

    private static void AddTotals(MetricBook book, IReadOnlyList<(PortfolioClient Client, string Slug)> slugged, Period period)
    {
        var clients = slugged.Select(c => c.Client).ToList();
        var p = period.ToString();
        List<MetricInput> Inputs(string field, Func<PortfolioClient, decimal> value, IEnumerable<PortfolioClient>? only = null) =>
            (only ?? clients).Select(c => DomainMetrics.Kpi(EntityId, $"portfolio.clients[{c.Name}].{field}", period, value(c))).ToList();

        var invoiced = clients.Sum(c => c.Invoiced);
        var paid = clients.Sum(c => c.Paid);
        book.Add(new Metric
        {
            Id = Invoiced, Label = "Invoiced, all clients", Value = invoiced, Unit = MetricUnit.Usd, Period = p,
            Formula = "sum of clients[].invoiced", Inputs = Inputs("invoiced", c => c.Invoiced), Better = Favourable.Higher,
        });
        book.Add(new Metric
        {
            Id = Paid, Label = "Paid, all clients", Value = paid, Unit = MetricUnit.Usd, Period = p,
            Formula = "sum of clients[].paid", Inputs = Inputs("paid", c => c.Paid), Better = Favourable.Higher,
        });
        book.Add(new Metric
        {
            Id = Outstanding, Label = "Invoiced but not paid, all clients", Value = ReceivablesCalculator.BalanceOf(clients), Unit = MetricUnit.Usd, Period = p,
            Formula = "sum of clients[].invoiced − sum of clients[].paid", Inputs = [.. Inputs("invoiced", c => c.Invoiced), .. Inputs("paid", c => c.Paid)],
            Better = Favourable.Lower,
        });
        book.Add(new Metric
        {
            Id = PaidShare, Label = "Paid as a share of invoiced, all clients", Value = invoiced > 0 ? paid / invoiced : null, Unit = MetricUnit.Percent, Period = p,
            Formula = "sum of paid ÷ sum of invoiced", Inputs = [.. Inputs("invoiced", c => c.Invoiced), .. Inputs("paid", c => c.Paid)],
            Better = Favourable.Higher, Special = invoiced > 0 ? null : "n/a: nothing invoiced",
        });

        var overdue = clients.Where(c => c.Overdue > 0).ToList();
        book.Add(new Metric
        {
            Id = Overdue, Label = "Overdue receivables, all clients", Value = overdue.Sum(c => c.Overdue), Unit = MetricUnit.Usd, Period = p,
            Formula = "sum of clients[].overdue", Inputs = Inputs("overdue", c => c.Overdue, overdue), Better = Favourable.Lower,
        });
        foreach (var bucket in Buckets)
        {
            var inBucket = overdue.Where(c => BucketOf(c.OverdueDays) == bucket.Slug).ToList();
            book.Add(new Metric
            {
                Id = OverdueBucket(bucket.Slug), Label = $"Overdue {bucket.Label}", Value = inBucket.Sum(c => c.Overdue), Unit = MetricUnit.Usd, Period = p,
                Formula = $"sum of clients[].overdue where overdueDays is {bucket.Label}",
                Inputs = [.. Inputs("overdue", c => c.Overdue, inBucket), .. Inputs("overdueDays", c => c.OverdueDays, inBucket)], Better = Favourable.Lower,
            });
        }

        var unbilledValues = slugged.Select(c => book.Get(Client(c.Slug, "unbilled-value"))).ToList();
        var unbilledValue = unbilledValues.Where(v => v.Value is not null).Sum(v => v.Value!.Value);
        var unpriced = unbilledValues.Any(v => v.Value is null);
        book.Add(new Metric
        {
            Id = UnbilledHoursTotal, Label = "Unbilled hours, all clients", Value = clients.Sum(c => c.UnbilledHours), Unit = MetricUnit.Hours, Period = p,
            Formula = "sum of clients[].unbilledHours", Inputs = Inputs("unbilledHours", c => c.UnbilledHours), Better = Favourable.Lower,
        });
        book.Add(new Metric
        {
            Id = UnbilledValueTotal, Label = unpriced ? "Unbilled value, clients with a rate" : "Unbilled value, all clients", Value = unbilledValue, Unit = MetricUnit.Usd, Period = p,
            Formula = "sum of clients' unbilled value", Inputs = unbilledValues.Select(MetricInput.Of).ToList(), Better = Favourable.Lower,
        });

        var costs = clients.Sum(c => c.CostsNotRebilled);
        book.Add(new Metric
        {
            Id = CostsNotRebilled, Label = "Costs not re-billed, all clients", Value = costs, Unit = MetricUnit.Usd, Period = p,
            Formula = "sum of clients[].costsNotRebilled", Inputs = Inputs("costsNotRebilled", c => c.CostsNotRebilled), Better = Favourable.Lower,
        });
        book.Add(new Metric
        {
            Id = CostsNotRebilledShare, Label = "Costs not re-billed as a share of invoiced", Value = invoiced > 0 ? costs / invoiced : null, Unit = MetricUnit.Percent, Period = p,
            Formula = "sum of costsNotRebilled ÷ sum of invoiced", Inputs = [.. Inputs("costsNotRebilled", c => c.CostsNotRebilled), .. Inputs("invoiced", c => c.Invoiced)],
            Better = Favourable.Lower, Special = invoiced > 0 ? null : "n/a: nothing invoiced",
        });
    }

    [GeneratedRegex(@"(?<a>\d+(?:\.\d+)?)\s*(?:hours|hrs|h)\s+(?:worked|logged|spent)\b|\b(?:worked|logged|spent)\s+(?<b>\d+(?:\.\d+)?)\s*(?:hours|hrs|h)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HoursWorked();
}
