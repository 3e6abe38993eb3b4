using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;

namespace ExecReports.Core.Reports.Metrics;

// One amount of a receivable, aged at the period's last day: an open invoice, or (without invoices) the client's
// overdue amount at its overdueDays and the rest as current.
public sealed record AgedReceivable(PortfolioClient Client, string? Invoice, decimal Amount, int DaysPastDue, string Bucket);

// Money owed and work not yet billed, from the client portfolio data: the CEO's collections agenda, the billing audit's
// ageing and DSO, and the Accounting report's accounts receivable all come from here.
public sealed class ReceivablesCalculator : MetricCalculator
{
    public const int DsoMonths = 3;

    public static readonly IReadOnlyList<(string Slug, string Label, int From, int? To)> AgeBuckets =
    [
        ("current", "current (not yet due)", int.MinValue, 0),
        ("1-30", "1–30 days past due", 1, 30),
        ("31-60", "31–60 days past due", 31, 60),
        ("61-90", "61–90 days past due", 61, 90),
        ("over-90", "over 90 days past due", 91, null),
    ];

    public override int Order => 20;

    public static string Balance(string entityId) => $"receivables.{entityId}.balance";
    public static string Ageing(string entityId, string bucket) => $"receivables.{entityId}.ageing.{bucket}";
    public static string AgeingUnreconciled(string entityId) => $"receivables.{entityId}.ageing.unreconciled";
    public static string InvoiceLevelClients(string entityId) => $"receivables.{entityId}.invoice-level-clients";
    public static string Dso(string entityId) => $"receivables.{entityId}.dso";
    public static string ClientPastDue30(string entityId, string slug) => $"receivables.{entityId}.client.{slug}.over-30-days";
    public static string ClientOldestDays(string entityId, string slug) => $"receivables.{entityId}.client.{slug}.oldest-days-past-due";

    // Clients owing anything more than 30 days past due, most overdue first: the credit-control list.
    public static IReadOnlyList<(PortfolioClient Client, string Slug, AgedReceivable Oldest)> CreditControl(KpiMonth month, Period period) =>
        Slugs.Distinct((month.Portfolio?.Clients ?? []).OrderBy(c => c.Name, StringComparer.Ordinal), c => c.Name)
            .Select(x => (x.Item, x.Slug, Oldest: Aged(x.Item, period).OrderByDescending(a => a.DaysPastDue).FirstOrDefault()))
            .Where(x => x.Oldest is { DaysPastDue: > 30 })
            .OrderByDescending(x => x.Oldest!.DaysPastDue)
            .ThenBy(x => x.Item.Name, StringComparer.Ordinal)
            .Select(x => (x.Item, x.Slug, x.Oldest!))
            .ToList();
    public static string InvoicedInDsoWindow(string entityId) => $"receivables.{entityId}.invoiced-{DsoMonths}m";

    // Accounts receivable: invoiced and not yet paid. Every report that quotes receivables uses this sum.
    public static decimal BalanceOf(IEnumerable<PortfolioClient> clients) => clients.Sum(c => c.Invoiced - c.Paid);

    public static decimal BalanceOf(KpiMonth month) => month.Portfolio is { } portfolio ? BalanceOf(portfolio.Clients) : 0m;

    public static string BucketOf(int daysPastDue) => AgeBuckets.First(b => daysPastDue >= b.From && (b.To is null || daysPastDue <= b.To)).Slug;

    public static IReadOnlyList<AgedReceivable> Aged(PortfolioClient client, Period period)
    {
        if (client.OpenInvoices is { } invoices)
        {
            return invoices.Where(i => i.Amount - i.Paid > 0).Select(i =>
            {
                var days = period.LastDay.DayNumber - i.Due.DayNumber;
                return new AgedReceivable(client, i.Number, i.Amount - i.Paid, days, BucketOf(days));
            }).ToList();
        }

        var items = new List<AgedReceivable>();
        var current = client.Invoiced - client.Paid - client.Overdue;
        if (current > 0)
        {
            items.Add(new AgedReceivable(client, null, current, 0, BucketOf(0)));
        }

        if (client.Overdue > 0)
        {
            var days = Math.Max(1, client.OverdueDays);
            items.Add(new AgedReceivable(client, null, client.Overdue, days, BucketOf(days)));
        }

        return items;
    }

