using System.Globalization;
using ExecReports.Core.Kpis;
using ExecReports.Core.Reports.Finance;
using ExecReports.Core.Reports.Metrics;
using ExecReports.Core.Reports.Rendering;
using Microsoft.Extensions.Options;

namespace ExecReports.Core.Reports.Generators;

public sealed class CmoReport(IOptions<MarketingOptions> options, OtaFeeSchedule schedule) : ReportGenerator
{
    private sealed record Milestone(DateOnly By, string Text, string Finding, string Target);

    public override void Write(ReportContext context, ReportBuilder report)
    {
        var milestones = new List<Milestone>();
        WriteChannels(context, report.Section(ReportSections.Cmo.ChannelVisibility), milestones);
        WriteEmail(context, report.Section(ReportSections.Cmo.EmailBlastRoi), milestones);
        WriteOtas(context, report.Section(ReportSections.Cmo.OtaSequencing), milestones);
        WriteMilestones(context, report.Section(ReportSections.Cmo.Milestones), milestones);
    }

    private static DateOnly By(ReportContext context, int months) => context.Period.AddMonths(months).LastDay;

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Status(ChannelRow row) => (row.Kpi, row.InPlan) switch
    {
        (null, _) => "in the plan, no KPI row",
        ({ Live: true }, true) => "live",
        ({ Listed: true }, true) => "listed, not live",
        (_, true) => "not listed",
        ({ Live: true }, false) => "live (not in the plan)",
        ({ Listed: true }, false) => "listed, not live (not in the plan)",
        _ => "not listed (not in the plan)",
    };

    private static void WriteChannels(ReportContext context, SectionBuilder section, List<Milestone> milestones)
    {
        var m = context.Metrics;
        var rows = MarketingCalculator.ChannelRows(context.Inputs);
        if (rows.Count == 0)
        {
            section.Missing($"no channels in the entity catalog and no KPI channel rows for {context.PeriodText}");
            return;
        }

        section.Paragraph($"Every entity × channel from the catalog's channel plan and the {context.PeriodText} KPI channel rows. Revenue is gross; the "
            + "effective take rate is the commission actually deducted from the channel's payouts ÷ its gross revenue, or the commission rate when no payout "
            + "records one; revenue after commission is what the business keeps.");
        section.Table(["Entity", "Channel", "Status", "Visits", "Inquiries", "Bookings", "Revenue", "Take rate", "After commission"],
            rows.Select(r =>
            {
                string Q(CmoFigure figure) => r.Kpi is null ? "no data" : section.Quote(m.Get(r.Id(figure)));
                var revenue = r.Kpi is null ? "no data" : section.Quote(m.Get(MarketingCalculator.RevenueId(r, m)));
                return (IReadOnlyList<string>)
                [
                    MarkdownText.Cell(context.NameOf(r.EntityId)), MarkdownText.Cell(r.Channel), Status(r),
                    Q(CmoFigure.Visits), Q(CmoFigure.Inquiries), Q(CmoFigure.Bookings), revenue, Q(CmoFigure.TakeRate), Q(CmoFigure.NetRevenue),
                ];
            }), [false, false, false, true, true, true, true, true, true]);

        var charged = rows.Where(r => r.Kpi is not null && m.Get(r.Id(CmoFigure.CommissionRate)).Value > 0).ToList();
        if (charged.Count > 0)
        {
            section.Paragraph("Commission rates used (a rate in the KPI month overrides the Ota fee schedule):");
            section.Bullets(charged.Select(r =>
                $"{MarkdownText.Escape(context.NameOf(r.EntityId))} {MarkdownText.Escape(r.Channel)}: {section.Quote(m.Get(r.Id(CmoFigure.CommissionRate)))} — "
                + MarkdownText.Escape(m.Get(r.Id(CmoFigure.CommissionRate)).Formula)));
        }

        WriteChannelNames(context, section);

        var priciest = rows.Where(r => r.Kpi is { Live: true, Revenue: > 0 })
            .OrderByDescending(r => m.Get(r.Id(CmoFigure.TakeRate)).Value).ThenBy(r => r.EntityId, StringComparer.Ordinal).ThenBy(r => r.Channel, StringComparer.Ordinal)
            .FirstOrDefault();
        if (priciest is not null && m.Get(priciest.Id(CmoFigure.TakeRate)).Value > 0)
        {
            milestones.Add(new Milestone(By(context, 3),
                $"Offer {MarkdownText.Escape(context.NameOf(priciest.EntityId))}'s repeat {MarkdownText.Escape(priciest.Channel)} customers a direct-booking rate (confirmation email, return-guest code)",
                $"Channel Visibility Matrix: {MarkdownText.Escape(priciest.Channel)} has the highest take rate ({section.Quote(m.Get(priciest.Id(CmoFigure.TakeRate)))})",
                $"revenue kept after commission above {section.Quote(m.Get(priciest.Id(CmoFigure.NetRevenue)))} a month"));
        }

        var lowConversion = rows.Where(r => r.Kpi is { Live: true, Visits: > 0 } && r.Kpi.Bookings == 0 && r.Kpi.Inquiries == 0).ToList();
        foreach (var r in lowConversion)
        {
            milestones.Add(new Milestone(By(context, 1),
                $"Find why {MarkdownText.Escape(context.NameOf(r.EntityId))} on {MarkdownText.Escape(r.Channel)} gets visits but no inquiries (listing copy, photos, price, calendar)",
                $"Channel Visibility Matrix: {section.Quote(m.Get(r.Id(CmoFigure.Visits)))} visits, no inquiries",
                $"first inquiries from {section.Quote(m.Get(r.Id(CmoFigure.Visits)))} visits"));
        }
    }

