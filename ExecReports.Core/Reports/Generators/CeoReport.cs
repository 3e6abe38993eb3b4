using System.Text.RegularExpressions;
using ExecReports.Core.Ingestion;
using ExecReports.Core.Kpis;
using ExecReports.Core.Reports.Engineering;
using ExecReports.Core.Reports.Finance;
using ExecReports.Core.Reports.Metrics;
using ExecReports.Core.Reports.Rendering;

namespace ExecReports.Core.Reports.Generators;

public sealed partial class CeoReport : ReportGenerator
{
    // One agenda item; ranked by Category, then Severity, then Amount (largest first), then entity name.
    public sealed record Priority(int Category, int Severity, decimal Amount, string Entity, string Markdown);

    public const string RankingRule =
        "Ranking rule: category first (1 security exposures, 2 revenue-recognition fixes, 3 cash and runway, 4 overdue receivables and unbilled hours, "
        + "5 channel launches); within security, critical before high; within money items, the larger dollar amount at stake first; then entity name.";

    public static IReadOnlyList<Priority> Rank(IEnumerable<Priority> items) =>
        items.OrderBy(i => i.Category).ThenBy(i => i.Severity).ThenByDescending(i => i.Amount)
            .ThenBy(i => i.Entity, StringComparer.Ordinal).ThenBy(i => i.Markdown, StringComparer.Ordinal).ToList();

    public override void Write(ReportContext context, ReportBuilder report)
    {
        WriteAssetInventory(context, report.Section(ReportSections.Ceo.AssetInventory));
        WriteRevenueRecognition(context, report.Section(ReportSections.Ceo.RevenueRecognitionGaps));
        WriteEquityRisk(context, report.Section(ReportSections.Ceo.EquityRisk));
        WritePipeline(context, report.Section(ReportSections.Ceo.Pipeline));
        WritePriorities(context, report.Section(ReportSections.Ceo.Priorities));
    }

    private static string List(IReadOnlyList<string> items) => items.Count == 0 ? "—" : MarkdownText.Cell(string.Join(", ", items));

    private static string Evidence(FactRef fact) => $"`{fact.Source}`";

    private static void WriteAssetInventory(ReportContext context, SectionBuilder section)
    {
        if (context.Catalog.Entities.Count == 0)
        {
            section.Missing($"no entities in the catalog {context.Catalog.SourceFile}");
            return;
        }

        section.Paragraph($"Every entity in the catalog ({MarkdownText.Escape(Path.GetFileName(context.Catalog.SourceFile))}), with what it owns and where it sells.");
        section.Table(["Entity", "Kind", "Domains", "Buckets", "Stack components", "Channels"],
            context.Catalog.Entities.Select(e => (IReadOnlyList<string>)
            [
                $"{MarkdownText.Cell(e.Name)} (`{e.Id}`)",
                e.Kind.ToString().ToLowerInvariant(),
                List(e.Domains),
                List(e.Buckets),
                List(e.Stack.Select(s => $"{s.Name} ({s.Kind})").ToList()),
                List(e.Channels),
            ]));
        var bare = context.Catalog.Entities.Where(e => e.Domains.Count == 0 && e.Buckets.Count == 0 && e.Stack.Count == 0).ToList();
        if (bare.Count > 0)
        {
            section.Paragraph($"No domains, buckets or stack recorded for: {MarkdownText.Escape(string.Join(", ", bare.Select(e => e.Name)))} (catalog entries only).");
        }

        WriteBusinessAssets(context, section);
    }

