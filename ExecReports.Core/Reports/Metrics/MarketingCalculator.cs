using System.Globalization;
using System.Text.RegularExpressions;
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
    public static readonly CmoFigure RecognisedRevenue = new("recognised-revenue");
    public static readonly CmoFigure LoadedCost = new("loaded-cost");
    public static readonly CmoFigure LoadedRoi = new("loaded-roi");
    public static readonly CmoFigure Spend = new("spend");
    public static readonly CmoFigure Cac = new("cac");
    public static readonly CmoFigure Roas = new("roas");
    public static readonly CmoFigure Fit = new("fit");
    public static readonly CmoFigure LeadDays = new("lead-days");
    public static readonly CmoFigure Overlap = new("overlap");

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
    // Words of the entity's catalog description the marketplace's buyers look for; empty when nothing fits.
    public IReadOnlyList<string> FitWords { get; init; } = [];

    public MarketplaceProfile? Profile { get; init; }

    // Channels already live for the entity that sell the same thing: a listing here competes with them for the same buyer.
    public IReadOnlyList<string> Overlaps { get; init; } = [];

    public string Id(CmoFigure figure) => MarketingCalculator.OtaId(EntityId, Channel, figure);
}

// A marketing expense that buys ads, grouped by its description, with the KPI channel row that tracks its conversions (if any).
public sealed record PaidRow(string EntityId, string Channel, IReadOnlyList<(ExpenseLine Line, int Index)> Lines, ChannelMetrics? Tracked, int TrackedIndex)
{
    public string Id(CmoFigure figure) => MarketingCalculator.PaidId(EntityId, Channel, figure);
}

public enum ChannelNameMatch { NearMiss, CatalogOnly, InputsOnly }

// A channel the catalog's channel plan and the KPI inputs do not spell the same way.
public sealed record ChannelNameMismatch(string EntityId, ChannelNameMatch Match, IReadOnlyList<string> Catalog, IReadOnlyList<string> Inputs);