    private static void WriteChannelNames(ReportContext context, SectionBuilder section)
    {
        var m = context.Metrics;
        var checkedIds = context.Catalog.Entities.Where(e => m.Find(MarketingCalculator.UnmatchedChannelNames(e.Id)) is not null).ToList();
        if (checkedIds.Count == 0)
        {
            return;
        }

        var mismatches = MarketingCalculator.ChannelNames(context.Inputs);
        if (mismatches.Count == 0)
        {
            section.Paragraph("Channel names: the catalog's channel plan and the KPI channel rows and blasts use the same names for every entity with channel data.");
            return;
        }

        section.Subheading("Channel names: catalog against KPI inputs");
        section.Paragraph("A near miss (same name but for case, punctuation, a suffix or two letters) splits one channel's figures in two; a planned channel "
            + "nobody records is invisible; an unplanned one is outside the plan. Near misses and unplanned names are also data-conflict warnings.");
        section.Table(["Entity", "Unmatched names", "Catalog plan", "KPI inputs", "Finding"],
            mismatches.Select(x => (IReadOnlyList<string>)
            [
                MarkdownText.Cell(context.NameOf(x.EntityId)), section.Quote(m.Get(MarketingCalculator.UnmatchedChannelNames(x.EntityId))),
                MarkdownText.Cell(x.Catalog.Count > 0 ? string.Join(", ", x.Catalog) : "—"), MarkdownText.Cell(x.Inputs.Count > 0 ? string.Join(", ", x.Inputs) : "—"),
                x.Match switch
                {
                    ChannelNameMatch.NearMiss => "near-miss spelling: use one name in both",
                    ChannelNameMatch.CatalogOnly => "in the plan, not recorded",
                    _ => "recorded, not in the plan",
                },
            ]), [false, true, false, false, false]);
    }

    private static void WritePaid(ReportContext context, SectionBuilder section)
    {
        var m = context.Metrics;
        var paid = MarketingCalculator.PaidRows(context.Inputs);
        var email = context.Catalog.Entities.Select(e => e.Id).Where(id => m.Find(MarketingCalculator.EmailMonthId(id, CmoFigure.Spend)) is not null).ToList();
        section.Subheading("Paid media beside email");
        if (paid.Count == 0 && email.Count == 0)
        {
            section.Missing($"no ad spend (Marketing expense lines buying ads) and no email blasts in {context.PeriodText}");
            return;
        }

        section.Paragraph($"{context.PeriodText}: ad spend is the Marketing expense lines that buy ads; attributed bookings and revenue come from the KPI channel "
            + "row named like the spend. CAC = spend ÷ attributed bookings; ROAS = attributed revenue ÷ spend. Spend with no such row has no conversion tracking, "
            + "so it gets no CAC or ROAS rather than a zero or an infinite ratio. Email uses the blasts' recorded cost.");
        var rows = paid.Select(r =>
        {
            string Q(CmoFigure figure) => m.Find(r.Id(figure)) is { } metric ? section.Quote(metric) : "—";
            return (IReadOnlyList<string>)[MarkdownText.Cell(context.NameOf(r.EntityId)), MarkdownText.Cell(r.Channel), "paid", Q(CmoFigure.Spend), Q(CmoFigure.Bookings), Q(CmoFigure.Revenue), Q(CmoFigure.Cac), Q(CmoFigure.Roas)];
        }).Concat(email.Select(id =>
        {
            string Q(CmoFigure figure) => section.Quote(m.Get(MarketingCalculator.EmailMonthId(id, figure)));
            return (IReadOnlyList<string>)[MarkdownText.Cell(context.NameOf(id)), "email blasts", "email", Q(CmoFigure.Spend), Q(CmoFigure.Bookings), Q(CmoFigure.Revenue), Q(CmoFigure.Cac), Q(CmoFigure.Roas)];
        }));
        section.Table(["Entity", "Channel", "Type", "Spend", "Attributed bookings", "Attributed revenue", "CAC", "ROAS"], rows, [false, false, false, true, true, true, true, true]);
    }

