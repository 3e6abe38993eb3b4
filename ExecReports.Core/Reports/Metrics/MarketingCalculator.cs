using System.Globalization;
using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reports.Finance;
using Microsoft.Extensions.Options;

namespace ExecReports.Core.Reports.Metrics;

// A figure of a channel row, an email blast or an OTA option: the last part of its metric id, as a handle the
// compiler checks instead of a string a typo would turn into a missing metric at run time.
public sealed class CmoFigure
{
    private CmoFigure(string part) => Part = part;

    public string Part { get; }

    public static readonly CmoFigure Visits = new("visits");
    public static readonly CmoFigure Inquiries = new("inquiries");
    public static readonly CmoFigure Bookings = new("bookings");
    public static readonly CmoFigure Revenue = new("revenue");
    public static readonly CmoFigure CommissionRate = new("commission-rate");
    public static readonly CmoFigure TakeRate = new("take-rate");
    public static readonly CmoFigure NetRevenue = new("net-revenue");
    public static readonly CmoFigure Sent = new("sent");
    public static readonly CmoFigure Cost = new("cost");
    public static readonly CmoFigure OpenRate = new("open-rate");
    public static readonly CmoFigure ClickRate = new("click-rate");
    public static readonly CmoFigure Roi = new("roi");
    public static readonly CmoFigure CostPerBooking = new("cost-per-booking");
    public static readonly CmoFigure NetPerBooking = new("net-per-booking");

    public override string ToString() => Part;
}

// One entity × channel cell: from the catalog's channel plan, the month's KPI channel row, or both.
public sealed record ChannelRow(string EntityId, string Channel, bool InPlan, ChannelMetrics? Kpi, int KpiIndex)
{
    public string Id(CmoFigure figure) => MarketingCalculator.ChannelId(EntityId, Channel, figure);
}

public sealed record CommissionSource(decimal Rate, MetricInput Input, string Basis);

public sealed record BlastRow(string EntityId, Period Period, int Number, EmailBlast Blast)
{
    public string Channel => string.IsNullOrWhiteSpace(Blast.Channel) ? "email" : Blast.Channel;
    public string Id(CmoFigure figure) => $"cmo.email.{EntityId}.{Period}.{Number}.{figure.Part}";
}

public enum OtaStage { Live, ListedNotLive, NotListed }

public sealed record OtaOption(string EntityId, string Channel, OtaStage Stage, bool InPlan, decimal Rate, decimal? NetPerBooking)
{
    public string Id(CmoFigure figure) => MarketingCalculator.OtaId(EntityId, Channel, figure);
}

// Channel reach and take rates, email blast ROI against a benchmark, and the OTA listing order.
public sealed class MarketingCalculator(IOptions<MarketingOptions> options, OtaFeeSchedule schedule) : MetricCalculator
{
    public override int Order => 30;

    public const int BlastHistoryMonths = 12;
    public const string AttributionWindow = "cmo.email.attribution-window";
    public const string BenchmarkOpenRate = "cmo.email.benchmark.open-rate";
    public const string BenchmarkClickRate = "cmo.email.benchmark.click-rate";
    public const string NoisyThreshold = "cmo.email.noisy-threshold";

    public static string ChannelId(string entityId, string channel, CmoFigure figure) => $"cmo.channel.{entityId}.{Slugs.Of(channel)}.{figure.Part}";
    public static string EmailChannelId(string channel, CmoFigure figure) => $"cmo.email.channel.{Slugs.Of(channel)}.{figure.Part}";
    public static string OtaId(string entityId, string channel, CmoFigure figure) => $"cmo.ota.{entityId}.{Slugs.Of(channel)}.{figure.Part}";

    private static string Pct(decimal rate) => MetricFormat.Format(rate, MetricUnit.Percent);

    // (attributed revenue − cost) ÷ cost; no cost is "∞" when something was earned and n/a when nothing was.
    public static (decimal? Value, string? Special) Roi(decimal revenue, decimal cost) =>
        cost > 0 ? ((revenue - cost) / cost, null) : revenue > 0 ? (null, "∞ (no cost recorded)") : (null, "n/a: no cost and no revenue");

    public static (decimal? Value, string? Special) CostPerBooking(decimal cost, int bookings) =>
        bookings > 0 ? (cost / bookings, null) : (null, "n/a: no bookings");

