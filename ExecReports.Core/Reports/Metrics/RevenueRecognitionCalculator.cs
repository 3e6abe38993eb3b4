using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;

namespace ExecReports.Core.Reports.Metrics;

// Revenue booked before its service month misstates the months involved. Once the service month has come (it is the
// report period or earlier) the fix is a restatement into the service month; while it is still ahead, the money is a
// customer deposit until then.
public enum EarlyBookingFix { Restate, MoveToDeposits }

// Number is the 1-based revenue line of the booking month.
public sealed record EarlyBooking(string EntityId, Period Booked, int Number, RevenueLine Line, EarlyBookingFix Fix)
{
    public Period ServiceMonth => Period.Of(Line.ServiceDate!.Value);
}

// Revenue booked too early (service after the month) or too small (OTA payouts net of commission), and the deposits
// balance that should be holding the early bookings.
public sealed class RevenueRecognitionCalculator : MetricCalculator
{
    public const int TrailingMonths = 12;

    public override int Order => 20;

    public static string FutureService(string entityId) => $"entity.{entityId}.revrec.future-service";
    public static string FutureServiceTrailing(string entityId) => $"entity.{entityId}.revrec.future-service.t12";

    // One month of the trailing window, for figures tied to an earlier month (an email blast's attributed revenue).
    public static string FutureServiceIn(string entityId, Period month) => $"entity.{entityId}.revrec.future-service.{month}";
    public static string NetOfCommission(string entityId) => $"entity.{entityId}.revrec.net-of-commission";
    public static string OmittedCommission(string entityId) => $"entity.{entityId}.revrec.omitted-commission";

    // Gross OTA revenue of one channel this month: Accounting's "revenue at gross" and the CMO's channel revenue.
    public static string GrossOta(string entityId, string channel) => $"entity.{entityId}.ota.{Slugs.Of(channel)}.gross-revenue";
    public static string ChannelOf(RevenueLine line) => line.Channel ?? line.Stream;

    public static string Restate(string entityId) => $"entity.{entityId}.revrec.restate";
    public static string ToDeposits(string entityId) => $"entity.{entityId}.revrec.to-deposits";
    public static string Restated(string entityId, Period month) => $"entity.{entityId}.revrec.restated.{month}";
    public static string AsBooked(string entityId, Period month) => $"entity.{entityId}.revrec.as-booked.{month}";

    // The months a restatement touches, oldest first (booking months and service months).
    public static IReadOnlyList<Period> RestatedMonths(IEnumerable<EarlyBooking> restate)
    {
        var lines = restate.Where(e => e.Fix == EarlyBookingFix.Restate).ToList();
        return lines.Select(e => e.Booked).Concat(lines.Select(e => e.ServiceMonth)).Distinct().Order().ToList();
    }

    public static bool IsFutureService(RevenueLine line, Period month) => line.ServiceDate is { } date && date > month.LastDay;

    // Every line of the trailing window booked before its service month, with the one fix that applies at this period.
    // Accounting's correcting entries and the CEO's priority both come from this list and the metrics below.
    public static IReadOnlyList<EarlyBooking> EarlyBookings(ReportInputs inputs)
    {
        var period = inputs.Period;
        var from = period.AddMonths(-(TrailingMonths - 1));
        return inputs.Kpis.Where(k => k.Period >= from && k.Period <= period)
            .OrderBy(k => k.EntityId, StringComparer.Ordinal).ThenBy(k => k.Period)
            .SelectMany(k => k.Revenue.Select((line, i) => (Month: k, Line: line, Number: i + 1)))
            .Where(x => IsFutureService(x.Line, x.Month.Period))
            .Select(x => new EarlyBooking(x.Month.EntityId, x.Month.Period, x.Number, x.Line,
                Period.Of(x.Line.ServiceDate!.Value) <= period ? EarlyBookingFix.Restate : EarlyBookingFix.MoveToDeposits))
            .ToList();
    }