    private void WriteEmail(ReportContext context, SectionBuilder section, List<Milestone> milestones)
    {
        WritePaid(context, section);
        var m = context.Metrics;
        var o = options.Value;
        var blasts = MarketingCalculator.BlastRows(context.Inputs);
        var window = m.Get(MarketingCalculator.AttributionWindow);
        var benchOpen = m.Get(MarketingCalculator.BenchmarkOpenRate);
        var benchClick = m.Get(MarketingCalculator.BenchmarkClickRate);
        var threshold = m.Get(MarketingCalculator.NoisyThreshold);
        section.Subheading("Email blasts");
        section.Paragraph($"Blasts sent in the year to {context.PeriodText}. Attributed revenue counts bookings within "
            + $"{section.Quote(window)} of the send; ROI = (attributed revenue − cost) ÷ cost with cost as recorded. Loaded ROI = (recognised attributed revenue − "
            + $"fully loaded cost) ÷ fully loaded cost: the fully loaded cost adds {section.Quote(m.Get(MarketingCalculator.ProductionCost))} of copy, design and list "
            + "work per blast (Marketing:EmailProductionCostPerBlast), and recognised revenue leaves out money that is not revenue yet — revenue booked that month "
            + "for later services and deposits taken that month — shared among the month's blasts. Engagement is judged by click rate, not open rate: mail privacy features pre-load images and inflate opens. "
            + $"Lists under {section.Quote(threshold)} recipients are flagged **noisy**: one booking more or less swings their rates.");
        if (blasts.Count == 0)
        {
            section.Missing($"no email blasts recorded for any entity in the year to {context.PeriodText}");
            return;
        }

        var end = context.Period.LastDay;
        var table = blasts.Select(b =>
        {
            string Q(CmoFigure figure) => section.Quote(m.Get(b.Id(figure)));
            var click = m.Get(b.Id(CmoFigure.ClickRate)).Value;
            var flags = new List<string>();
            if (b.Blast.Sent < o.NoisyListThreshold) flags.Add("noisy list");
            if (click is { } c) flags.Add(c >= o.BenchmarkClickRate ? "clicks at or above benchmark" : "clicks below benchmark");
            if (b.Blast.Date.AddDays(o.AttributionWindowDays) > end) flags.Add("window still open at month end");
            return (IReadOnlyList<string>)
            [
                Date(b.Blast.Date), MarkdownText.Cell(context.NameOf(b.EntityId)), MarkdownText.Cell(context.Redact(b.Blast.Name)), MarkdownText.Cell(b.Channel),
                Q(CmoFigure.Sent), Q(CmoFigure.OpenRate), Q(CmoFigure.ClickRate), Q(CmoFigure.Bookings), Q(CmoFigure.Revenue), Q(CmoFigure.Cost), Q(CmoFigure.Roi), Q(CmoFigure.CostPerBooking), string.Join("; ", flags),
            ];
        }).ToList();
        table.Add(["benchmark", MarkdownText.Cell(o.BenchmarkName), "", "", "", section.Quote(benchOpen), section.Quote(benchClick), "", "", "", "", "", ""]);
        section.Table(["Sent", "Entity", "Blast", "Channel", "Recipients", "Open rate", "Click rate", "Bookings", "Attributed revenue", "Cost", "ROI", "Cost per booking", "Flags"],
            table, [false, false, false, false, true, true, true, true, true, true, true, true, false]);

        section.Paragraph("On recognised revenue and fully loaded cost:");
        section.Table(["Sent", "Entity", "Blast", "Attributed revenue", "Recognised", "Recorded cost", "Fully loaded cost", "ROI as recorded", "Loaded ROI"],
            blasts.Select(b =>
            {
                string Q(CmoFigure figure) => section.Quote(m.Get(b.Id(figure)));
                return (IReadOnlyList<string>)
                [
                    Date(b.Blast.Date), MarkdownText.Cell(context.NameOf(b.EntityId)), MarkdownText.Cell(context.Redact(b.Blast.Name)),
                    Q(CmoFigure.Revenue), Q(CmoFigure.RecognisedRevenue), Q(CmoFigure.Cost), Q(CmoFigure.LoadedCost), Q(CmoFigure.Roi), Q(CmoFigure.LoadedRoi),
                ];
            }), [false, false, false, true, true, true, true, true, true]);

        var channels = blasts.Select(b => b.Channel).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        section.Paragraph("Per channel:");
        section.Table(["Channel", "Blasts", "Bookings", "Attributed revenue", "Cost", "ROI", "Recognised", "Fully loaded cost", "Loaded ROI", "Cost per booking", "Click rate"],
            channels.Select(c =>
            {
                string Q(CmoFigure figure) => section.Quote(m.Get(MarketingCalculator.EmailChannelId(c, figure)));
                var count = blasts.Count(b => string.Equals(b.Channel, c, StringComparison.OrdinalIgnoreCase));
                return (IReadOnlyList<string>)
                [
                    MarkdownText.Cell(c), count.ToString(CultureInfo.InvariantCulture), Q(CmoFigure.Bookings), Q(CmoFigure.Revenue), Q(CmoFigure.Cost), Q(CmoFigure.Roi),
                    Q(CmoFigure.RecognisedRevenue), Q(CmoFigure.LoadedCost), Q(CmoFigure.LoadedRoi), Q(CmoFigure.CostPerBooking), Q(CmoFigure.ClickRate),
                ];
            }), [false, true, true, true, true, true, true, true, true, true, true]);

        // Milestones from each entity's latest blast.
        foreach (var latest in blasts.GroupBy(b => b.EntityId).Select(g => g.First()).OrderBy(b => b.EntityId, StringComparer.Ordinal))
        {
            var name = MarkdownText.Escape(context.NameOf(latest.EntityId));
            if (m.Get(latest.Id(CmoFigure.ClickRate)).Value is { } click && click < o.BenchmarkClickRate)
            {
                milestones.Add(new Milestone(By(context, 1), $"A/B test the subject line and one clear call to action on {name}'s next blast",
                    $"Email Blast ROI: \"{MarkdownText.Escape(context.Redact(latest.Blast.Name))}\" clicked at {section.Quote(m.Get(latest.Id(CmoFigure.ClickRate)))}",
                    $"click rate at or above {section.Quote(benchClick)}"));
            }

            if (latest.Blast.Sent < o.NoisyListThreshold)
            {
                milestones.Add(new Milestone(By(context, 2), $"Grow {name}'s list (opt-in on the booking or contact form, past customers) before judging its rates",
                    $"Email Blast ROI: latest list is {section.Quote(m.Get(latest.Id(CmoFigure.Sent)))} recipients (noisy)",
                    $"at least {section.Quote(threshold)} recipients"));
            }
        }
    }