// Channel reach and take rates, email blast ROI against a benchmark, and the OTA listing order.
public sealed partial class MarketingCalculator(IOptions<MarketingOptions> options, OtaFeeSchedule schedule) : MetricCalculator
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
    public static string PaidId(string entityId, string channel, CmoFigure figure) => $"cmo.paid.{entityId}.{Slugs.Of(channel)}.{figure.Part}";
    public static string EmailMonthId(string entityId, CmoFigure figure) => $"cmo.paid.{entityId}.email-blasts.{figure.Part}";
    public static string DirectShare(string entityId) => $"cmo.ota.{entityId}.direct-share";

    // What a report quotes for a channel's gross revenue: the gross OTA revenue Accounting quotes too when the payouts
    // were booked net, else the channel row's own figure.
    public static string RevenueId(ChannelRow row, MetricBook book) =>
        book.Find(RevenueRecognitionCalculator.GrossOta(row.EntityId, row.Channel)) is { Value: not null } gross ? gross.Id : row.Id(CmoFigure.Revenue);
    public static string UnmatchedChannelNames(string entityId) => $"cmo.channel-names.{entityId}.unmatched";
    public const string ProductionCost = "cmo.email.production-cost";
    public const string ConversionTrackingMissing = "conversion tracking missing";

    // A channel sold by the business itself: bookings here pay no marketplace commission.
    public static bool IsDirect(string channel) => channel.StartsWith("direct", StringComparison.OrdinalIgnoreCase) || channel.Equals("email", StringComparison.OrdinalIgnoreCase);

    // CAC = spend ÷ attributed bookings; ROAS = attributed revenue ÷ spend. Untracked spend has neither.
    public static (decimal? Value, string? Special) Cac(decimal spend, int? bookings) =>
        bookings is null ? (null, ConversionTrackingMissing) : bookings > 0 ? (spend / bookings.Value, null) : (null, "n/a: no attributed bookings");

    public static (decimal? Value, string? Special) Roas(decimal revenue, decimal spend, bool tracked) =>
        !tracked ? (null, ConversionTrackingMissing) : spend > 0 ? (revenue / spend, null) : (null, "n/a: no spend");

    public static IReadOnlyList<PaidRow> PaidRows(ReportInputs inputs) => inputs.Kpis
        .Where(k => k.Period == inputs.Period).OrderBy(k => k.EntityId, StringComparer.Ordinal)
        .SelectMany(k => k.Expenses.Select((e, i) => (Line: e, Index: i))
            .Where(x => string.Equals(x.Line.Category, "Marketing", StringComparison.OrdinalIgnoreCase) && Ads().IsMatch($"{x.Line.Description} {x.Line.Vendor}"))
            .GroupBy(x => x.Line.Description.Trim(), StringComparer.OrdinalIgnoreCase)
            .Select(g =>
            {
                var index = k.Channels.ToList().FindIndex(c => Slugs.Of(c.Channel) == Slugs.Of(g.Key));
                return new PaidRow(k.EntityId, g.First().Line.Description.Trim(), g.ToList(), index >= 0 ? k.Channels[index] : null, index);
            }))
        .ToList();

    // Names match when equal ignoring case; a near miss is the same slug, one slug extending the other ("direct web" and
    // "direct web (mobile)") or two edits apart. A channel counts as used when a KPI channel row or a blast of the last year names it.
    public static IReadOnlyList<ChannelNameMismatch> ChannelNames(ReportInputs inputs)
    {
        var mismatches = new List<ChannelNameMismatch>();
        foreach (var month in inputs.Kpis.Where(k => k.Period == inputs.Period && k.Channels.Count > 0).OrderBy(k => k.EntityId, StringComparer.Ordinal))
        {
            if (inputs.Catalog.ById(month.EntityId) is not { } entity)
            {
                continue;
            }

            var used = month.Channels.Select(c => c.Channel)
                .Concat(BlastRows(inputs).Where(b => string.Equals(b.EntityId, month.EntityId, StringComparison.OrdinalIgnoreCase)).Select(b => b.Channel))
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var catalogOnly = entity.Channels.Where(c => !used.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
            var inputsOnly = used.Where(c => !entity.Channels.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
            foreach (var planned in catalogOnly.ToList())
            {
                var near = inputsOnly.Where(i => NearMiss(planned, i)).ToList();
                if (near.Count > 0)
                {
                    mismatches.Add(new(month.EntityId, ChannelNameMatch.NearMiss, [planned], near));
                    catalogOnly.Remove(planned);
                    inputsOnly.RemoveAll(near.Contains);
                }
            }

            if (catalogOnly.Count > 0)
            {
                mismatches.Add(new(month.EntityId, ChannelNameMatch.CatalogOnly, catalogOnly, []));
            }

            if (inputsOnly.Count > 0)
            {
                mismatches.Add(new(month.EntityId, ChannelNameMatch.InputsOnly, [], inputsOnly));
            }
        }

        return mismatches;
    }

    public static bool NearMiss(string a, string b)
    {
        var (x, y) = (Slugs.Of(a), Slugs.Of(b));
        return x == y || x.StartsWith(y + "-", StringComparison.Ordinal) || y.StartsWith(x + "-", StringComparison.Ordinal) || Edits(x, y) <= 2;
    }

    private static int Edits(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }

    // The marketplace's fit words found in the entity's catalog description (whole words, case-insensitive).
    public static IReadOnlyList<string> FitWords(string description, MarketplaceProfile profile) => profile.FitWords
        .Where(w => Regex.IsMatch(description, $@"\b{Regex.Escape(w)}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))
        .Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    public static MarketplaceProfile? ProfileOf(IReadOnlyList<MarketplaceProfile> profiles, string channel) =>
        profiles.FirstOrDefault(m => string.Equals(m.Channel, channel, StringComparison.OrdinalIgnoreCase));

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
    // channels in the entity's plan first, then marketplaces whose buyers fit the entity's offer, then fewer live channels selling
    // the same thing (less cannibalisation), then higher expected net revenue per booking, then lower commission, then name.
    public static IReadOnlyList<OtaOption> Sequence(ReportInputs inputs, OtaFeeSchedule schedule, string entityId, IReadOnlyList<MarketplaceProfile> profiles)
    {
        var rows = ChannelRows(inputs).Where(r => r.EntityId == entityId).ToList();
        var gross = GrossPerBookingAverage(rows);
        var description = inputs.Catalog.ById(entityId)?.Description ?? "";
        var live = rows.Where(r => r.Kpi is { Live: true }).Select(r => r.Channel).ToList();
        return schedule.Channels.Select(channel =>
            {
                var row = rows.FirstOrDefault(r => string.Equals(r.Channel, channel, StringComparison.OrdinalIgnoreCase));
                var stage = row?.Kpi is { Live: true } ? OtaStage.Live : row?.Kpi is { Listed: true } ? OtaStage.ListedNotLive : OtaStage.NotListed;
                var rate = Commission(entityId, channel, row?.Kpi, row?.KpiIndex ?? -1, schedule, inputs.Period).Rate;
                var perBooking = row?.Kpi is { Bookings: > 0 } own ? own.Revenue / own.Bookings : gross;
                var profile = ProfileOf(profiles, channel);
                return new OtaOption(entityId, channel, stage, row?.InPlan ?? false, rate, perBooking * (1 - rate))
                {
                    Profile = profile,
                    FitWords = profile is null ? [] : FitWords(description, profile),
                    Overlaps = profile is null ? [] : live.Where(l => !string.Equals(l, channel, StringComparison.OrdinalIgnoreCase)
                        && ProfileOf(profiles, l) is { } other && string.Equals(other.Sells, profile.Sells, StringComparison.OrdinalIgnoreCase)).ToList(),
                };
            })
            .OrderBy(o => o.Stage).ThenByDescending(o => o.InPlan).ThenByDescending(o => o.FitWords.Count > 0).ThenBy(o => o.Overlaps.Count)
            .ThenByDescending(o => o.NetPerBooking ?? decimal.MinValue)
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
        AddBlasts(inputs, book, p, o);
        AddPaid(inputs, book, p);
        AddChannelNames(inputs, book, p);
        AddOtas(inputs, book, p, o);
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
            // A marketplace's payouts booked net already have their gross OTA revenue in the book; the channel row quotes it.
            var gross = book.Find(RevenueRecognitionCalculator.GrossOta(row.EntityId, row.Channel));
            var revenueMetric = book.Add(gross is { Value: not null }
                ? new Metric
                {
                    Id = row.Id(CmoFigure.Revenue), EntityId = row.EntityId, Label = $"{row.EntityId} {row.Channel} revenue (gross)", Value = gross.Value, Unit = MetricUnit.Usd, Period = p,
                    Formula = "gross OTA revenue: the channel's payouts booked net + the commission kept", Inputs = [MetricInput.Of(gross)], Better = Favourable.Higher,
                }
                : new Metric
                {
                    Id = row.Id(CmoFigure.Revenue), EntityId = row.EntityId, Label = $"{row.EntityId} {row.Channel} revenue (gross)", Value = c.Revenue, Unit = MetricUnit.Usd, Period = p,
                    Formula = $"{at}.revenue", Inputs = [Field("revenue", MetricFormat.Money(c.Revenue))], Better = Favourable.Higher,
                });
            var revenue = revenueMetric.Value!.Value;
            var revenueInput = MetricInput.Of(revenueMetric);

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
            if (paid.Count > 0 && revenue > 0)
            {
                take = paid.Sum(x => x.Line.Commission!.Value) / revenue;
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
                Id = row.Id(CmoFigure.NetRevenue), EntityId = row.EntityId, Label = $"{row.EntityId} {row.Channel} revenue after commission", Value = revenue * (1 - take),
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
        book.Add(new Metric
        {
            Id = ProductionCost, Label = "Copy, design and list work per email blast", Value = o.EmailProductionCostPerBlast, Unit = MetricUnit.Usd, Period = p,
            Kind = MetricKind.Assumption, Formula = "configured", Inputs = [new("config", "Marketing:EmailProductionCostPerBlast", null, MetricFormat.Money(o.EmailProductionCostPerBlast))],
        });
    }

    private static void AddBlasts(ReportInputs inputs, MetricBook book, string p, MarketingOptions o)
    {
        var blasts = BlastRows(inputs);
        var production = MetricInput.OfMetric(ProductionCost, "copy, design and list work per blast", p, MetricFormat.Money(o.EmailProductionCostPerBlast));
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

            var (notRevenue, notRevenueInputs) = NotYetRevenue(inputs, book, row, blasts);
            var recognised = b.Revenue - notRevenue;
            book.Add(new Metric
            {
                Id = row.Id(CmoFigure.RecognisedRevenue), EntityId = row.EntityId, Label = $"{label} attributed revenue recognised", Value = recognised, Unit = MetricUnit.Usd, Period = p,
                Formula = "attributed revenue − min(attributed revenue, (revenue booked that month for later services + deposits taken that month) × this blast's share of the month's attributed revenue)",
                Inputs = [revenue, .. notRevenueInputs], Better = Favourable.Higher,
            });
            var loaded = b.Cost + o.EmailProductionCostPerBlast;
            book.Add(new Metric
            {
                Id = row.Id(CmoFigure.LoadedCost), EntityId = row.EntityId, Label = $"{label} fully loaded cost", Value = loaded, Unit = MetricUnit.Usd, Period = p,
                Formula = "recorded cost (platform and send) + copy, design and list work per blast", Inputs = [cost, production], Better = Favourable.Lower,
            });
            var (loadedRoi, loadedRoiSpecial) = Roi(recognised, loaded);
            book.Add(new Metric
            {
                Id = row.Id(CmoFigure.LoadedRoi), EntityId = row.EntityId, Label = $"{label} ROI on recognised revenue and fully loaded cost", Value = loadedRoi, Special = loadedRoiSpecial,
                Unit = MetricUnit.Percent, Period = p, Formula = "(recognised attributed revenue − fully loaded cost) ÷ fully loaded cost",
                Inputs = [MetricInput.OfMetric(row.Id(CmoFigure.RecognisedRevenue), "recognised attributed revenue", p, MetricFormat.Money(recognised)),
                    MetricInput.OfMetric(row.Id(CmoFigure.LoadedCost), "fully loaded cost", p, MetricFormat.Money(loaded))],
                Better = Favourable.Higher,
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
            var recognised = list.Sum(b => book.Get(b.Id(CmoFigure.RecognisedRevenue)).Value ?? 0m);
            var loaded = list.Sum(b => book.Get(b.Id(CmoFigure.LoadedCost)).Value ?? 0m);
            book.Add(new Metric { Id = EmailChannelId(channel, CmoFigure.RecognisedRevenue), Label = $"{what}: attributed revenue recognised", Value = recognised, Unit = MetricUnit.Usd, Period = p, Formula = "sum of recognised attributed revenue", Inputs = inputsOf(CmoFigure.RecognisedRevenue), Better = Favourable.Higher });
            book.Add(new Metric { Id = EmailChannelId(channel, CmoFigure.LoadedCost), Label = $"{what}: fully loaded cost", Value = loaded, Unit = MetricUnit.Usd, Period = p, Formula = "sum of fully loaded cost", Inputs = inputsOf(CmoFigure.LoadedCost), Better = Favourable.Lower });
            var (loadedRoi, loadedRoiSpecial) = Roi(recognised, loaded);
            book.Add(new Metric { Id = EmailChannelId(channel, CmoFigure.LoadedRoi), Label = $"{what}: ROI on recognised revenue and fully loaded cost", Value = loadedRoi, Special = loadedRoiSpecial, Unit = MetricUnit.Percent, Period = p, Formula = "(sum of recognised attributed revenue − sum of fully loaded cost) ÷ sum of fully loaded cost", Inputs = [.. inputsOf(CmoFigure.RecognisedRevenue), .. inputsOf(CmoFigure.LoadedCost)], Better = Favourable.Higher });
        }
    }

    // Money attributed to a blast that is not revenue yet: the revenue recognition calculator's figure for revenue booked that
    // month for services after it, plus deposits taken that month (the rise in customerDeposits), shared among the month's blasts
    // by attributed revenue.
    private static (decimal Amount, IReadOnlyList<MetricInput> Inputs) NotYetRevenue(ReportInputs inputs, MetricBook book, BlastRow row, IReadOnlyList<BlastRow> blasts)
    {
        var month = row.Period;
        var futureId = month == inputs.Period ? RevenueRecognitionCalculator.FutureService(row.EntityId) : RevenueRecognitionCalculator.FutureServiceIn(row.EntityId, month);
        var future = book.Find(futureId);
        bool Same(KpiMonth k, Period at) => k.Period == at && string.Equals(k.EntityId, row.EntityId, StringComparison.OrdinalIgnoreCase);
        var kpi = inputs.Kpis.FirstOrDefault(k => Same(k, month));
        var before = inputs.Kpis.FirstOrDefault(k => Same(k, month.Previous()));
        var taken = kpi is not null && before is not null ? Math.Max(0m, kpi.CustomerDeposits - before.CustomerDeposits) : 0m;
        var monthRevenue = blasts.Where(b => b.EntityId == row.EntityId && b.Period == month).Sum(b => b.Blast.Revenue);
        var share = monthRevenue > 0 ? row.Blast.Revenue / monthRevenue : 0m;
        var amount = Math.Min(row.Blast.Revenue, ((future?.Value ?? 0m) + taken) * share);
        var source = MetricInput.KpiSource(row.EntityId);
        List<MetricInput> used = [future is null ? new MetricInput("metric", futureId, month.ToString(), "not computed: $0") : MetricInput.Of(future)];
        if (kpi is not null && before is not null)
        {
            used.Add(new(source, "customerDeposits", month.ToString(), MetricFormat.Money(kpi.CustomerDeposits)));
            used.Add(new(source, "customerDeposits", before.Period.ToString(), MetricFormat.Money(before.CustomerDeposits)));
        }

        return (amount, used);
    }

    private static void AddPaid(ReportInputs inputs, MetricBook book, string p)
    {
        foreach (var row in PaidRows(inputs))
        {
            var source = MetricInput.KpiSource(row.EntityId);
            var spend = row.Lines.Sum(x => x.Line.Amount);
            var spendInputs = row.Lines.Select(x => new MetricInput(source, $"expenses[{x.Index}].amount", p, MetricFormat.Money(x.Line.Amount))).ToList();
            var label = $"{row.EntityId} {row.Channel}";
            book.Add(new Metric
            {
                Id = row.Id(CmoFigure.Spend), EntityId = row.EntityId, Label = $"{label} ad spend", Value = spend, Unit = MetricUnit.Usd, Period = p,
                Formula = "Σ Marketing expense lines buying ads with this description", Inputs = spendInputs, Better = Favourable.Lower,
            });
            var tracked = row.Tracked;
            var trackInputs = tracked is null
                ? [new MetricInput(source, "channels[]", p, $"no channel row named {row.Channel}: {ConversionTrackingMissing}")]
                : new List<MetricInput>
                {
                    new(source, $"channels[{row.TrackedIndex}].bookings", p, tracked.Bookings.ToString(CultureInfo.InvariantCulture)),
                    new(source, $"channels[{row.TrackedIndex}].revenue", p, MetricFormat.Money(tracked.Revenue)),
                };
            if (tracked is not null)
            {
                book.Add(new Metric { Id = row.Id(CmoFigure.Bookings), EntityId = row.EntityId, Label = $"{label} attributed bookings", Value = tracked.Bookings, Unit = MetricUnit.Count, Period = p, Formula = $"channels[{row.TrackedIndex}].bookings", Inputs = [trackInputs[0]], Better = Favourable.Higher });
                book.Add(new Metric { Id = row.Id(CmoFigure.Revenue), EntityId = row.EntityId, Label = $"{label} attributed revenue", Value = tracked.Revenue, Unit = MetricUnit.Usd, Period = p, Formula = $"channels[{row.TrackedIndex}].revenue", Inputs = [trackInputs[1]], Better = Favourable.Higher });
            }

            var (cac, cacSpecial) = Cac(spend, tracked?.Bookings);
            book.Add(new Metric
            {
                Id = row.Id(CmoFigure.Cac), EntityId = row.EntityId, Label = $"{label} cost per acquired booking (CAC)", Value = cac, Special = cacSpecial, Unit = MetricUnit.Usd, Period = p,
                Formula = "ad spend ÷ attributed bookings (the KPI channel row named like the spend)", Inputs = [.. spendInputs, .. trackInputs.Take(1)], Better = Favourable.Lower,
            });
            var (roas, roasSpecial) = Roas(tracked?.Revenue ?? 0m, spend, tracked is not null);
            book.Add(new Metric
            {
                Id = row.Id(CmoFigure.Roas), EntityId = row.EntityId, Label = $"{label} return on ad spend (ROAS)", Value = roas, Special = roasSpecial, Unit = MetricUnit.Ratio, Period = p,
                Formula = "attributed revenue ÷ ad spend", Inputs = [.. spendInputs, .. trackInputs.Skip(1)], Better = Favourable.Higher,
            });
        }

        // Email beside paid media: this month's blasts per entity on the same footing (recorded cost as spend).
        foreach (var group in BlastRows(inputs).Where(b => b.Period == inputs.Period).GroupBy(b => b.EntityId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var id = group.Key;
            var list = group.ToList();
            var spend = list.Sum(b => b.Blast.Cost);
            var bookings = list.Sum(b => b.Blast.Bookings);
            var revenue = list.Sum(b => b.Blast.Revenue);
            List<MetricInput> Of(CmoFigure figure) => list.Select(b => MetricInput.OfMetric(b.Id(figure), $"{b.EntityId} {b.Blast.Name}", p, figure.Part)).ToList();
            book.Add(new Metric { Id = EmailMonthId(id, CmoFigure.Spend), EntityId = id, Label = $"{id} email blasts' recorded cost in {p}", Value = spend, Unit = MetricUnit.Usd, Period = p, Formula = "Σ blast cost", Inputs = Of(CmoFigure.Cost), Better = Favourable.Lower });
            book.Add(new Metric { Id = EmailMonthId(id, CmoFigure.Bookings), EntityId = id, Label = $"{id} email blasts' attributed bookings in {p}", Value = bookings, Unit = MetricUnit.Count, Period = p, Formula = "Σ blast bookings", Inputs = Of(CmoFigure.Bookings), Better = Favourable.Higher });
            book.Add(new Metric { Id = EmailMonthId(id, CmoFigure.Revenue), EntityId = id, Label = $"{id} email blasts' attributed revenue in {p}", Value = revenue, Unit = MetricUnit.Usd, Period = p, Formula = "Σ blast attributed revenue", Inputs = Of(CmoFigure.Revenue), Better = Favourable.Higher });
            var (cac, cacSpecial) = Cac(spend, bookings);
            book.Add(new Metric { Id = EmailMonthId(id, CmoFigure.Cac), EntityId = id, Label = $"{id} email cost per acquired booking in {p}", Value = cac, Special = cacSpecial, Unit = MetricUnit.Usd, Period = p, Formula = "Σ blast cost ÷ Σ blast bookings", Inputs = [.. Of(CmoFigure.Cost), .. Of(CmoFigure.Bookings)], Better = Favourable.Lower });
            var (roas, roasSpecial) = Roas(revenue, spend, true);
            book.Add(new Metric { Id = EmailMonthId(id, CmoFigure.Roas), EntityId = id, Label = $"{id} email return on spend in {p}", Value = roas, Special = roasSpecial, Unit = MetricUnit.Ratio, Period = p, Formula = "Σ blast attributed revenue ÷ Σ blast cost", Inputs = [.. Of(CmoFigure.Revenue), .. Of(CmoFigure.Cost)], Better = Favourable.Higher });
        }
    }

    private static void AddChannelNames(ReportInputs inputs, MetricBook book, string p)
    {
        var mismatches = ChannelNames(inputs);
        foreach (var month in inputs.Kpis.Where(k => k.Period == inputs.Period && k.Channels.Count > 0 && inputs.Catalog.ById(k.EntityId) is not null).OrderBy(k => k.EntityId, StringComparer.Ordinal))
        {
            var entity = inputs.Catalog.ById(month.EntityId)!;
            var own = mismatches.Where(x => x.EntityId == month.EntityId).ToList();
            book.Add(new Metric
            {
                Id = UnmatchedChannelNames(month.EntityId), EntityId = month.EntityId, Label = $"{month.EntityId} channel names the catalog and the KPI inputs do not share",
                Value = own.Sum(x => x.Catalog.Count + x.Inputs.Count), Unit = MetricUnit.Count, Period = p, Better = Favourable.Lower,
                Formula = "catalog channel plan names with no KPI channel row or blast of that name, plus KPI names not in the plan",
                Inputs =
                [
                    new($"catalog:{Path.GetFileName(inputs.Catalog.SourceFile)}", $"entities[{entity.Id}].channels (line {entity.Line.ToString(CultureInfo.InvariantCulture)})", null, string.Join(", ", entity.Channels)),
                    MetricInput.Kpi(month.EntityId, "channels[].channel", p, string.Join(", ", month.Channels.Select(c => c.Channel))),
                ],
            });
        }
    }

    [GeneratedRegex(@"\b(ads|adwords|advertising|ppc|sponsored|promoted|boosted)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Ads();

    private void AddOtas(ReportInputs inputs, MetricBook book, string p, MarketingOptions o)
    {
        foreach (var entityId in TripSellers(inputs, schedule))
        {
            var rows = ChannelRows(inputs).Where(r => r.EntityId == entityId).ToList();
            var withBookings = rows.Where(r => r.Kpi is { Bookings: > 0 }).ToList();
            var bookings = rows.Where(r => r.Kpi is not null).ToList();
            var direct = bookings.Where(r => IsDirect(r.Channel)).ToList();
            var all = bookings.Sum(r => r.Kpi!.Bookings);
            book.Add(new Metric
            {
                Id = DirectShare(entityId), EntityId = entityId, Label = $"{entityId} bookings taken directly (no marketplace commission)",
                Value = all > 0 ? (decimal)direct.Sum(r => r.Kpi!.Bookings) / all : null, Special = all > 0 ? null : $"n/a: no bookings recorded in {p}", Unit = MetricUnit.Percent, Period = p,
                Formula = "bookings on direct channels (direct web, email) ÷ bookings on all channels",
                Inputs = bookings.Select(r => MetricInput.Kpi(entityId, $"channels[{r.KpiIndex}].bookings", p, r.Kpi!.Bookings.ToString(CultureInfo.InvariantCulture))).ToList(),
                Better = Favourable.Higher,
            });

            var description = inputs.Catalog.ById(entityId)?.Description ?? "";
            foreach (var option in Sequence(inputs, schedule, entityId, o.Marketplaces))
            {
                if (option.Profile is { } profile)
                {
                    var at = $"Marketing:Marketplaces[{profile.Channel}]";
                    book.Add(new Metric
                    {
                        Id = option.Id(CmoFigure.Fit), EntityId = entityId, Label = $"{entityId} offer words {option.Channel}'s buyers look for", Value = option.FitWords.Count,
                        Special = option.FitWords.Count > 0 ? $"fits: {string.Join(", ", option.FitWords)}" : $"no fit: the description names none of {string.Join(", ", profile.FitWords)}",
                        Unit = MetricUnit.Count, Period = p, Formula = $"{at}.FitWords found as whole words in the entity's catalog description",
                        Inputs = [new("config", $"{at}.FitWords", null, string.Join(", ", profile.FitWords)), new($"catalog:{Path.GetFileName(inputs.Catalog.SourceFile)}", $"entities[{entityId}].description", null, description)],
                        Better = Favourable.Higher,
                    });
                    book.Add(new Metric
                    {
                        Id = option.Id(CmoFigure.LeadDays), EntityId = entityId, Label = $"{option.Channel} time from listing to live", Value = profile.ListingLeadDays, Unit = MetricUnit.Days, Period = p,
                        Kind = MetricKind.Assumption, Formula = "configured", Inputs = [new("config", $"{at}.ListingLeadDays", null, profile.ListingLeadDays.ToString(CultureInfo.InvariantCulture))],
                    });
                    book.Add(new Metric
                    {
                        Id = option.Id(CmoFigure.Overlap), EntityId = entityId, Label = $"{entityId} live channels selling what {option.Channel} sells", Value = option.Overlaps.Count,
                        Special = option.Overlaps.Count > 0 ? string.Join(", ", option.Overlaps) : null,
                        Unit = MetricUnit.Count, Period = p, Formula = $"live channels of the entity whose Marketing:Marketplaces entry sells the same ({profile.Sells})",
                        Inputs = [new("config", $"{at}.Sells", null, profile.Sells), .. rows.Where(r => option.Overlaps.Contains(r.Channel)).Select(r => MetricInput.Kpi(entityId, $"channels[{r.KpiIndex}].live", p, "true"))],
                        Better = Favourable.Lower,
                    });
                }

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
