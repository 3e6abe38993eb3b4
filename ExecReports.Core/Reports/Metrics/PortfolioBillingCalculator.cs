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


    public const string Invoiced = "portfolio-billing.invoiced";
    public const string Paid = "portfolio-billing.paid";
    public const string PaidShare = "portfolio-billing.paid-share";
    public const string BillingRealisation = "portfolio-billing.realisation";
    public const string TopClientShare = "portfolio-billing.concentration.top-client-share";
    public const string TopThreeShare = "portfolio-billing.concentration.top-3-share";
    public const string Hhi = "portfolio-billing.concentration.hhi";
    public const string ChurnedClients = "portfolio-billing.churn.clients";
    public const string ChurnRate = "portfolio-billing.churn.rate";
    public const string CostsNotRebilled = "portfolio-billing.costs-not-rebilled";
    public const string CostsNotRebilledShare = "portfolio-billing.costs-not-rebilled-share";

    // Figures the CEO agenda and the Accounting report quote too are computed once, by ReceivablesCalculator.
    public static string BenchmarkRate => ReceivablesCalculator.BenchmarkRate(EntityId);
    public static string Outstanding => ReceivablesCalculator.Balance(EntityId);
    public static string Overdue => ReceivablesCalculator.Overdue(EntityId);
    public static string UnbilledHoursTotal => ReceivablesCalculator.UnbilledHours(EntityId);
    public static string UnbilledValueTotal => ReceivablesCalculator.UnbilledValue(EntityId);
    public static string UnbilledValue(string slug) => ReceivablesCalculator.ClientUnbilledValue(EntityId, slug);

    // After ReceivablesCalculator: the retainer under-recovery uses its benchmark rate.
    public override int Order => 25;

    public static string Client(string slug, string figure) => $"portfolio-billing.client.{slug}.{figure}";

    public static IReadOnlyList<(PortfolioClient Client, string Slug)> Clients(KpiMonth? month) =>
        Slugs.Distinct((month?.Portfolio?.Clients ?? []).OrderBy(c => c.Name, StringComparer.Ordinal), c => c.Name);

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

        var benchmark = book.Get(BenchmarkRate);

        foreach (var (client, slug) in clients)
        {
            var label = client.Name;
            if (client.Retainer is { } retainer)
            {
                book.Add(new Metric
                {
                    EntityId = EntityId, Id = Client(slug, "retainer"), Label = $"{label} retainer", Value = retainer, Unit = MetricUnit.UsdPerMonth, Period = p,
                    Formula = "clients[].retainer", Inputs = [Field(client, "retainer", retainer)], Better = Favourable.Higher,
                });
            }

            if (client.HourlyRate is { } rate)
            {
                book.Add(new Metric
                {
                    EntityId = EntityId, Id = Client(slug, "hourly-rate"), Label = $"{label} hourly rate", Value = rate, Unit = MetricUnit.Usd, Period = p,
                    Formula = "clients[].hourlyRate", Inputs = [Field(client, "hourlyRate", rate)], Better = Favourable.Higher,
                });
            }

            var outstanding = client.Invoiced - client.Paid;
            book.Add(new Metric
            {
                EntityId = EntityId, Id = Client(slug, "invoiced"), Label = $"{label} invoiced", Value = client.Invoiced, Unit = MetricUnit.Usd, Period = p,
                Formula = "clients[].invoiced", Inputs = [Field(client, "invoiced", client.Invoiced)], Better = Favourable.Higher,
            });
            book.Add(new Metric
            {
                EntityId = EntityId, Id = Client(slug, "paid"), Label = $"{label} paid", Value = client.Paid, Unit = MetricUnit.Usd, Period = p,
                Formula = "clients[].paid", Inputs = [Field(client, "paid", client.Paid)], Better = Favourable.Higher,
            });
            book.Add(new Metric
            {
                EntityId = EntityId, Id = Client(slug, "outstanding"), Label = $"{label} invoiced but not paid", Value = outstanding, Unit = MetricUnit.Usd, Period = p,
                Formula = "invoiced − paid", Inputs = [Field(client, "invoiced", client.Invoiced), Field(client, "paid", client.Paid)], Better = Favourable.Lower,
            });
            book.Add(new Metric
            {
                EntityId = EntityId, Id = Client(slug, "paid-share"), Label = $"{label} paid as a share of invoiced", Value = client.Invoiced > 0 ? client.Paid / client.Invoiced : null,
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
                    EntityId = EntityId, Id = Client(slug, "hours-worked"), Label = $"{label} hours worked (handoff)", Value = hours.Hours, Unit = MetricUnit.Hours, Period = p,
                    Formula = "hours worked stated in a handoff note", Inputs = [hoursInput],
                });
                book.Add(new Metric
                {
                    EntityId = EntityId, Id = Client(slug, "effective-rate"), Label = $"{label} effective hourly rate on retainer", Value = hours.Hours > 0 ? Math.Round(fee / hours.Hours, 2) : null,
                    Unit = MetricUnit.Usd, Period = p, Formula = "retainer ÷ hours worked", Inputs = [Field(client, "retainer", fee), hoursInput],
                    Better = Favourable.Higher, Special = hours.Hours > 0 ? null : "n/a: zero hours",
                });
                var underRecovery = benchmark.Value is { } b ? Math.Max(0m, hours.Hours * b - fee) : (decimal?)null;
                book.Add(new Metric
                {
                    EntityId = EntityId, Id = Client(slug, "under-recovery"), Label = $"{label} retainer under-recovery at the benchmark rate", Value = underRecovery, Unit = MetricUnit.Usd, Period = p,
                    Formula = "max(0, hours worked × benchmark hourly rate − retainer)", Inputs = [Field(client, "retainer", fee), hoursInput, MetricInput.Of(benchmark)],
                    Better = Favourable.Lower, Special = underRecovery is null ? "n/a: no benchmark rate" : null,
                });
            }

            book.Add(new Metric
            {
                EntityId = EntityId, Id = Client(slug, "overdue"), Label = $"{label} overdue", Value = client.Overdue, Unit = MetricUnit.Usd, Period = p,
                Formula = "clients[].overdue", Inputs = [Field(client, "overdue", client.Overdue)], Better = Favourable.Lower,
            });
            book.Add(new Metric
            {
                EntityId = EntityId, Id = Client(slug, "overdue-days"), Label = $"{label} days overdue", Value = client.OverdueDays, Unit = MetricUnit.Days, Period = p,
                Formula = "clients[].overdueDays", Inputs = [Field(client, "overdueDays", client.OverdueDays)], Better = Favourable.Lower,
            });

            book.Add(new Metric
            {
                EntityId = EntityId, Id = Client(slug, "unbilled-hours"), Label = $"{label} unbilled hours", Value = client.UnbilledHours, Unit = MetricUnit.Hours, Period = p,
                Formula = "clients[].unbilledHours", Inputs = [Field(client, "unbilledHours", client.UnbilledHours)], Better = Favourable.Lower,
            });
            book.Add(new Metric
            {
                EntityId = EntityId, Id = Client(slug, "costs-not-rebilled"), Label = $"{label} costs not re-billed", Value = client.CostsNotRebilled, Unit = MetricUnit.Usd, Period = p,
                Formula = "clients[].costsNotRebilled", Inputs = [Field(client, "costsNotRebilled", client.CostsNotRebilled)], Better = Favourable.Lower,
            });
        }

        AddTotals(book, clients, period);
        AddConcentrationAndChurn(calculation, month, clients);
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
            EntityId = EntityId, Id = Invoiced, Label = "Invoiced, all clients", Value = invoiced, Unit = MetricUnit.Usd, Period = p,
            Formula = "sum of clients[].invoiced", Inputs = Inputs("invoiced", c => c.Invoiced), Better = Favourable.Higher,
        });
        book.Add(new Metric
        {
            EntityId = EntityId, Id = Paid, Label = "Paid, all clients", Value = paid, Unit = MetricUnit.Usd, Period = p,
            Formula = "sum of clients[].paid", Inputs = Inputs("paid", c => c.Paid), Better = Favourable.Higher,
        });
        book.Add(new Metric
        {
            EntityId = EntityId, Id = PaidShare, Label = "Collection realisation (paid as a share of invoiced), all clients", Value = invoiced > 0 ? paid / invoiced : null, Unit = MetricUnit.Percent, Period = p,
            Formula = "sum of paid ÷ sum of invoiced", Inputs = [.. Inputs("invoiced", c => c.Invoiced), .. Inputs("paid", c => c.Paid)],
            Better = Favourable.Higher, Special = invoiced > 0 ? null : "n/a: nothing invoiced",
        });

        // Billing realisation: of the work valued at the clients' rates, the share that reached an invoice.
        var unbilled = book.Get(UnbilledValueTotal);
        var worked = invoiced + (unbilled.Value ?? 0m);
        book.Add(new Metric
        {
            EntityId = EntityId, Id = BillingRealisation, Label = "Billing realisation (invoiced ÷ (invoiced + unbilled value)), all clients",
            Value = worked > 0 ? invoiced / worked : null, Unit = MetricUnit.Percent, Period = p,
            Formula = "sum of invoiced ÷ (sum of invoiced + unbilled value at the clients' rates)",
            Inputs = [.. Inputs("invoiced", c => c.Invoiced), MetricInput.Of(unbilled)], Better = Favourable.Higher,
            Special = worked > 0 ? null : "n/a: nothing invoiced or unbilled",
        });

        var costs = clients.Sum(c => c.CostsNotRebilled);
        book.Add(new Metric
        {
            EntityId = EntityId, Id = CostsNotRebilled, Label = "Costs not re-billed, all clients", Value = costs, Unit = MetricUnit.Usd, Period = p,
            Formula = "sum of clients[].costsNotRebilled", Inputs = Inputs("costsNotRebilled", c => c.CostsNotRebilled), Better = Favourable.Lower,
        });
        book.Add(new Metric
        {
            EntityId = EntityId, Id = CostsNotRebilledShare, Label = "Costs not re-billed as a share of invoiced", Value = invoiced > 0 ? costs / invoiced : null, Unit = MetricUnit.Percent, Period = p,
            Formula = "sum of costsNotRebilled ÷ sum of invoiced", Inputs = [.. Inputs("costsNotRebilled", c => c.CostsNotRebilled), .. Inputs("invoiced", c => c.Invoiced)],
            Better = Favourable.Lower, Special = invoiced > 0 ? null : "n/a: nothing invoiced",
        });
    }

    // Clients on last month's list and missing from this month's, by name.
    public static IReadOnlyList<PortfolioClient> Churned(KpiMonth? previous, KpiMonth? current) =>
        (previous?.Portfolio?.Clients ?? [])
            .Where(c => !(current?.Portfolio?.Clients ?? []).Any(n => string.Equals(n.Name, c.Name, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();

    // Concentration on each client's share of invoicing to date (invoiced is cumulative); churn against last month's list.
    private static void AddConcentrationAndChurn(ReportCalculation calculation, KpiMonth month, IReadOnlyList<(PortfolioClient Client, string Slug)> slugged)
    {
        var book = calculation.Book;
        var period = calculation.Inputs.Period;
        var p = period.ToString();
        var clients = slugged.Select(c => c.Client).ToList();
        var total = clients.Sum(c => c.Invoiced);
        var inputs = clients.Select(c => DomainMetrics.Kpi(EntityId, $"portfolio.clients[{c.Name}].invoiced", period, c.Invoiced)).ToList();
        var shares = total > 0 ? clients.Select(c => c.Invoiced / total).OrderDescending().ToList() : [];
        var none = total > 0 ? null : "n/a: nothing invoiced";
        var top = clients.OrderByDescending(c => c.Invoiced).ThenBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault();
        book.Add(new Metric
        {
            EntityId = EntityId, Id = TopClientShare, Label = $"Largest client's share of invoicing{(top is null || none is not null ? "" : $" ({top.Name})")}",
            Value = none is null ? shares[0] : null, Unit = MetricUnit.Percent, Period = p, Formula = "max clients[].invoiced ÷ sum of clients[].invoiced",
            Inputs = inputs, Better = Favourable.Lower, Special = none,
        });
        book.Add(new Metric
        {
            EntityId = EntityId, Id = TopThreeShare, Label = "Three largest clients' share of invoicing", Value = none is null ? shares.Take(3).Sum() : null,
            Unit = MetricUnit.Percent, Period = p, Formula = "sum of the three largest clients[].invoiced ÷ sum of clients[].invoiced", Inputs = inputs,
            Better = Favourable.Lower, Special = none,
        });
        book.Add(new Metric
        {
            EntityId = EntityId, Id = Hhi, Label = "Client concentration index (HHI, 0–10,000)",
            Value = none is null ? Math.Round(shares.Sum(s => s * 100m * s * 100m), 0, MidpointRounding.AwayFromZero) : null, Unit = MetricUnit.Count, Period = p,
            Formula = "Σ (client's share of invoicing × 100)², rounded; above 2,500 is highly concentrated", Inputs = inputs, Better = Favourable.Lower, Special = none,
        });

        var before = period.Previous();
        var previous = DomainMetrics.Month(calculation.Inputs, EntityId, before);
        var churned = Churned(previous, month);
        var notRecorded = previous?.Portfolio is null ? $"not recorded: no client list for {before}" : null;
        var previousClients = previous?.Portfolio?.Clients ?? [];
        var churnInputs = previousClients.Select(c => DomainMetrics.Kpi(EntityId, $"portfolio.clients[{c.Name}]", before, churned.Contains(c) ? "not on this month's list" : "still a client")).ToList();
        book.Add(new Metric
        {
            EntityId = EntityId, Id = ChurnedClients, Label = $"Clients lost since {before} (on its list, not on {p}'s)", Value = notRecorded is null ? churned.Count : null,
            Unit = MetricUnit.Count, Period = p, Formula = $"count of portfolio.clients[] at {before} with no client of the same name at {p}", Inputs = churnInputs,
            Better = Favourable.Lower, Special = notRecorded,
        });
        book.Add(new Metric
        {
            EntityId = EntityId, Id = ChurnRate, Label = $"Client churn, {before} to {p}", Value = notRecorded is null && previousClients.Count > 0 ? (decimal)churned.Count / previousClients.Count : null,
            Unit = MetricUnit.Percent, Period = p, Formula = $"clients lost ÷ clients at {before}", Inputs = churnInputs, Better = Favourable.Lower,
            Special = notRecorded ?? (previousClients.Count > 0 ? null : $"n/a: no clients at {before}"),
        });
    }

    [GeneratedRegex(@"(?<a>\d+(?:\.\d+)?)\s*(?:hours|hrs|h)\s+(?:worked|logged|spent)\b|\b(?:worked|logged|spent)\s+(?<b>\d+(?:\.\d+)?)\s*(?:hours|hrs|h)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HoursWorked();
}