    private static void WriteRevenueRecognition(ReportContext context, SectionBuilder section)
    {
        var m = context.Metrics;
        var p = context.PeriodText;
        section.Paragraph("Checks on the KPI revenue lines: revenue booked before its service month (restated into the service month once the service has happened, a customer deposit while it is still ahead), "
            + "OTA payouts booked net of commission (revenue and fees both understated), and the deposits balance that should hold early bookings.");
        var rows = new List<IReadOnlyList<string>>();
        var clean = new List<string>();
        foreach (var entity in context.Catalog.Entities)
        {
            if (m.Find(RevenueRecognitionCalculator.FutureService(entity.Id)) is not { } future)
            {
                section.Missing($"no KPI inputs recorded for {entity.Name} in {p}, so its revenue recognition cannot be checked");
                continue;
            }

            var trailing = m.Get(RevenueRecognitionCalculator.FutureServiceTrailing(entity.Id));
            var net = m.Get(RevenueRecognitionCalculator.NetOfCommission(entity.Id));
            var commission = m.Get(RevenueRecognitionCalculator.OmittedCommission(entity.Id));
            var deposits = m.Get(EntityDeposits.Customer(entity.Id));
            if (future.Value == 0 && trailing.Value == 0 && net.Value == 0)
            {
                clean.Add(entity.Name);
                continue;
            }

            rows.Add([MarkdownText.Cell(entity.Name), section.Quote(future), section.Quote(trailing), section.Quote(net), section.Quote(commission), section.Quote(deposits)]);
        }

        if (rows.Count > 0)
        {
            section.Table(["Entity", $"Booked for later service ({p})", "Booked early, trailing 12 months", "Booked net of commission", "Commission not recorded", "Customer deposits held"],
                rows, [false, true, true, true, true, true]);
        }

        foreach (var entity in context.Catalog.Entities)
        {
            if (RevenueRecognitionCalculator.Finding(m, entity.Id, entity.Name, section.Quote) is { } finding)
            {
                section.Paragraph($"**Finding** — {finding}");
            }
        }

        if (clean.Count > 0)
        {
            section.Paragraph($"No early or net-of-commission revenue in the KPI lines for: {MarkdownText.Escape(string.Join(", ", clean))}.");
        }

        var facts = context.Facts(tag: "revenue").Where(HandoffFacts.DescribesCurrentState).Where(f => Recognition().IsMatch(f.Fact.Text)).ToList();
        if (facts.Count == 0)
        {
            section.Missing("no handoff facts tagged revenue describe how revenue, deposits or payouts are recorded");
        }
        else
        {
            section.Subheading("From the handoffs");
            section.Bullets(facts.Select(f => $"{MarkdownText.Escape(context.NameOf(f.Document.EntityId ?? "unassigned"))}: {context.Quote(f.Fact.Text)} ({Evidence(f)})"));
        }
    }

    private static void WriteEquityRisk(ReportContext context, SectionBuilder section)
    {
        var m = context.Metrics;
        var p = context.PeriodText;
        WriteOwnerRisk(context, section);
        section.Subheading("Revenue concentration");
        var largest = m.Find(PortfolioCalculator.LargestShare);
        if (largest is null || largest.Value is null)
        {
            section.Missing($"no revenue recorded for any entity in {p}, so concentration cannot be assessed");
        }
        else
        {
            var high = m.Get(ConcentrationCalculator.HighThreshold);
            var moderate = m.Get(ConcentrationCalculator.ModerateThreshold);
            var level = ConcentrationCalculator.Classify(largest.Value);
            var word = level switch
            {
                ConcentrationLevel.High => "high concentration",
                ConcentrationLevel.Moderate => "moderate concentration",
                _ => "diversified",
            };
            section.Paragraph($"Rule: one entity above {section.Quote(high)} of portfolio revenue is high concentration; above {section.Quote(moderate)} is moderate. "
                + $"{MarkdownText.Escape(largest.Label)}: {section.Quote(largest)} of {section.Quote(m.Get(PortfolioCalculator.PortfolioRevenue))} → **{word}**.");
            section.Table(["Entity", "Revenue booked", "Share"],
                context.Catalog.Entities.Where(e => m.Find(PortfolioCalculator.RevenueShare(e.Id)) is not null)
                    .Select(e => (IReadOnlyList<string>)[MarkdownText.Cell(e.Name), section.Quote(m.Get(PortfolioCalculator.Revenue(e.Id))), section.Quote(m.Get(PortfolioCalculator.RevenueShare(e.Id)))]),
                [false, true, true]);
        }

        section.Subheading("Single points of failure");
        var spof = context.Facts().Where(f => f.Fact.Section != SectionKind.NextSteps && SinglePointOfFailure().IsMatch(f.Fact.Text)).ToList();
        if (spof.Count == 0)
        {
            section.Missing("no handoff mentions a single point of failure, bus factor, only-one dependency or personal account");
        }
        else
        {
            section.Bullets(spof.Select(f => $"{MarkdownText.Escape(context.NameOf(f.Document.EntityId ?? "unassigned"))}: {context.Quote(f.Fact.Text)} ({Evidence(f)})"));
        }

        section.Subheading("Open security exposures by entity");
        section.Paragraph($"Severity rule: {MarkdownText.Escape(SecurityFindings.SeverityRule)}");
        foreach (var entity in context.Catalog.Entities)
        {
            var findings = SecurityFindings.For(entity, context.Facts(entity.Id));
            if (findings.Count == 0)
            {
                continue;
            }

            section.Paragraph($"**{MarkdownText.Escape(entity.Name)}** — {section.Quote(m.Get(EngineeringCalculator.SecurityFindingCount(entity.Id)))} open:");
            section.Bullets(findings.Select(f => $"{SecurityFindings.Word(f.Severity)}: {context.Quote(f.Fact.Fact.Text)} ({Evidence(f.Fact)})"));
        }

        var none = context.Catalog.Entities.Where(e => SecurityFindings.For(e, context.Facts(e.Id)).Count == 0).Select(e => e.Name).ToList();
        if (none.Count > 0)
        {
            section.Paragraph($"No security findings in the handoffs for: {MarkdownText.Escape(string.Join(", ", none))}.");
        }
    }

