using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reports.Metrics;

namespace ExecReports.Core.Reports.Finance;

public enum KnownCashKind { FixedCost, DebtService, OwnerDraw, Rent, DepositRefund, DeliveryJob, InvoiceDue }

// One dated cash movement the inputs already commit to: signed, + in and − out.
public sealed record KnownCashItem(string EntityId, DateOnly Date, decimal Amount, KnownCashKind Kind, string What, string Field);

public sealed record ForecastWeek(int Number, DateOnly Start, DateOnly End, decimal Opening, IReadOnlyList<KnownCashItem> Items)
{
    public decimal In => Items.Where(i => i.Amount > 0).Sum(i => i.Amount);
    public decimal Out => -Items.Where(i => i.Amount < 0).Sum(i => i.Amount);
    public decimal Closing => Opening + In - Out;
}

// The 13-week direct cash forecast: only movements the inputs already commit to (recurring fixed costs, loan payments,
// recurring owner draws, rent under lease, deposit refunds at lease end, scheduled delivery jobs with a date, open
// invoices not yet due, collected on their due date; overdue ones are not counted, their date is unknown). New
// bookings are not known, so this is the floor an owner plans the quarter's cash against, not a revenue forecast.
public static class DirectCashForecast
{
    public const int Weeks = 13;

    // A monthly line is "recurring" when it appears in each of the last three months.
    public const int RecurringMonths = 3;

    public static string Week(int number, string figure) => $"cfo.forecast13w.week.{number}.{figure}";
    public const string Low = "cfo.forecast13w.low";
    public const string LowHeadroom = "cfo.forecast13w.low.headroom";
    public const string Undated = "cfo.forecast13w.undated-jobs";

    public static DateOnly StartOf(Period period) => period.LastDay.AddDays(1);

    // The inputs carry no payment day for monthly items, so each falls on the 1st of its month.
    public static IReadOnlyList<KnownCashItem> KnownItems(Period period, IReadOnlyList<KpiMonth> kpis)
    {
        var start = StartOf(period);
        var end = start.AddDays(Weeks * 7 - 1);
        var firsts = Enumerable.Range(0, 5).Select(k => period.AddMonths(k + 1).FirstDay).Where(d => d <= end).ToList();
        var items = new List<KnownCashItem>();
        foreach (var current in kpis.Where(k => k.Period == period).OrderBy(k => k.EntityId, StringComparer.Ordinal))
        {
            var id = current.EntityId;
            var recent = kpis.Where(k => k.EntityId == id && k.Period <= period && k.Period > period.AddMonths(-RecurringMonths)).ToList();
            var recurring = recent.Count == RecurringMonths;
            for (var i = 0; i < current.Expenses.Count; i++)
            {
                var line = current.Expenses[i];
                if (!line.Fixed || !recurring || !recent.All(k => k.Expenses.Any(e => e.Fixed && string.Equals(e.Description, line.Description, StringComparison.OrdinalIgnoreCase))))
                {
                    continue;
                }

                var kind = DebtService.Is(line) ? KnownCashKind.DebtService : KnownCashKind.FixedCost;
                items.AddRange(firsts.Select(d => new KnownCashItem(id, d, -line.Amount, kind, line.Description, $"expenses[{i}].amount")));
            }

            if (recurring && recent.All(k => k.OwnerDraws > 0))
            {
                items.AddRange(firsts.Select(d => new KnownCashItem(id, d, -current.OwnerDraws, KnownCashKind.OwnerDraw, "Owner draw", "ownerDraws")));
            }

            AddLeases(current, firsts, start, end, items);
            var clients = current.Portfolio?.Clients ?? [];
            for (var c = 0; c < clients.Count; c++)
            {
                var invoices = clients[c].OpenInvoices ?? [];
                for (var i = 0; i < invoices.Count; i++)
                {
                    if (invoices[i] is { } invoice && invoice.Due >= start && invoice.Due <= end && invoice.Amount > invoice.Paid)
                    {
                        items.Add(new KnownCashItem(id, invoice.Due, invoice.Amount - invoice.Paid, KnownCashKind.InvoiceDue, $"Invoice {invoice.Number} due",
                            $"portfolio.clients[{c}].openInvoices[{i}].amount − paid"));
                    }
                }
            }

            var jobs = current.YachtDelivery?.Jobs ?? [];
            for (var i = 0; i < jobs.Count; i++)
            {
                if (jobs[i] is { Status: DeliveryStatus.Scheduled or DeliveryStatus.Underway, DeliveryDate: { } due } job && due >= start && due <= end)
                {
                    items.Add(new KnownCashItem(id, due, job.Quote, KnownCashKind.DeliveryJob, $"Delivery {job.Id} paid on completion", $"yachtDelivery.jobs[{i}].quote"));
                }
            }
        }

        return items.OrderBy(i => i.Date).ThenBy(i => i.EntityId, StringComparer.Ordinal).ThenBy(i => i.Kind).ToList();
    }