    public static string Overdue(string entityId) => $"ceo.{entityId}.overdue-receivables";
    public static string OldestOverdueDays(string entityId) => $"ceo.{entityId}.oldest-overdue-days";
    public static string UnbilledHours(string entityId) => $"ceo.{entityId}.unbilled-hours";
    public static string UnbilledValue(string entityId) => $"ceo.{entityId}.unbilled-value";
    public static string BenchmarkRate(string entityId) => $"receivables.{entityId}.benchmark-rate";
    public static string ClientUnbilledValue(string entityId, string slug) => $"receivables.{entityId}.client.{slug}.unbilled-value";

    public override void Compute(ReportCalculation calculation)
    {
        var period = calculation.Inputs.Period;
        var p = period.ToString();
        var book = calculation.Book;
        foreach (var m in calculation.Inputs.Kpis.Where(k => k.Period == period && k.Portfolio is not null).OrderBy(k => k.EntityId, StringComparer.Ordinal))
        {
            var id = m.EntityId;
            var clients = m.Portfolio!.Clients;
            MetricInput Input(PortfolioClient c, string field, string value) => MetricInput.Kpi(id, $"portfolio.clients[{c.Name}].{field}", p, value);

            AddAgeing(calculation, m, period);

            var overdue = clients.Where(c => c.Overdue > 0).ToList();
            book.Add(new Metric
            {
                Id = Overdue(id), EntityId = id, Label = $"{id} overdue receivables", Value = overdue.Sum(c => c.Overdue), Unit = MetricUnit.Usd, Period = p,
                Formula = "Σ portfolio.clients[].overdue", Inputs = overdue.Select(c => Input(c, "overdue", MetricFormat.Money(c.Overdue))).ToList(),
                Better = Favourable.Lower,
            });
            book.Add(new Metric
            {
                Id = OldestOverdueDays(id), EntityId = id, Label = $"{id} oldest overdue invoice", Value = overdue.Count == 0 ? 0 : overdue.Max(c => c.OverdueDays),
                Unit = MetricUnit.Days, Period = p, Formula = "max portfolio.clients[].overdueDays over clients with an overdue amount",
                Inputs = overdue.Select(c => Input(c, "overdueDays", c.OverdueDays.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList(),
                Better = Favourable.Lower,
            });

            var unbilled = clients.Where(c => c.UnbilledHours > 0).ToList();
            book.Add(new Metric
            {
                Id = UnbilledHours(id), EntityId = id, Label = $"{id} unbilled hours", Value = unbilled.Sum(c => c.UnbilledHours), Unit = MetricUnit.Hours, Period = p,
                Formula = "Σ portfolio.clients[].unbilledHours",
                Inputs = unbilled.Select(c => Input(c, "unbilledHours", MetricFormat.Format(c.UnbilledHours, MetricUnit.Hours))).ToList(),
                Better = Favourable.Lower,
            });
            AddUnbilledValue(book, m, period);
        }
    }

    // Unbilled work is valued once, here, for the CEO agenda and the billing audit alike: each client's hours at its own
    // hourly rate, or (a retainer client without one) at the benchmark, the mean of the hourly clients' rates.
    private static void AddUnbilledValue(MetricBook book, KpiMonth month, Period period)
    {
        var id = month.EntityId;
        var p = period.ToString();
        var clients = PortfolioBillingCalculator.Clients(month);
        MetricInput Field(PortfolioClient c, string field, decimal value) => DomainMetrics.Kpi(id, $"portfolio.clients[{c.Name}].{field}", period, value);

        // Whole dollars, so "hours × rate" can be checked by eye against the figures the reports show.
        var hourly = clients.Where(c => c.Client.BillingType == BillingType.Hourly && c.Client.HourlyRate is > 0).ToList();
        var benchmark = book.Add(new Metric
        {
            Id = BenchmarkRate(id), EntityId = id, Label = $"{id} benchmark hourly rate (mean of hourly clients' rates)",
            Value = hourly.Count > 0 ? Math.Round(hourly.Average(c => c.Client.HourlyRate!.Value), 0, MidpointRounding.AwayFromZero) : null, Unit = MetricUnit.Usd, Period = p,
            Formula = "mean of hourlyRate over hourly clients, rounded to whole dollars", Inputs = hourly.Select(c => Field(c.Client, "hourlyRate", c.Client.HourlyRate!.Value)).ToList(),
            Kind = MetricKind.Assumption, Special = hourly.Count > 0 ? null : "n/a: no hourly client",
        });

        var values = new List<Metric>();
        foreach (var (client, slug) in clients)
        {
            var rate = client.HourlyRate ?? benchmark.Value;
            var rateInput = client.HourlyRate is { } own ? Field(client, "hourlyRate", own) : MetricInput.Of(benchmark);
            values.Add(book.Add(new Metric
            {
                Id = ClientUnbilledValue(id, slug), EntityId = id, Label = $"{client.Name} unbilled value", Value = rate is { } r ? client.UnbilledHours * r : null,
                Unit = MetricUnit.Usd, Period = p, Formula = client.HourlyRate is null ? "unbilled hours × benchmark hourly rate" : "unbilled hours × hourly rate",
                Inputs = [Field(client, "unbilledHours", client.UnbilledHours), rateInput], Better = Favourable.Lower,
                Special = rate is null ? "n/a: no hourly rate" : null,
            }));
        }

        var unpriced = values.Any(v => v.Value is null);
        book.Add(new Metric
        {
            Id = UnbilledValue(id), EntityId = id, Label = unpriced ? $"{id} unbilled value, clients with a rate" : $"{id} unbilled value, all clients",
            Value = values.Where(v => v.Value is not null).Sum(v => v.Value!.Value), Unit = MetricUnit.Usd, Period = p,
            Formula = "Σ clients' unbilled hours × their hourly rate (retainer clients without one: the benchmark rate)",
            Inputs = values.Select(MetricInput.Of).ToList(), Better = Favourable.Lower,
        });
    }

    private static void AddAgeing(ReportCalculation calculation, KpiMonth month, Period period)
    {
        var book = calculation.Book;
        var id = month.EntityId;
        var p = period.ToString();
        var clients = month.Portfolio!.Clients;
        MetricInput Input(PortfolioClient c, string field, decimal value) => MetricInput.Kpi(id, $"portfolio.clients[{c.Name}].{field}", p, MetricFormat.Money(value));
        var balance = BalanceOf(clients);
        var balanceInputs = clients.SelectMany(c => new[] { Input(c, "invoiced", c.Invoiced), Input(c, "paid", c.Paid) }).ToList();
        book.Add(new Metric
        {
            Id = Balance(id), EntityId = id, Label = $"{id} accounts receivable (invoiced, not yet paid)", Value = balance, Unit = MetricUnit.Usd, Period = p,
            Formula = "Σ portfolio.clients[].invoiced − paid", Inputs = balanceInputs, Better = Favourable.Lower,
        });

        var aged = clients.SelectMany(c => Aged(c, period)).ToList();
        MetricInput ItemInput(AgedReceivable a) => a.Invoice is { } number
            ? MetricInput.Kpi(id, $"portfolio.clients[{a.Client.Name}].openInvoices[{number}].amount − paid", p, MetricFormat.Money(a.Amount))
            : MetricInput.Kpi(id, $"portfolio.clients[{a.Client.Name}].{(a.DaysPastDue > 0 ? "overdue" : "invoiced − paid − overdue")}", p, MetricFormat.Money(a.Amount));
        foreach (var bucket in AgeBuckets)
        {
            var items = aged.Where(a => a.Bucket == bucket.Slug).ToList();
            book.Add(new Metric
            {
                Id = Ageing(id, bucket.Slug), EntityId = id, Label = $"{id} receivables {bucket.Label}", Value = items.Sum(a => a.Amount), Unit = MetricUnit.Usd, Period = p,
                Formula = $"Σ open amounts {(bucket.Slug == "current" ? "not yet due" : "past due " + bucket.Label.Replace(" past due", "", StringComparison.Ordinal))} at {DomainMetrics.Date(period.LastDay)} "
                    + "(open invoices; a client without invoices: its overdue amount at overdueDays, the rest current)",
                Inputs = items.Select(ItemInput).ToList(), Better = bucket.Slug == "current" ? null : Favourable.Lower,
            });
        }

        foreach (var (client, slug, oldest) in CreditControl(month, period))
        {
            var late = Aged(client, period).Where(a => a.DaysPastDue > 30).ToList();
            book.Add(new Metric
            {
                Id = ClientPastDue30(id, slug), EntityId = id, Label = $"{client.Name} owed more than 30 days past due", Value = late.Sum(a => a.Amount),
                Unit = MetricUnit.Usd, Period = p, Formula = "Σ open amounts more than 30 days past due", Inputs = late.Select(ItemInput).ToList(), Better = Favourable.Lower,
            });
            book.Add(new Metric
            {
                Id = ClientOldestDays(id, slug), EntityId = id, Label = $"{client.Name} oldest amount, days past due", Value = oldest.DaysPastDue,
                Unit = MetricUnit.Days, Period = p, Formula = "last day of period − due date of the oldest open amount", Inputs = [ItemInput(oldest)], Better = Favourable.Lower,
            });
        }

        var agedTotal = aged.Sum(a => a.Amount);
        book.Add(new Metric
        {
            Id = AgeingUnreconciled(id), EntityId = id, Label = $"{id} receivables not explained by the ageing", Value = balance - agedTotal, Unit = MetricUnit.Usd, Period = p,
            Formula = "accounts receivable − Σ ageing buckets (non-zero when the open invoices do not add up to invoiced − paid)",
            Inputs = [MetricInput.OfMetric(Balance(id), "Accounts receivable", p, MetricFormat.Money(balance)), .. aged.Select(ItemInput)],
            Better = Favourable.Lower,
        });
        book.Add(new Metric
        {
            Id = InvoiceLevelClients(id), EntityId = id, Label = $"{id} clients with invoice-level data", Value = clients.Count(c => c.OpenInvoices is not null),
            Unit = MetricUnit.Count, Period = p, Formula = "count of portfolio.clients[] with openInvoices recorded",
            Inputs = clients.Select(c => MetricInput.Kpi(id, $"portfolio.clients[{c.Name}].openInvoices", p, c.OpenInvoices is null ? "not recorded" : $"{c.OpenInvoices.Count} invoice(s)")).ToList(),
        });

        // Invoiced is cumulative, so the window's invoicing is the difference with the month before the window.
        var start = period.AddMonths(-DsoMonths);
        var before = DomainMetrics.Month(calculation.Inputs, id, start)?.Portfolio;
        var days = Enumerable.Range(0, DsoMonths).Sum(back => period.AddMonths(-back).LastDay.Day);
        decimal? invoicedInWindow = before is null ? null
            : clients.Sum(c => c.Invoiced - (before.Clients.FirstOrDefault(b => string.Equals(b.Name, c.Name, StringComparison.OrdinalIgnoreCase))?.Invoiced ?? 0m));
        var windowText = $"{period.AddMonths(1 - DsoMonths)}..{p}";
        var notRecorded = before is null ? $"not recorded: no portfolio data for {start} to measure {DsoMonths} months of invoicing"
            : invoicedInWindow <= 0 ? $"n/a: nothing invoiced in {windowText}" : null;
        book.Add(new Metric
        {
            Id = InvoicedInDsoWindow(id), EntityId = id, Label = $"{id} invoiced in {windowText}", Value = before is null ? null : invoicedInWindow, Unit = MetricUnit.Usd,
            Period = p, Formula = $"Σ portfolio.clients[].invoiced at {p} − the same at {start} (invoiced is cumulative)",
            Inputs = [.. clients.Select(c => Input(c, "invoiced", c.Invoiced)),
                .. (before?.Clients ?? []).Select(c => MetricInput.Kpi(id, $"portfolio.clients[{c.Name}].invoiced", start.ToString(), MetricFormat.Money(c.Invoiced)))],
            Better = Favourable.Higher, Special = before is null ? notRecorded : null,
        });
        book.Add(new Metric
        {
            Id = Dso(id), EntityId = id, Label = $"{id} days sales outstanding", Value = notRecorded is null ? balance / invoicedInWindow!.Value * days : null,
            Unit = MetricUnit.Days, Period = p, Formula = $"accounts receivable ÷ invoiced in {windowText} × {days} days",
            Inputs = [MetricInput.OfMetric(Balance(id), "Accounts receivable", p, MetricFormat.Money(balance)),
                MetricInput.OfMetric(InvoicedInDsoWindow(id), $"Invoiced in {windowText}", p, invoicedInWindow is { } w ? MetricFormat.Money(w) : "not recorded")],
            Better = Favourable.Lower, Special = notRecorded,
        });
    }
}