    // What the owner personally carries: draws against what each entity earned, debt, deposits sitting in operating cash
    // and business costs paid on personal cards.
    private static void WriteOwnerRisk(ReportContext context, SectionBuilder section)
    {
        var m = context.Metrics;
        section.Subheading("Owner's financial risks");
        // A view with no money of its own (the client portfolio) has nothing to show here.
        var entities = context.Catalog.Entities.Where(e => m.Find(OwnerRiskCalculator.Draws(e.Id)) is not null
            && new[] { OwnerRiskCalculator.Draws(e.Id), OwnerRiskCalculator.Earnings(e.Id), OwnerRiskCalculator.DebtService12(e.Id), OwnerRiskCalculator.DepositsHeld(e.Id) }
                .Any(id => m.Get(id).Value != 0)).ToList();
        if (entities.Count == 0)
        {
            section.Missing($"no KPI inputs for {context.PeriodText}, so draws, debt and deposits cannot be assessed");
        }
        else
        {
            section.Paragraph($"Per entity over the last {OwnerRiskCalculator.WindowMonths} months: earnings before draws (revenue booked − expenses), owner draws, "
                + "debt service (mortgage and loan payments), and deposits held at month end.");
            section.Table(["Entity", "Earnings (booked)", "Owner draws (paid)", "Draws ÷ earnings", "Debt service (paid)", "Deposits held"],
                entities.Select(e => (IReadOnlyList<string>)
                [
                    MarkdownText.Cell(e.Name),
                    section.Quote(m.Get(OwnerRiskCalculator.Earnings(e.Id))),
                    section.Quote(m.Get(OwnerRiskCalculator.Draws(e.Id))),
                    section.Quote(m.Get(OwnerRiskCalculator.DrawsShare(e.Id))),
                    section.Quote(m.Get(OwnerRiskCalculator.DebtService12(e.Id))),
                    section.Quote(m.Get(OwnerRiskCalculator.DepositsHeld(e.Id))),
                ]), [false, true, true, true, true, true]);

            var findings = new List<string>();
            foreach (var e in entities)
            {
                var draws = m.Get(OwnerRiskCalculator.Draws(e.Id));
                var earnings = m.Get(OwnerRiskCalculator.Earnings(e.Id));
                if (draws.Value > 0 && draws.Value > earnings.Value)
                {
                    findings.Add($"**{MarkdownText.Escape(e.Name)}: draws exceed earnings** — {section.Quote(draws)} drawn against {section.Quote(earnings)} earned; "
                        + "the difference comes out of the business's cash or capital.");
                }

                var deposits = m.Get(OwnerRiskCalculator.DepositsHeld(e.Id));
                if (deposits.Value > 0)
                {
                    findings.Add($"**{MarkdownText.Escape(e.Name)}: {section.Quote(deposits)} of deposits sit in operating cash** — owed back or owed as service; "
                        + "the KPI inputs record no separate deposit account, so they are commingled with money the owner could spend.");
                }
            }

            // The CFO model's per-entity minimum-cash test (free cash against Finance:EntityMinimumCash), quoted, not redone.
            foreach (var e in entities)
            {
                if (m.Find(CfoMetricIds.Entity(e.Id, "minimum-cash.headroom")) is { Value: < 0 } headroom)
                {
                    findings.Add($"**{MarkdownText.Escape(e.Name)}: below minimum cash** — free cash {section.Quote(m.Get(CfoMetricIds.Entity(e.Id, "free-cash")))} "
                        + $"against its {section.Quote(m.Get(CfoMetricIds.Entity(e.Id, "minimum-cash")))} minimum (headroom {section.Quote(headroom)}); the owner funds the gap.");
                }
            }

            var debtors = entities.Where(e => m.Get(OwnerRiskCalculator.DebtService12(e.Id)).Value > 0).ToList();
            if (debtors.Count > 0)
            {
                findings.Add("Debt serviced: " + string.Join("; ", debtors.Select(e =>
                    $"{MarkdownText.Escape(e.Name)} {section.Quote(m.Get(OwnerRiskCalculator.DebtServiceMonth(e.Id)))}")) + ".");
            }

            if (findings.Count > 0)
            {
                section.Bullets(findings);
            }
        }

        var cards = context.Facts().Where(f => PersonalCard().IsMatch(f.Fact.Text)).ToList();
        if (cards.Count == 0)
        {
            section.Paragraph("No handoff note mentions business costs paid on a personal card or account.");
        }
        else
        {
            section.Paragraph("Business costs on personal cards or accounts (the business's books miss them until reimbursed):");
            section.Bullets(cards.Select(f => $"{MarkdownText.Escape(context.NameOf(f.Document.EntityId ?? "unassigned"))}: {context.Quote(f.Fact.Text)} ({Evidence(f)})"));
        }
    }