    // Rent arrives on the 1st while the lease runs; no renewal is assumed. At lease end the tenant's share of the
    // security deposits held (pro rata to rent, the inputs hold one balance per property) is refunded.
    private static void AddLeases(KpiMonth month, IReadOnlyList<DateOnly> firsts, DateOnly start, DateOnly end, List<KnownCashItem> items)
    {
        var units = month.Rental?.Units.Where(u => u.Occupied).ToList() ?? [];
        var rentRoll = units.Sum(u => u.Rent);
        for (var i = 0; i < units.Count; i++)
        {
            var unit = units[i];
            var at = month.Rental!.Units.ToList().IndexOf(unit);
            items.AddRange(firsts.Where(d => unit.LeaseEnd is not { } leaseEnd || d <= leaseEnd)
                .Select(d => new KnownCashItem(month.EntityId, d, unit.Rent, KnownCashKind.Rent, $"Rent: {unit.Name}", $"rental.units[{at}].rent")));
            if (unit.LeaseEnd is { } ends && ends >= start && ends <= end && rentRoll > 0 && month.SecurityDeposits > 0)
            {
                items.Add(new KnownCashItem(month.EntityId, ends, -Math.Round(month.SecurityDeposits * unit.Rent / rentRoll, 2), KnownCashKind.DepositRefund,
                    $"Security deposit refund at lease end: {unit.Name}", $"securityDeposits × rental.units[{at}].rent ÷ rent roll"));
            }
        }
    }

    public static IReadOnlyList<ForecastWeek> Project(Period period, decimal opening, IReadOnlyList<KnownCashItem> items)
    {
        var weeks = new List<ForecastWeek>();
        var start = StartOf(period);
        for (var n = 1; n <= Weeks; n++)
        {
            var from = start.AddDays((n - 1) * 7);
            var to = from.AddDays(6);
            var week = new ForecastWeek(n, from, to, opening, items.Where(i => i.Date >= from && i.Date <= to).ToList());
            weeks.Add(week);
            opening = week.Closing;
        }

        return weeks;
    }