    // The one sentence both the CEO and the Accounting report print; null when nothing was booked early.
    public static string? Finding(MetricBook book, string entityId, string entityName, Func<Metric, string> quote)
    {
        var restate = book.Find(Restate(entityId));
        var deposits = book.Find(ToDeposits(entityId));
        var parts = new List<string>();
        if (restate is { Value: > 0 })
        {
            parts.Add($"{quote(restate)} was booked before its service month and the service has happened, so restate the months involved "
                + "(move the revenue from the booking month to the service month); it is not a customer deposit any more");
        }

        if (deposits is { Value: > 0 })
        {
            parts.Add($"{quote(deposits)} is booked for services still to come, so move it to customer deposits (deferred revenue) until the service month");
        }

        return parts.Count == 0 ? null : $"{Rendering.MarkdownText.Escape(entityName)}: {string.Join("; ", parts)}.";
    }

    public override void Compute(ReportCalculation calculation)
    {
        var period = calculation.Inputs.Period;
        var p = period.ToString();
        var book = calculation.Book;
        var from = period.AddMonths(-(TrailingMonths - 1));
        var early = EarlyBookings(calculation.Inputs);
        foreach (var m in calculation.Inputs.Kpis.Where(k => k.Period == period).OrderBy(k => k.EntityId, StringComparer.Ordinal))
        {
            var id = m.EntityId;
            MetricInput Line(KpiMonth month, RevenueLine line, string field, string value) =>
                MetricInput.Kpi(id, $"revenue[{line.Stream}{(line.Channel is null ? "" : " / " + line.Channel)}].{field}", month.Period.ToString(), value);

            var future = m.Revenue.Where(r => IsFutureService(r, period)).ToList();
            book.Add(new Metric
            {
                Id = FutureService(id), EntityId = id, Label = $"{id} revenue booked for services after {p}", Value = future.Sum(r => r.Amount), Unit = MetricUnit.Usd,
                Period = p, Formula = "Σ revenue[].amount where serviceDate is after the period end (should be a customer deposit)",
                Inputs = future.Select(r => Line(m, r, "amount", MetricFormat.Money(r.Amount))).ToList(), Better = Favourable.Lower,
            });

            var history = calculation.Inputs.Kpis
                .Where(k => string.Equals(k.EntityId, id, StringComparison.OrdinalIgnoreCase) && k.Period >= from && k.Period <= period)
                .OrderBy(k => k.Period).ToList();
            var mine = early.Where(e => e.EntityId == id).ToList();
            MetricInput Booking(EarlyBooking e) => MetricInput.Kpi(id, $"revenue[{e.Number - 1}].amount", e.Booked.ToString(), MetricFormat.Money(e.Line.Amount));
            var earlyLines = history.SelectMany(h => h.Revenue.Where(r => IsFutureService(r, h.Period)).Select(r => (Month: h, Line: r))).ToList();
            foreach (var h in history.Where(h => h.Period != period))
            {
                var lines = earlyLines.Where(x => x.Month == h).ToList();
                book.Add(new Metric
                {
                    Id = FutureServiceIn(id, h.Period), EntityId = id, Label = $"{id} revenue booked in {h.Period} for services after {h.Period}", Value = lines.Sum(x => x.Line.Amount),
                    Unit = MetricUnit.Usd, Period = p, Formula = "Σ revenue[].amount of that month where serviceDate is after that month's end",
                    Inputs = lines.Select(x => Line(x.Month, x.Line, "amount", MetricFormat.Money(x.Line.Amount))).ToList(), Better = Favourable.Lower,
                });
            }

            book.Add(new Metric
            {
                Id = FutureServiceTrailing(id), EntityId = id, Label = $"{id} revenue booked before the service month, {from}–{p}",
                Value = mine.Sum(x => x.Line.Amount), Unit = MetricUnit.Usd, Period = p,
                Formula = $"Σ over the last {TrailingMonths} months of revenue[].amount where serviceDate is after that month's end",
                Inputs = mine.Select(Booking).ToList(), Better = Favourable.Lower,
            });
            foreach (var (fix, metricId, label, formula) in new[]
            {
                (EarlyBookingFix.Restate, Restate(id), $"{id} revenue to restate into its service month", $"Σ early-booked revenue[].amount whose service month is {p} or earlier (the service has happened)"),
                (EarlyBookingFix.MoveToDeposits, ToDeposits(id), $"{id} revenue to move to customer deposits", $"Σ early-booked revenue[].amount whose service month is after {p} (still to be delivered)"),
            })
            {
                var lines = mine.Where(e => e.Fix == fix).ToList();
                book.Add(new Metric
                {
                    Id = metricId, EntityId = id, Label = label, Value = lines.Sum(e => e.Line.Amount), Unit = MetricUnit.Usd, Period = p, Formula = formula,
                    Inputs = lines.Select(Booking).ToList(), Better = Favourable.Lower,
                });
            }

            AddRestatedMonths(book, id, p, history, mine.Where(e => e.Fix == EarlyBookingFix.Restate).ToList());

            var net = m.Revenue.Where(r => r.BookedNetOfCommission).ToList();
            book.Add(new Metric
            {
                Id = NetOfCommission(id), EntityId = id, Label = $"{id} revenue booked net of OTA commission", Value = net.Sum(r => r.Amount), Unit = MetricUnit.Usd,
                Period = p, Formula = "Σ revenue[].amount where bookedNetOfCommission", Better = Favourable.Lower,
                Inputs = net.Select(r => Line(m, r, "amount", MetricFormat.Money(r.Amount))).ToList(),
            });
            var unknownCommission = net.Count(r => r.Commission is null);
            book.Add(new Metric
            {
                Id = OmittedCommission(id), EntityId = id, Label = $"{id} OTA commission missing from revenue and expenses", Value = net.Sum(r => r.Commission ?? 0m),
                Unit = MetricUnit.Usd, Period = p, Formula = "Σ revenue[].commission where bookedNetOfCommission (gross = amount + commission)",
                Inputs = net.Select(r => Line(m, r, "commission", r.Commission is { } c ? MetricFormat.Money(c) : "missing")).ToList(), Better = Favourable.Lower,
                Special = unknownCommission > 0 ? $"understated: commission not recorded on {unknownCommission} line(s)" : null,
            });

            // The one calculation of gross OTA revenue: a payout booked net plus the commission the marketplace kept.
            foreach (var channel in net.GroupBy(ChannelOf, StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var missing = channel.Count(r => r.Commission is null);
                book.Add(new Metric
                {
                    Id = GrossOta(id, channel.Key), EntityId = id, Label = $"{id} {channel.Key} revenue at gross", Unit = MetricUnit.Usd, Period = p,
                    Value = missing > 0 ? null : channel.Sum(r => r.Amount + r.Commission!.Value),
                    Formula = "Σ revenue[].amount + revenue[].commission over the channel's payouts booked net of commission",
                    Inputs = channel.SelectMany(r => new[]
                    {
                        Line(m, r, "amount", MetricFormat.Money(r.Amount)),
                        Line(m, r, "commission", r.Commission is { } c ? MetricFormat.Money(c) : "not recorded"),
                    }).ToList(),
                    Better = Favourable.Higher, Special = missing > 0 ? "n/a: commission not recorded" : null,
                });
            }
        }
    }

    // Revenue of each month the restatement touches, as booked and moved: the booking month loses the line, the service
    // month gains it.
    private static void AddRestatedMonths(MetricBook book, string id, string p, IReadOnlyList<KpiMonth> history, IReadOnlyList<EarlyBooking> restate)
    {
        foreach (var month in RestatedMonths(restate))
        {
            var booked = history.FirstOrDefault(h => h.Period == month)?.RevenueBooked ?? 0m;
            var asBooked = book.Add(new Metric
            {
                Id = AsBooked(id, month), EntityId = id, Label = $"{id} revenue booked {month}, as booked", Unit = MetricUnit.Usd, Period = p, Value = booked,
                Formula = $"Σ revenue[].amount of {month}", Inputs = [MetricInput.Kpi(id, "Σ revenue[].amount", month.ToString(), MetricFormat.Money(booked))],
            });
            var outOf = restate.Where(e => e.Booked == month).ToList();
            var into = restate.Where(e => e.ServiceMonth == month).ToList();
            book.Add(new Metric
            {
                Id = Restated(id, month), EntityId = id, Label = $"{id} revenue booked {month}, restated", Unit = MetricUnit.Usd, Period = p,
                Value = booked - outOf.Sum(e => e.Line.Amount) + into.Sum(e => e.Line.Amount),
                Formula = $"revenue booked in {month} − early bookings moved out to their service month + early bookings whose service was in {month}",
                Inputs = outOf.Concat(into).Select(e => MetricInput.Kpi(id, $"revenue[{e.Number - 1}].amount", e.Booked.ToString(), MetricFormat.Money(e.Line.Amount)))
                    .Prepend(MetricInput.Of(asBooked)).ToList(),
            });
        }
    }
}