    public static (decimal? Value, string? Special) Rate(int part, int whole) =>
        whole > 0 ? ((decimal)part / whole, null) : (null, "n/a: nothing sent");

    public static IReadOnlyList<ChannelRow> ChannelRows(ReportInputs inputs)
    {
        var rows = new List<ChannelRow>();
        var entityIds = inputs.Catalog.Entities.Select(e => e.Id)
            .Concat(inputs.Kpis.Where(k => k.Period == inputs.Period).Select(k => k.EntityId))
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal);
        foreach (var entityId in entityIds)
        {
            var plan = inputs.Catalog.ById(entityId)?.Channels ?? [];
            var kpi = inputs.Kpis.FirstOrDefault(k => k.Period == inputs.Period && string.Equals(k.EntityId, entityId, StringComparison.OrdinalIgnoreCase));
            var names = plan.Concat((kpi?.Channels ?? []).Select(c => c.Channel).Order(StringComparer.Ordinal)).Distinct(StringComparer.OrdinalIgnoreCase);
            foreach (var name in names)
            {
                var index = kpi is null ? -1 : kpi.Channels.ToList().FindIndex(c => string.Equals(c.Channel, name, StringComparison.OrdinalIgnoreCase));
                rows.Add(new ChannelRow(entityId, name, plan.Contains(name, StringComparer.OrdinalIgnoreCase), index >= 0 ? kpi!.Channels[index] : null, index));
            }
        }