    private static void WriteBusinessAssets(ReportContext context, SectionBuilder section)
    {
        var m = context.Metrics;
        section.Subheading("Business assets from the inputs");
        var rows = new List<IReadOnlyList<string>>();
        foreach (var e in context.Catalog.Entities)
        {
            var month = context.Kpi(e.Id);
            if (month is null)
            {
                continue;
            }

            var name = MarkdownText.Cell(e.Name);
            if (month.Rental is { Units.Count: > 0 } rental && m.Find(RentalCalculator.GrossPotentialRent) is { } gross && e.Id == RentalCalculator.EntityId)
            {
                rows.Add([name, "Property", MarkdownText.Cell($"{rental.Units.Count} units ({string.Join(", ", rental.Units.Select(u => u.Name))})"), section.Quote(gross)]);
            }

            foreach (var loan in month.Expenses.Where(DebtService.Is))
            {
                rows.Add([name, "Loan", MarkdownText.Cell(loan.Vendor is { Length: > 0 } v ? $"{loan.Description} ({v})" : loan.Description),
                    section.Quote(m.Get(OwnerRiskCalculator.DebtServiceMonth(e.Id)))]);
            }

            foreach (var kept in month.Expenses.Where(x => x.AccountCode is VesselCode or VehicleCode))
            {
                rows.Add([name, kept.AccountCode == VesselCode ? "Vessel (moorage or lease paid)" : "Vehicle or equipment", MarkdownText.Cell(kept.Description), "no value recorded"]);
            }

            if (m.Find(OwnerRiskCalculator.EmailList(e.Id)) is { } list)
            {
                rows.Add([name, "Email list", "largest audience sent to", section.Quote(list)]);
            }

            var listings = month.Channels.Where(c => c.Listed).Select(c => c.Live ? c.Channel : $"{c.Channel} (not live)").ToList();
            if (listings.Count > 0)
            {
                rows.Add([name, "Listings", MarkdownText.Cell(string.Join(", ", listings)), "—"]);
            }
        }

        if (rows.Count == 0)
        {
            section.Missing($"no KPI inputs for {context.PeriodText} record a property, loan, vessel, vehicle, email list or listing");
            return;
        }

        section.Paragraph($"What the KPI inputs of {context.PeriodText} show each entity owns or owes. Vessel and vehicle values and loan balances are not recorded.");
        section.Table(["Entity", "Asset", "Detail", "Figure"], rows, [false, false, false, true]);
    }