    private void WriteOtas(ReportContext context, SectionBuilder section, List<Milestone> milestones)
    {
        var m = context.Metrics;
        var sellers = MarketingCalculator.TripSellers(context.Inputs, schedule);
        section.Paragraph($"Marketplaces in the fee schedule: {MarkdownText.Escape(string.Join(", ", schedule.Channels))}. Scoring rule: channels already live come "
            + "first (keep them), then listed but not live (only activation is left), then not listed; within each, channels in the entity's channel plan "
            + "(entities.yaml) before others, then marketplaces whose buyers fit the entity's offer (Marketing:Marketplaces fit words found in its catalog "
            + "description), then fewer live channels already selling the same thing (cannibalisation: a second marketplace for the same buyer mostly moves "
            + "bookings and adds commission), then the higher expected revenue per booking after commission, then the lower commission. Listing lead time is the "
            + "configured time from listing to live (Marketing:Marketplaces). Expected revenue per "
            + "booking is the channel's own revenue ÷ bookings, or the entity's average over all channels when it does not sell there yet. Commission is the "
            + "KPI month's rate when recorded, otherwise the fee schedule's rate in force at the period end (Ota:Fees; each entry's note gives the range and "
            + "how sure it is).");
        if (sellers.Count == 0)
        {
            section.Missing($"no business in the catalog sells on a marketplace in the fee schedule ({string.Join(", ", schedule.Channels)})");
            return;
        }

        foreach (var entityId in sellers)
        {
            var name = context.NameOf(entityId);
            section.Subheading(name);
            section.Paragraph($"Bookings taken directly this month (no commission): {section.Quote(m.Get(MarketingCalculator.DirectShare(entityId)))}. "
                + "The higher it is, the more a marketplace listing risks charging commission on customers who would have booked direct.");
            var sequence = MarketingCalculator.Sequence(context.Inputs, schedule, entityId, options.Value.Marketplaces);
            section.Numbered(sequence.Select(o =>
            {
                var action = o.Stage switch
                {
                    OtaStage.Live => "keep: already live",
                    OtaStage.ListedNotLive => "activate: listed, not live yet",
                    _ => "list: not listed",
                };
                var fit = o.InPlan ? $"in {name}'s channel plan" : $"not in {name}'s channel plan (add it to entities.yaml first if wanted)";
                var rationale = o.Profile is { } profile
                    ? $" Sells {MarkdownText.Escape(profile.Sells)}; fit: {section.Quote(m.Get(o.Id(CmoFigure.Fit)))}; listing to live {section.Quote(m.Get(o.Id(CmoFigure.LeadDays)))}; "
                        + (o.Overlaps.Count > 0 ? $"cannibalisation: competes with live {section.Quote(m.Get(o.Id(CmoFigure.Overlap)))} for the same buyers." : "cannibalisation: no live channel sells the same thing.")
                    : " No Marketing:Marketplaces entry: fit, lead time and overlap unknown.";
                return $"**{MarkdownText.Escape(o.Channel)}** — {action}; commission {section.Quote(m.Get(o.Id(CmoFigure.CommissionRate)))} "
                    + $"({MarkdownText.Escape(m.Get(o.Id(CmoFigure.CommissionRate)).Formula)}); plan: {MarkdownText.Escape(fit)}; expected revenue per booking after commission "
                    + $"{section.Quote(m.Get(o.Id(CmoFigure.NetPerBooking)))}.{rationale}";
            }));

            var next = sequence.Where(o => o.Stage != OtaStage.Live && o.InPlan).Take(2).ToList();
            for (var i = 0; i < next.Count; i++)
            {
                var o = next[i];
                var months = o.Stage == OtaStage.ListedNotLive ? 1 : i == 0 ? 2 : 3;
                var verb = o.Stage == OtaStage.ListedNotLive ? "Get the listing live on" : "List and go live on";
                milestones.Add(new Milestone(By(context, months), $"{verb} {MarkdownText.Escape(o.Channel)} for {MarkdownText.Escape(name)}",
                    $"OTA Sequencing: {MarkdownText.Escape(o.Channel)} is next for {MarkdownText.Escape(name)}",
                    $"first bookings at {section.Quote(m.Get(o.Id(CmoFigure.NetPerBooking)))} each after commission"));
            }
        }
    }