    public static IReadOnlyList<ForecastWeek> AddTo(Period period, IReadOnlyList<KpiMonth> kpis, Metric cash, decimal minimumCash, MetricBook book)
    {
        var p = period.ToString();
        Metric Add(string id, string label, decimal? value, string formula, IEnumerable<MetricInput> inputs, string? special = null, Favourable? better = null) =>
            book.Add(new Metric
            {
                Id = id, Label = label, Value = value, Unit = MetricUnit.Usd, Period = p, Formula = formula, Inputs = inputs.ToList(),
                Kind = MetricKind.Forecast, Special = special, Better = better,
            });

        if (cash.Value is not { } openingCash)
        {
            Add(Low, "Lowest week-end cash, 13-week direct forecast", null, "lowest closing cash of the 13 weeks", [], special: cash.Display);
            Add(LowHeadroom, "Lowest week-end cash above the minimum", null, "lowest closing cash − minimum cash", [], special: cash.Display);
            return [];
        }

        var items = KnownItems(period, kpis);
        var weeks = Project(period, openingCash, items);
        MetricInput Source(KnownCashItem i) => MetricInput.Kpi(i.EntityId, $"{i.Field} ({i.What}, {i.Date:yyyy-MM-dd})", p, MetricFormat.Money(i.Amount));

        // A week with nothing known still says where it looked.
        IEnumerable<MetricInput> Sources(ForecastWeek w, IEnumerable<KnownCashItem> items) =>
            items.Any() ? items.Select(Source) : [new MetricInput("forecast", $"known items dated {w.Start:yyyy-MM-dd} to {w.End:yyyy-MM-dd}", p, "none")];
        Metric? previous = null;
        var closings = new List<Metric>();
        foreach (var w in weeks)
        {
            var span = $"{w.Start:yyyy-MM-dd} to {w.End:yyyy-MM-dd}";
            var opening = Add(Week(w.Number, "opening"), $"Opening cash, week {w.Number} ({span})", w.Opening,
                w.Number == 1 ? $"cash on hand at the end of {p}" : $"closing cash of week {w.Number - 1}", [MetricInput.Of(previous ?? cash)]);
            var cashIn = Add(Week(w.Number, "in"), $"Known cash in, week {w.Number}", w.In, "Σ known receipts dated in the week (rent under lease, scheduled delivery jobs, open invoices falling due)",
                Sources(w, w.Items.Where(i => i.Amount > 0)));
            var cashOut = Add(Week(w.Number, "out"), $"Known cash out, week {w.Number}", w.Out,
                "Σ known payments dated in the week (recurring fixed costs, loan and mortgage payments, recurring owner draws, deposit refunds)",
                Sources(w, w.Items.Where(i => i.Amount < 0)));
            previous = Add(Week(w.Number, "closing"), $"Closing cash, week {w.Number} ({span})", w.Closing, "opening + known cash in − known cash out",
                [MetricInput.Of(opening), MetricInput.Of(cashIn), MetricInput.Of(cashOut)], better: Favourable.Higher);
            closings.Add(previous);
        }

        var low = closings.OrderBy(c => c.Value).First();
        var lowWeek = closings.IndexOf(low) + 1;
        var lowest = Add(Low, $"Lowest week-end cash, 13-week direct forecast (week {lowWeek})", low.Value, "lowest closing cash of the 13 weeks",
            [MetricInput.Of(low)], better: Favourable.Higher);
        Add(LowHeadroom, "Lowest week-end cash above the minimum", lowest.Value - minimumCash, "lowest closing cash − minimum cash (negative: below the minimum)",
            [MetricInput.Of(lowest), new MetricInput("config", "Finance:MinimumCash", null, MetricFormat.Money(minimumCash))], better: Favourable.Higher);

        var undated = kpis.Where(k => k.Period == period)
            .SelectMany(k => (k.YachtDelivery?.Jobs ?? []).Select((j, i) => (Month: k, Job: j, Index: i)))
            .Where(x => x.Job.Status is DeliveryStatus.Scheduled or DeliveryStatus.Underway && x.Job.DeliveryDate is null).ToList();
        Add(Undated, "Scheduled delivery jobs with no delivery date (not counted)", undated.Sum(x => x.Job.Quote),
            "Σ quote of scheduled or underway jobs without yachtDelivery.jobs[].deliveryDate",
            undated.Count == 0 ? [new MetricInput("forecast", "scheduled or underway yachtDelivery.jobs[] without a deliveryDate", p, "none")]
                : undated.Select(x => MetricInput.Kpi(x.Month.EntityId, $"yachtDelivery.jobs[{x.Index}].quote", p, MetricFormat.Money(x.Job.Quote))));
        return weeks;
    }
}