    private const string VesselCode = "6000";
    private const string VehicleCode = "6050";

    private static void WritePipeline(ReportContext context, SectionBuilder section)
    {
        var m = context.Metrics;
        var p = context.PeriodText;
        var horizon = PipelineCalculator.HorizonEnd(context.Period).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        section.Paragraph($"Weighted pipeline = Σ value × probability over open items (Won and Lost excluded). Portfolio: {section.Quote(m.Get(PipelineCalculator.PortfolioWeighted))} weighted "
            + $"of {section.Quote(m.Get(PipelineCalculator.PortfolioOpenValue))} open; expected to close by {horizon} (next {PipelineCalculator.HorizonDays} days): "
            + $"{section.Quote(m.Get(PipelineCalculator.PortfolioNext90Days))} weighted.");
        var window = PipelineCalculator.WindowText(context.Period);
        var baseline = PipelineCalculator.WindowBaseline(context.Period);
        var newDeals = m.Get(PipelineCalculator.PortfolioNewDeals);
        var change = m.Get(PipelineCalculator.PortfolioWeightedChange);
        section.Paragraph(change.Value is null
            ? $"Change over the last {PipelineCalculator.ChangeMonths} months ({window}): {section.Quote(change)}."
            : $"Change over the last {PipelineCalculator.ChangeMonths} months ({window}, month end {baseline} against month end {context.PeriodText}): weighted pipeline "
                + $"{section.Quote(m.Get(PipelineCalculator.PortfolioWeightedAtWindowStart))} → {section.Quote(m.Get(PipelineCalculator.PortfolioWeighted))} ({section.Quote(change)}). "
                + (newDeals.Value == 0 ? $"No new deals in {window}."
                    : $"New deals in {window}: {section.Quote(newDeals)}, worth {section.Quote(m.Get(PipelineCalculator.PortfolioNewDealsValue))} unweighted."));

        var stages = PipelineCalculator.OpenStages.Where(s => m.Find(PipelineCalculator.PortfolioStageWeighted(s)) is not null).ToList();
        if (stages.Count > 0)
        {
            section.Subheading("By stage");
            section.Table(["Stage", "Weighted"],
                stages.Select(s => (IReadOnlyList<string>)[PipelineCalculator.StageSlug(s), section.Quote(m.Get(PipelineCalculator.PortfolioStageWeighted(s)))]),
                [false, true]);
        }

        section.Subheading("By entity");
        var withPipeline = new List<(CatalogEntity Entity, KpiMonth Month)>();
        foreach (var entity in context.Catalog.Entities)
        {
            if (context.Kpi(entity.Id) is { Pipeline.Count: > 0 } month)
            {
                withPipeline.Add((entity, month));
            }
            else
            {
                section.Missing($"no pipeline items recorded for {entity.Name} in {p}");
            }
        }

        if (withPipeline.Count > 0)
        {
            section.Table(["Entity", "Open (unweighted)", "Weighted", $"Weighted closing by {horizon}"],
                withPipeline.Select(x => (IReadOnlyList<string>)
                [
                    MarkdownText.Cell(x.Entity.Name),
                    section.Quote(m.Get(PipelineCalculator.OpenValue(x.Entity.Id))),
                    section.Quote(m.Get(PipelineCalculator.Weighted(x.Entity.Id))),
                    section.Quote(m.Get(PipelineCalculator.Next90Days(x.Entity.Id))),
                ]), [false, true, true, true]);

            section.Subheading("Items");
            var rows = new List<IReadOnlyList<string>>();
            foreach (var (entity, month) in withPipeline)
            {
                var slugs = PipelineCalculator.ItemSlugs(month);
                for (var i = 0; i < month.Pipeline.Count; i++)
                {
                    var item = month.Pipeline[i];
                    var open = PipelineCalculator.IsOpen(item);
                    var close = item.ExpectedClose?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "not set";
                    if (open && item.ExpectedClose is { } d && d < context.Period.FirstDay)
                    {
                        close += " (slipped)";
                    }

                    rows.Add(
                    [
                        MarkdownText.Cell(entity.Name),
                        MarkdownText.Cell(item.Name),
                        PipelineCalculator.StageSlug(item.Stage),
                        section.Quote(m.Get(PipelineCalculator.ItemValue(entity.Id, slugs[i]))),
                        open ? section.Quote(m.Get(PipelineCalculator.ItemProbability(entity.Id, slugs[i]))) : "closed",
                        open ? section.Quote(m.Get(PipelineCalculator.ItemWeighted(entity.Id, slugs[i]))) : "excluded",
                        close,
                    ]);
                }
            }

            section.Table(["Entity", "Item", "Stage", "Value", "Probability", "Weighted", "Expected close"], rows, [false, false, false, true, true, true, false]);
        }
    }