    private static void WriteMilestones(ReportContext context, SectionBuilder section, List<Milestone> milestones)
    {
        var m = context.Metrics;
        var last = context.Period.AddMonths(3);
        if (m.Find(CfoMetricIds.TargetFor(last)) is { } target && m.Find(PortfolioCalculator.PortfolioRevenue) is { } revenue)
        {
            milestones.Add(new Milestone(last.LastDay, "Portfolio revenue on the CFO model's path, with the channel and email moves above",
                $"Portfolio revenue booked {section.Quote(revenue)} in {context.PeriodText}",
                $"the CFO model's {last} figure, {section.Quote(target)}"));
        }

        section.Paragraph($"Dated from the period end ({Date(context.Period.LastDay)}) to the ends of the next three months: {Date(By(context, 1))}, "
            + $"{Date(By(context, 2))} and {Date(By(context, 3))}. Each ties to a finding above and a target figure.");
        if (milestones.Count == 0)
        {
            section.Missing($"no channel, email or OTA finding in {context.PeriodText} to set milestones from");
            return;
        }

        section.Table(["By", "Milestone", "Finding", "Target"],
            milestones.OrderBy(x => x.By).Select(x => (IReadOnlyList<string>)[Date(x.By), Cell(x.Text), Cell(x.Finding), Cell(x.Target)]));
    }

    // Milestone texts are already escaped markdown with quoted figures; only table pipes need escaping.
    private static string Cell(string markdown) => markdown.Replace("|", "\\|", StringComparison.Ordinal);
}