        return rows;
    }

    // The KPI month's own rate wins over the fee schedule: it is what this business actually agreed.
    public static CommissionSource Commission(string entityId, string channel, ChannelMetrics? kpi, int kpiIndex, OtaFeeSchedule schedule, Period period)
    {
        if (kpi?.CommissionRate is { } own)
        {
            return new CommissionSource(own, MetricInput.Kpi(entityId, $"channels[{kpiIndex}].commissionRate", period.ToString(), Pct(own)),
                "KPI rate, overrides the fee schedule");
        }

        if (schedule.InForce(channel, period) is { } fee)
        {
            return new CommissionSource(fee.CommissionRate,
                new MetricInput("config", $"Ota:Fees[{fee.Channel}, from {fee.EffectiveFrom}].CommissionRate", null, $"{Pct(fee.CommissionRate)} ({fee.Note})"),
                $"fee schedule from {fee.EffectiveFrom}");
        }

        return new CommissionSource(0m, new MetricInput("config", "Ota:Fees", null, $"no entry for {channel} in force by {period.LastDay:yyyy-MM-dd}: no commission"),
            "no commission (not in the fee schedule)");
    }

    public static IReadOnlyList<BlastRow> BlastRows(ReportInputs inputs) => inputs.Kpis
        .Where(k => k.Period <= inputs.Period && k.Period > inputs.Period.AddMonths(-BlastHistoryMonths))
        .OrderByDescending(k => k.Period).ThenBy(k => k.EntityId, StringComparer.Ordinal)
        .SelectMany(k => k.EmailBlasts.Select((b, i) => new BlastRow(k.EntityId, k.Period, i + 1, b)))
        .OrderByDescending(b => b.Blast.Date).ThenBy(b => b.EntityId, StringComparer.Ordinal).ThenBy(b => b.Number)
        .ToList();

    // Businesses that sell trips: any whose channel plan or KPI channels include a marketplace in the fee schedule.
    public static IReadOnlyList<string> TripSellers(ReportInputs inputs, OtaFeeSchedule schedule) => ChannelRows(inputs)
        .Where(r => schedule.Covers(r.Channel) && inputs.Catalog.ById(r.EntityId)?.Kind == Ingestion.EntityKind.Business)
        .Select(r => r.EntityId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    // Scoring rule: already live first (keep), then listed but not live (only activation left), then not listed; within a stage,
    // channels in the entity's plan first, then higher expected net revenue per booking, then lower commission, then name.
    public static IReadOnlyList<OtaOption> Sequence(ReportInputs inputs, OtaFeeSchedule schedule, string entityId)
    {
        var rows = ChannelRows(inputs).Where(r => r.EntityId == entityId).ToList();
        var gross = GrossPerBookingAverage(rows);
        return schedule.Channels.Select(channel =>
            {
                var row = rows.FirstOrDefault(r => string.Equals(r.Channel, channel, StringComparison.OrdinalIgnoreCase));
                var stage = row?.Kpi is { Live: true } ? OtaStage.Live : row?.Kpi is { Listed: true } ? OtaStage.ListedNotLive : OtaStage.NotListed;
                var rate = Commission(entityId, channel, row?.Kpi, row?.KpiIndex ?? -1, schedule, inputs.Period).Rate;
                var perBooking = row?.Kpi is { Bookings: > 0 } own ? own.Revenue / own.Bookings : gross;
                return new OtaOption(entityId, channel, stage, row?.InPlan ?? false, rate, perBooking * (1 - rate));
            })
            .OrderBy(o => o.Stage).ThenByDescending(o => o.InPlan).ThenByDescending(o => o.NetPerBooking ?? decimal.MinValue)
            .ThenBy(o => o.Rate).ThenBy(o => o.Channel, StringComparer.Ordinal)
            .ToList();
    }

    private static decimal? GrossPerBookingAverage(IEnumerable<ChannelRow> rows)
    {
        var withBookings = rows.Where(r => r.Kpi is { Bookings: > 0 }).Select(r => r.Kpi!).ToList();
        return withBookings.Count == 0 ? null : withBookings.Sum(c => c.Revenue) / withBookings.Sum(c => c.Bookings);
    }

    public override void Compute(ReportCalculation calculation)
    {
        var inputs = calculation.Inputs;
        var book = calculation.Book;
        var p = inputs.Period.ToString();
        var o = options.Value;

        AddChannels(inputs, book, p);
        AddConfig(book, p, o);
        AddBlasts(inputs, book, p);
        AddOtas(inputs, book, p);
    }

    private void AddChannels(ReportInputs inputs, MetricBook book, string p)
    {
        var month = inputs.Kpis.Where(k => k.Period == inputs.Period).ToList();
        foreach (var row in ChannelRows(inputs).Where(r => r.Kpi is not null))
        {
            var c = row.Kpi!;
            var source = MetricInput.KpiSource(row.EntityId);
            var at = $"channels[{row.KpiIndex}]";
            MetricInput Field(string field, string value) => new(source, $"{at}.{field}", p, value);

            void Count(CmoFigure figure, string label, int value) => book.Add(new Metric
            {
                Id = row.Id(figure), EntityId = row.EntityId, Label = $"{row.EntityId} {row.Channel} {label}", Value = value, Unit = MetricUnit.Count, Period = p,
                // The KPI field and the figure share a name for these counts.
                Formula = $"{at}.{figure.Part}", Inputs = [Field(figure.Part, value.ToString(CultureInfo.InvariantCulture))], Better = Favourable.Higher,
            });

            Count(CmoFigure.Visits, "visits", c.Visits);
            Count(CmoFigure.Inquiries, "inquiries", c.Inquiries);
            Count(CmoFigure.Bookings, "bookings", c.Bookings);
            var revenueInput = Field("revenue", MetricFormat.Money(c.Revenue));
            book.Add(new Metric
            {
                Id = row.Id(CmoFigure.Revenue), EntityId = row.EntityId, Label = $"{row.EntityId} {row.Channel} revenue (gross)", Value = c.Revenue, Unit = MetricUnit.Usd, Period = p,
                Formula = $"{at}.revenue", Inputs = [revenueInput], Better = Favourable.Higher,
            });

            var commission = Commission(row.EntityId, row.Channel, c, row.KpiIndex, schedule, inputs.Period);
            book.Add(new Metric
            {
                Id = row.Id(CmoFigure.CommissionRate), EntityId = row.EntityId, Label = $"{row.EntityId} {row.Channel} commission rate ({commission.Basis})", Value = commission.Rate,
                Unit = MetricUnit.Percent, Period = p, Kind = c.CommissionRate is null ? MetricKind.Assumption : MetricKind.Actual,
                Formula = commission.Basis, Inputs = [commission.Input], Better = Favourable.Lower,
            });

            // Commission actually deducted from this channel's payouts, when the revenue lines record it.
            var entityMonth = month.First(k => string.Equals(k.EntityId, row.EntityId, StringComparison.OrdinalIgnoreCase));
            var paid = entityMonth.Revenue.Select((r, i) => (Line: r, Index: i))
                .Where(x => x.Line.Commission is not null && string.Equals(x.Line.Channel, row.Channel, StringComparison.OrdinalIgnoreCase)).ToList();
            decimal take;
            string formula;
            List<MetricInput> takeInputs;
            if (paid.Count > 0 && c.Revenue > 0)
            {
                take = paid.Sum(x => x.Line.Commission!.Value) / c.Revenue;
                formula = "commission recorded on this channel's revenue lines ÷ channel revenue (gross)";
                takeInputs = [.. paid.Select(x => new MetricInput(source, $"revenue[{x.Index}].commission", p, MetricFormat.Money(x.Line.Commission!.Value))), revenueInput];
            }
            else
            {
                take = commission.Rate;
                formula = $"no commission recorded on revenue lines: the commission rate ({commission.Basis})";
                takeInputs = [commission.Input];
            }

            book.Add(new Metric
            {
                Id = row.Id(CmoFigure.TakeRate), EntityId = row.EntityId, Label = $"{row.EntityId} {row.Channel} effective take rate", Value = take, Unit = MetricUnit.Percent, Period = p,
                Formula = formula, Inputs = takeInputs, Better = Favourable.Lower,
            });
            book.Add(new Metric
            {
                Id = row.Id(CmoFigure.NetRevenue), EntityId = row.EntityId, Label = $"{row.EntityId} {row.Channel} revenue after commission", Value = c.Revenue * (1 - take),
                Unit = MetricUnit.Usd, Period = p, Formula = "channel revenue × (1 − effective take rate)",
                Inputs = [revenueInput, MetricInput.OfMetric(row.Id(CmoFigure.TakeRate), "effective take rate", p, Pct(take))], Better = Favourable.Higher,
            });
        }
    }

    private static void AddConfig(MetricBook book, string p, MarketingOptions o)
    {
        book.Add(new Metric
        {
            Id = AttributionWindow, Label = "Email attribution window", Value = o.AttributionWindowDays, Unit = MetricUnit.Days, Period = p,
            Kind = MetricKind.Assumption, Formula = "configured", Inputs = [new("config", "Marketing:AttributionWindowDays", null, o.AttributionWindowDays.ToString(CultureInfo.InvariantCulture))],
        });
        book.Add(new Metric
        {
            Id = BenchmarkOpenRate, Label = $"Benchmark open rate ({o.BenchmarkName})", Value = o.BenchmarkOpenRate, Unit = MetricUnit.Percent, Period = p,
            Kind = MetricKind.Assumption, Formula = "configured", Inputs = [new("config", "Marketing:BenchmarkOpenRate", null, Pct(o.BenchmarkOpenRate))],
        });
        book.Add(new Metric
        {
            Id = BenchmarkClickRate, Label = $"Benchmark click rate ({o.BenchmarkName})", Value = o.BenchmarkClickRate, Unit = MetricUnit.Percent, Period = p,
            Kind = MetricKind.Assumption, Formula = "configured", Inputs = [new("config", "Marketing:BenchmarkClickRate", null, Pct(o.BenchmarkClickRate))],
        });
        book.Add(new Metric
        {
            Id = NoisyThreshold, Label = "Smallest list whose rates are judged", Value = o.NoisyListThreshold, Unit = MetricUnit.Count, Period = p,
            Kind = MetricKind.Assumption, Formula = "configured", Inputs = [new("config", "Marketing:NoisyListThreshold", null, o.NoisyListThreshold.ToString(CultureInfo.InvariantCulture))],
        });
    }

    private static void AddBlasts(ReportInputs inputs, MetricBook book, string p)
    {
        var blasts = BlastRows(inputs);
        foreach (var row in blasts)
        {
            var b = row.Blast;
            var source = MetricInput.KpiSource(row.EntityId);
            var month = row.Period.ToString();
            var at = $"emailBlasts[{row.Number - 1}]";
            MetricInput Field(string field, string value) => new(source, $"{at}.{field}", month, value);
            var label = $"{row.EntityId} \"{b.Name}\" ({b.Date:yyyy-MM-dd})";
            var sent = Field("sent", b.Sent.ToString(CultureInfo.InvariantCulture));
            var revenue = Field("revenue", MetricFormat.Money(b.Revenue));
            var cost = Field("cost", MetricFormat.Money(b.Cost));
            var bookings = Field("bookings", b.Bookings.ToString(CultureInfo.InvariantCulture));

            book.Add(new Metric { Id = row.Id(CmoFigure.Sent), EntityId = row.EntityId, Label = $"{label} recipients", Value = b.Sent, Unit = MetricUnit.Count, Period = p, Formula = $"{at}.sent", Inputs = [sent] });
            book.Add(new Metric { Id = row.Id(CmoFigure.Bookings), EntityId = row.EntityId, Label = $"{label} bookings", Value = b.Bookings, Unit = MetricUnit.Count, Period = p, Formula = $"{at}.bookings", Inputs = [bookings], Better = Favourable.Higher });
            book.Add(new Metric { Id = row.Id(CmoFigure.Revenue), EntityId = row.EntityId, Label = $"{label} attributed revenue", Value = b.Revenue, Unit = MetricUnit.Usd, Period = p, Formula = $"{at}.revenue", Inputs = [revenue], Better = Favourable.Higher });
            book.Add(new Metric { Id = row.Id(CmoFigure.Cost), EntityId = row.EntityId, Label = $"{label} cost", Value = b.Cost, Unit = MetricUnit.Usd, Period = p, Formula = $"{at}.cost", Inputs = [cost], Better = Favourable.Lower });
            var (open, openSpecial) = Rate(b.Opened, b.Sent);
            book.Add(new Metric
            {
                Id = row.Id(CmoFigure.OpenRate), EntityId = row.EntityId, Label = $"{label} open rate", Value = open, Special = openSpecial, Unit = MetricUnit.Percent, Period = p,
                Formula = "opened ÷ sent", Inputs = [Field("opened", b.Opened.ToString(CultureInfo.InvariantCulture)), sent],
            });
            var (click, clickSpecial) = Rate(b.Clicked, b.Sent);
            book.Add(new Metric
            {
                Id = row.Id(CmoFigure.ClickRate), EntityId = row.EntityId, Label = $"{label} click rate", Value = click, Special = clickSpecial, Unit = MetricUnit.Percent, Period = p,
                Formula = "clicked ÷ sent", Inputs = [Field("clicked", b.Clicked.ToString(CultureInfo.InvariantCulture)), sent], Better = Favourable.Higher,
            });
            var (roi, roiSpecial) = Roi(b.Revenue, b.Cost);
            book.Add(new Metric
            {
                Id = row.Id(CmoFigure.Roi), EntityId = row.EntityId, Label = $"{label} ROI", Value = roi, Special = roiSpecial, Unit = MetricUnit.Percent, Period = p,
                Formula = "(attributed revenue − cost) ÷ cost", Inputs = [revenue, cost], Better = Favourable.Higher,
            });
            var (cpb, cpbSpecial) = CostPerBooking(b.Cost, b.Bookings);
            book.Add(new Metric
            {
                Id = row.Id(CmoFigure.CostPerBooking), EntityId = row.EntityId, Label = $"{label} cost per booking", Value = cpb, Special = cpbSpecial, Unit = MetricUnit.Usd, Period = p,
                Formula = "cost ÷ bookings", Inputs = [cost, bookings], Better = Favourable.Lower,
            });
        }

        foreach (var group in blasts.GroupBy(b => Slugs.Of(b.Channel)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var channel = group.First().Channel;
            var list = group.ToList();
            var inputsOf = (CmoFigure figure) => list.Select(b => MetricInput.OfMetric(b.Id(figure), $"{b.EntityId} {b.Blast.Name}", p, figure.Part)).ToList();
            var revenue = list.Sum(b => b.Blast.Revenue);
            var cost = list.Sum(b => b.Blast.Cost);
            var bookings = list.Sum(b => b.Blast.Bookings);
            var what = $"{channel} blasts in the year to {p}";
            book.Add(new Metric { Id = EmailChannelId(channel, CmoFigure.Revenue), Label = $"{what}: attributed revenue", Value = revenue, Unit = MetricUnit.Usd, Period = p, Formula = "sum of attributed revenue", Inputs = inputsOf(CmoFigure.Revenue), Better = Favourable.Higher });
            book.Add(new Metric { Id = EmailChannelId(channel, CmoFigure.Cost), Label = $"{what}: cost", Value = cost, Unit = MetricUnit.Usd, Period = p, Formula = "sum of cost", Inputs = inputsOf(CmoFigure.Cost), Better = Favourable.Lower });
            book.Add(new Metric { Id = EmailChannelId(channel, CmoFigure.Bookings), Label = $"{what}: bookings", Value = bookings, Unit = MetricUnit.Count, Period = p, Formula = "sum of bookings", Inputs = inputsOf(CmoFigure.Bookings), Better = Favourable.Higher });
            var (roi, roiSpecial) = Roi(revenue, cost);
            book.Add(new Metric { Id = EmailChannelId(channel, CmoFigure.Roi), Label = $"{what}: ROI", Value = roi, Special = roiSpecial, Unit = MetricUnit.Percent, Period = p, Formula = "(sum of attributed revenue − sum of cost) ÷ sum of cost", Inputs = [.. inputsOf(CmoFigure.Revenue), .. inputsOf(CmoFigure.Cost)], Better = Favourable.Higher });
            var (cpb, cpbSpecial) = CostPerBooking(cost, bookings);
            book.Add(new Metric { Id = EmailChannelId(channel, CmoFigure.CostPerBooking), Label = $"{what}: cost per booking", Value = cpb, Special = cpbSpecial, Unit = MetricUnit.Usd, Period = p, Formula = "sum of cost ÷ sum of bookings", Inputs = [.. inputsOf(CmoFigure.Cost), .. inputsOf(CmoFigure.Bookings)], Better = Favourable.Lower });
            var (click, clickSpecial) = Rate(list.Sum(b => b.Blast.Clicked), list.Sum(b => b.Blast.Sent));
            book.Add(new Metric { Id = EmailChannelId(channel, CmoFigure.ClickRate), Label = $"{what}: click rate", Value = click, Special = clickSpecial, Unit = MetricUnit.Percent, Period = p, Formula = "sum of clicked ÷ sum of sent", Inputs = inputsOf(CmoFigure.ClickRate), Better = Favourable.Higher });
        }
    }

    private void AddOtas(ReportInputs inputs, MetricBook book, string p)
    {
        foreach (var entityId in TripSellers(inputs, schedule))
        {
            var rows = ChannelRows(inputs).Where(r => r.EntityId == entityId).ToList();
            var withBookings = rows.Where(r => r.Kpi is { Bookings: > 0 }).ToList();
            foreach (var option in Sequence(inputs, schedule, entityId))
            {
                var row = rows.FirstOrDefault(r => string.Equals(r.Channel, option.Channel, StringComparison.OrdinalIgnoreCase));
                var commission = Commission(entityId, option.Channel, row?.Kpi, row?.KpiIndex ?? -1, schedule, inputs.Period);
                book.Add(new Metric
                {
                    Id = option.Id(CmoFigure.CommissionRate), EntityId = entityId, Label = $"{entityId} {option.Channel} commission ({commission.Basis})", Value = commission.Rate,
                    Unit = MetricUnit.Percent, Period = p, Kind = row?.Kpi?.CommissionRate is null ? MetricKind.Assumption : MetricKind.Actual,
                    Formula = commission.Basis, Inputs = [commission.Input], Better = Favourable.Lower,
                });

                List<MetricInput> grossInputs;
                string grossFormula;
                if (row?.Kpi is { Bookings: > 0 } own)
                {
                    grossFormula = "this channel's revenue ÷ its bookings this month";
                    grossInputs =
                    [
                        MetricInput.Kpi(entityId, $"channels[{row.KpiIndex}].revenue", p, MetricFormat.Money(own.Revenue)),
                        MetricInput.Kpi(entityId, $"channels[{row.KpiIndex}].bookings", p, own.Bookings.ToString(CultureInfo.InvariantCulture)),
                    ];
                }
                else
                {
                    grossFormula = "not selling on this channel yet: the entity's revenue ÷ bookings over all channels this month";
                    grossInputs = withBookings.SelectMany(r => new MetricInput[]
                    {
                        MetricInput.Kpi(entityId, $"channels[{r.KpiIndex}].revenue", p, MetricFormat.Money(r.Kpi!.Revenue)),
                        MetricInput.Kpi(entityId, $"channels[{r.KpiIndex}].bookings", p, r.Kpi!.Bookings.ToString(CultureInfo.InvariantCulture)),
                    }).ToList();
                }

                book.Add(new Metric
                {
                    Id = option.Id(CmoFigure.NetPerBooking), EntityId = entityId, Label = $"{entityId} {option.Channel} expected revenue per booking after commission",
                    Value = option.NetPerBooking, Special = option.NetPerBooking is null ? $"n/a: no bookings recorded for {entityId} in {p}" : null,
                    Unit = MetricUnit.Usd, Period = p, Kind = MetricKind.Forecast,
                    Formula = $"({grossFormula}) × (1 − commission rate)", Inputs = [.. grossInputs, commission.Input], Better = Favourable.Higher,
                });
            }
        }
    }
}