    private static void WritePriorities(ReportContext context, SectionBuilder section)
    {
        var m = context.Metrics;
        var items = new List<Priority>();
        foreach (var entity in context.Catalog.Entities)
        {
            foreach (var f in SecurityFindings.For(entity, context.Facts(entity.Id)).Where(f => f.Severity <= SecuritySeverity.High))
            {
                items.Add(new Priority(1, (int)f.Severity, 0m, entity.Name,
                    $"**Security ({SecurityFindings.Word(f.Severity)}) — {MarkdownText.Escape(entity.Name)}**: {context.Quote(f.Fact.Fact.Text)} Evidence: {Evidence(f.Fact)}. Owner: CTO."));
            }

            if (m.Find(RevenueRecognitionCalculator.FutureServiceTrailing(entity.Id)) is { Value: > 0 } early)
            {
                items.Add(new Priority(2, 0, early.Value!.Value, entity.Name,
                    $"**Revenue recognition** — {RevenueRecognitionCalculator.Finding(m, entity.Id, entity.Name, section.Quote)} "
                    + $"Evidence: metrics `{RevenueRecognitionCalculator.Restate(entity.Id)}`, `{RevenueRecognitionCalculator.ToDeposits(entity.Id)}`. Owner: Accounting."));
            }

            if (m.Find(RevenueRecognitionCalculator.NetOfCommission(entity.Id)) is { Value: > 0 } net)
            {
                var commission = m.Get(RevenueRecognitionCalculator.OmittedCommission(entity.Id));
                items.Add(new Priority(2, 1, commission.Value ?? 0m, entity.Name,
                    $"**Revenue recognition — {MarkdownText.Escape(entity.Name)}**: book OTA payouts gross with commission as an expense "
                    + $"({section.Quote(net)} booked net; {section.Quote(commission)} commission unrecorded in {context.PeriodText}). Evidence: metric `{net.Id}`. Owner: Accounting."));
            }

            if (m.Find(ReceivablesCalculator.Overdue(entity.Id)) is { Value: > 0 } overdue)
            {
                items.Add(new Priority(4, 0, overdue.Value!.Value, entity.Name,
                    $"**Collections — {MarkdownText.Escape(entity.Name)}**: chase {section.Quote(overdue)} overdue (oldest {section.Quote(m.Get(ReceivablesCalculator.OldestOverdueDays(entity.Id)))}). "
                    + $"Evidence: metric `{overdue.Id}`. Owner: Accounting."));
            }

            if (m.Find(ReceivablesCalculator.UnbilledHours(entity.Id)) is { Value: > 0 } hours)
            {
                var value = m.Get(ReceivablesCalculator.UnbilledValue(entity.Id));
                items.Add(new Priority(4, 1, value.Value ?? 0m, entity.Name,
                    $"**Unbilled work — {MarkdownText.Escape(entity.Name)}**: invoice {section.Quote(hours)} of unbilled time ({section.Quote(value)} at the clients' rates). "
                    + $"Evidence: metric `{hours.Id}`. Owner: Accounting."));
            }

            foreach (var channel in PendingChannels(entity, context.Kpi(entity.Id)))
            {
                items.Add(new Priority(5, 0, 0m, entity.Name,
                    $"**Channel launch — {MarkdownText.Escape(entity.Name)}**: {MarkdownText.Escape(channel.Reason)}. Evidence: `{MarkdownText.Escape(channel.Evidence)}`. Owner: CMO."));
            }
        }

        // The conservative runway leads (free cash, after draws, lowest of the definitions): the trailing one alone ignores
        // the owner's draws and the deposits held in cash, and reads months longer while cash falls (issue 14).
        if (m.Find(CfoMetricIds.RunwayConservative) is { } conservative && m.Find(CfoMetricIds.RunwayTrailing) is { } runway
            && m.Find(CfoMetricIds.MarginOfSafety) is { } margin && m.Find(CfoMetricIds.BookingsNeeded) is { } bookings)
        {
            items.Add(new Priority(3, 0, 0m, "portfolio",
                $"**Cash and runway — portfolio**: conservative runway {section.Quote(conservative)} (the lowest of the CFO's definitions, on free cash after owner draws); "
                + $"{section.Quote(runway)} at the trailing burn of {section.Quote(m.Get(CfoMetricIds.NetBurnAverage))} before draws; "
                + $"margin of safety {section.Quote(margin)} against break-even revenue {section.Quote(m.Get(CfoMetricIds.BreakEvenRevenue))}; "
                + $"{section.Quote(bookings)} extra bookings a month close the gap. Evidence: CFO metrics `{CfoMetricIds.RunwayConservative}`, `{CfoMetricIds.RunwayTrailing}`, `{CfoMetricIds.MarginOfSafety}`. Owner: CFO."));
        }
        else
        {
            section.Missing($"no CFO runway or break-even figures for {context.PeriodText} (no KPI inputs), so cash is not on the agenda");
        }

        section.Paragraph(MarkdownText.Escape(RankingRule));
        if (items.Count == 0)
        {
            section.Missing("no findings in any report this month to put on the agenda");
            return;
        }

        section.Numbered(Rank(items).Select(i => i.Markdown));
    }

    public sealed record PendingChannel(string Channel, string Reason, string Evidence);

    // Catalog channels that are listed but not live, or not listed at all, according to the month's KPI channels.
    public static IReadOnlyList<PendingChannel> PendingChannels(CatalogEntity entity, KpiMonth? month)
    {
        if (month is null || month.Channels.Count == 0)
        {
            return [];
        }

        var pending = new List<PendingChannel>();
        foreach (var name in entity.Channels)
        {
            var kpi = month.Channels.FirstOrDefault(c => c.Channel.StartsWith(name, StringComparison.OrdinalIgnoreCase));
            var evidence = $"{MetricInput.KpiSource(entity.Id)} channels[{name}] {month.Period}";
            if (kpi is null)
            {
                pending.Add(new PendingChannel(name, $"{name} is in the catalog but has no KPI channel record", evidence));
            }
            else if (!kpi.Listed && !kpi.Live && !FunnelCalculator.HasFunnel(kpi))
            {
                pending.Add(new PendingChannel(name, $"not listed on {name} yet", evidence + ".listed=false"));
            }
            else if (kpi.Listed && !kpi.Live)
            {
                pending.Add(new PendingChannel(name, $"listed on {name} but not live", evidence + ".live=false"));
            }
        }

        return pending;
    }

    [GeneratedRegex(@"deposits?|recogni[sz]|net of commission|payouts?|deferred|double-counted|booked as revenue|recorded when", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Recognition();

    [GeneratedRegex(@"single point of failure|\bspof\b|only one|bus factor|personal (account|card|gmail|email)|no replica|from a laptop", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SinglePointOfFailure();

    [GeneratedRegex(@"personal (credit |debit )?(card|account)|own card|paid personally", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PersonalCard();
}
