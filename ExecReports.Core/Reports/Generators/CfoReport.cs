using ExecReports.Core.Reports.Finance;
using ExecReports.Core.Reports.Metrics;
using ExecReports.Core.Reports.Rendering;

namespace ExecReports.Core.Reports.Generators;

public sealed class CfoReport : ReportGenerator
{
    public override void Write(ReportContext context, ReportBuilder report)
    {
        var m = context.Metrics;
        var p = context.PeriodText;
        if (context.Cfo.Current is null)
        {
            foreach (var section in ReportSections.Cfo.All)
            {
                report.Section(section).Missing($"no KPI inputs recorded for any entity in {p}");
            }

            return;
        }

        var burn = report.Section(ReportSections.Cfo.BurnRate);
        burn.Paragraph($"Net burn (trailing three months, cash basis): {burn.Quote(m.Get(CfoMetricIds.NetBurnAverage))}, "
            + $"ranging {burn.Quote(m.Get(CfoMetricIds.NetBurnLow))} to {burn.Quote(m.Get(CfoMetricIds.NetBurnHigh))}.");
        burn.Paragraph($"After owner draws (what the owner-operator's cash actually loses): {burn.Quote(m.Get(CfoMetricIds.NetBurnAfterDrawsAverage))} trailing three-month average; "
            + $"{burn.Quote(m.Get(CfoMetricIds.NetBurnAfterDraws))} in {p}. Capital injections are financing and are shown on their own line of the cash bridge.");
        burn.Paragraph($"In {p}: gross burn {burn.Quote(m.Get(CfoMetricIds.GrossBurn))}, cash received {burn.Quote(m.Get(CfoMetricIds.CashIn))}, "
            + $"net burn {burn.Quote(m.Get(CfoMetricIds.NetBurn))}. Owner draws ({burn.Quote(m.Get(CfoMetricIds.OwnerDraws))}) and capital injections "
            + $"({burn.Quote(m.Get(CfoMetricIds.CapitalInjections))}) are financing and are not counted as burn.");
        burn.Table(["Month", "Cash (received)", "Expenses (paid)", "Net burn (received − paid)", "Owner draws (paid)", "Net burn after draws (received − paid)", "Cash on hand (received)"],
            context.Cfo.Series.Where(s => s.Period > context.Period.AddMonths(-CfoModel.TrendMonths)).Select(s => (IReadOnlyList<string>)
            [
                s.Period.ToString(),
                burn.Quote(m.Get(CfoMetricIds.History(s.Period, CfoHistory.CashIn))),
                burn.Quote(m.Get(CfoMetricIds.History(s.Period, CfoHistory.Expenses))),
                burn.Quote(m.Get(CfoMetricIds.History(s.Period, CfoHistory.NetBurn))),
                burn.Quote(m.Get(CfoMetricIds.History(s.Period, CfoHistory.OwnerDraws))),
                burn.Quote(m.Get(CfoMetricIds.History(s.Period, CfoHistory.NetBurnAfterDraws))),
                burn.Quote(m.Get(CfoMetricIds.History(s.Period, CfoHistory.Cash))),
            ]), [false, true, true, true, true, true, true]);

        var opening = m.Get(CfoMetricIds.BridgeOpening);
        if (opening.Value is null)
        {
            burn.Missing(opening.Display);
        }
        else
        {
            burn.Paragraph($"Cash bridge {context.Period.Previous()} → {p} (cash basis): opening cash to closing cash.");
            string[] lines = ["operating", "owner-draws", "capital-injections", "customer-deposits", "security-deposits", "unexplained"];
            burn.Table(["Line", "Amount (received/paid, cash basis)"],
                lines.Select(id => m.Get(CfoMetricIds.Bridge(id)))
                    .Select(l => (IReadOnlyList<string>)[MarkdownText.Cell(l.Label), burn.Quote(l)])
                    .Prepend([MarkdownText.Cell(opening.Label), burn.Quote(opening)])
                    .Append(["Closing cash", burn.Quote(m.Get(CfoMetricIds.Cash))]),
                [false, true]);
        }

        burn.Paragraph(ReceivedBridge.Line(m, burn.Quote));

        var runway = report.Section(ReportSections.Cfo.Runway);
        runway.Table(["Definition", "Runway", "Basis"],
        [
            ["Trailing average net burn", runway.Quote(m.Get(CfoMetricIds.RunwayTrailing)), MarkdownText.Cell(m.Get(CfoMetricIds.RunwayTrailing).Formula)],
            ["12-month seasonal forecast", runway.Quote(m.Get(CfoMetricIds.RunwayForecast)), MarkdownText.Cell(m.Get(CfoMetricIds.RunwayForecast).Formula)],
            ["Change in cash", runway.Quote(m.Get(CfoMetricIds.RunwayCashChange)), MarkdownText.Cell(m.Get(CfoMetricIds.RunwayCashChange).Formula)],
            ["Free cash after owner draws", runway.Quote(m.Get(CfoMetricIds.RunwayFreeCashAfterDraws)), MarkdownText.Cell(m.Get(CfoMetricIds.RunwayFreeCashAfterDraws).Formula)],
            ["**Conservative**", runway.Quote(m.Get(CfoMetricIds.RunwayConservative)), MarkdownText.Cell(m.Get(CfoMetricIds.RunwayConservative).Formula)],
            ["Sensitivity: linear trend (not counted)", runway.Quote(m.Get(CfoMetricIds.RunwayForecastLinear)), MarkdownText.Cell(m.Get(CfoMetricIds.RunwayForecastLinear).Formula)],
        ]);
        runway.Paragraph("Why they differ: the trailing figure ignores owner draws and the deposits held for others, the forecast follows last year's seasonal pattern, "
            + "the change in cash includes draws and injections, and free cash after draws counts only the cash the owner may spend at the rate the owner actually spends it.");
        runway.Paragraph($"Forecast (cash basis) — method: {runway.Quote(m.Get(CfoMetricIds.ForecastMethod))}. Year-on-year growth: cash received "
            + $"{runway.Quote(m.Get(CfoMetricIds.ForecastGrowth("cash-in")))}, expenses {runway.Quote(m.Get(CfoMetricIds.ForecastGrowth("expenses")))}. "
            + "The linear trend is shown only as a sensitivity: a straight line through a seasonal business overstates the next months.");
        runway.Table(["Month", "Cash (received, forecast)", "Expenses (paid, forecast)", "Net burn (received − paid, forecast)", "Net burn (received − paid, linear sensitivity)"],
            Enumerable.Range(1, 12).Select(k => context.Period.AddMonths(k)).Select(month => (IReadOnlyList<string>)
            [
                month.ToString(),
                runway.Quote(m.Get(CfoMetricIds.ForecastFor(month, "cash-in"))),
                runway.Quote(m.Get(CfoMetricIds.ForecastFor(month, "expenses"))),
                runway.Quote(m.Get(CfoMetricIds.ForecastFor(month, "net-burn"))),
                runway.Quote(m.Get(CfoMetricIds.ForecastFor(month, "net-burn.linear"))),
            ]), [false, true, true, true, true]);
        WriteDirectForecast(context, runway);
        runway.Paragraph($"Free cash {runway.Quote(m.Get(CfoMetricIds.FreeCash))} = cash on hand {runway.Quote(m.Get(CfoMetricIds.Cash))} − customer deposits held "
            + $"{runway.Quote(m.Get(CfoMetricIds.CustomerDeposits))} − tenant security deposits held {runway.Quote(m.Get(CfoMetricIds.SecurityDeposits))}.");
        runway.Paragraph($"Cash on hand {runway.Quote(m.Get(CfoMetricIds.Cash))}; at the trailing rate cash reaches zero in {runway.Quote(m.Get(CfoMetricIds.CashZeroMonth))}. "
            + $"{MarkdownText.Escape(m.Get(CfoMetricIds.RunwayToMinimumCash).Label)}: {runway.Quote(m.Get(CfoMetricIds.RunwayToMinimumCash))}.");

        runway.Paragraph("Per entity (cash basis; runway = free cash ÷ trailing net burn after owner draws):");
        runway.Table(["Entity", "Cash on hand (received)", "Free cash (received)", "Net burn before draws (received − paid)", "Net burn after draws (received − paid)", "Runway"],
            context.Catalog.Entities.Select(e => (IReadOnlyList<string>)
            [
                MarkdownText.Cell(e.Name),
                runway.Quote(m.Get(CfoMetricIds.Entity(e.Id, "cash"))),
                runway.Quote(m.Get(CfoMetricIds.Entity(e.Id, "free-cash"))),
                runway.Quote(m.Get(CfoMetricIds.Entity(e.Id, "burn.net.avg3"))),
                runway.Quote(m.Get(CfoMetricIds.Entity(e.Id, "burn.net-after-draws.avg3"))),
                runway.Quote(m.Get(CfoMetricIds.Entity(e.Id, "runway"))),
            ]), [false, true, true, true, true, true]);

        runway.Paragraph("Per entity break-even and minimum-cash test (cash basis; the test is on free cash against the entity's configured minimum):");
        runway.Table(["Entity", "Break-even revenue (received)", "Margin of safety", "Minimum cash (received)", "Free cash above minimum (received)", "Minimum-cash test"],
            context.Catalog.Entities.Select(e => (IReadOnlyList<string>)
            [
                MarkdownText.Cell(e.Name),
                runway.Quote(m.Get(CfoMetricIds.Entity(e.Id, "break-even"))),
                runway.Quote(m.Get(CfoMetricIds.Entity(e.Id, "margin-of-safety"))),
                runway.Quote(m.Get(CfoMetricIds.Entity(e.Id, "minimum-cash"))),
                runway.Quote(m.Get(CfoMetricIds.Entity(e.Id, "minimum-cash.headroom"))),
                MinimumCashTest(m.Get(CfoMetricIds.Entity(e.Id, "minimum-cash.headroom"))),
            ]), [false, true, true, true, true, false]);
        var below = context.Catalog.Entities.Where(e => m.Get(CfoMetricIds.Entity(e.Id, "minimum-cash.headroom")).Value < 0).Select(e => MarkdownText.Escape(e.Name)).ToList();
        runway.Paragraph(below.Count == 0
            ? "Every entity with inputs holds at least its minimum free cash."
            : $"**Below minimum cash:** {string.Join(", ", below)}. Each needs cash moved in or spending cut before any new commitment.");

        runway.Paragraph("Budget against actual per entity: revenue booked (accrual) against the monthly revenue target, net burn (cash basis, before draws) "
            + "against the burn ceiling, for the month and the year to date:");
        var budgetRows = context.Catalog.Entities.SelectMany(e => new[]
        {
            ("revenue", "month", "Revenue booked (accrual), month"), ("revenue", "ytd", "Revenue booked (accrual), year to date"),
            ("burn", "month", "Net burn (cash basis), month"), ("burn", "ytd", "Net burn (cash basis), year to date"),
        }.Select(line => (Entity: e, line.Item1, line.Item2, Label: line.Item3))).ToList();
        runway.Table(["Entity", "Line (basis)", "Actual", "Target or ceiling", "Variance", "Judgement"],
            budgetRows.Select(r => (IReadOnlyList<string>)
            [
                MarkdownText.Cell(r.Entity.Name),
                r.Label,
                runway.Quote(m.Get(CfoMetricIds.Budget(r.Entity.Id, r.Item2, r.Item3, "actual"))),
                runway.Quote(m.Get(CfoMetricIds.Budget(r.Entity.Id, r.Item2, r.Item3, "budget"))),
                context.Cfo.Budget.ContainsKey(CfoMetricIds.Budget(r.Entity.Id, r.Item2, r.Item3, "variance")) ? runway.Quote(m.Get(CfoMetricIds.Budget(r.Entity.Id, r.Item2, r.Item3, "variance"))) : "n/a",
                Judgement(context.Cfo.Budget.GetValueOrDefault(CfoMetricIds.Budget(r.Entity.Id, r.Item2, r.Item3, "variance"))),
            ]), [false, false, true, true, true, false]);

        var deploy = report.Section(ReportSections.Cfo.CapitalDeployment);
        var conservative = m.Get(CfoMetricIds.RunwayConservative);
        var posture = CapitalPosture.For(conservative.Value, conservative.Special == "∞");
        deploy.Paragraph($"Posture for the next quarter: {CapitalPosture.Advice(posture)}");
        deploy.Paragraph($"Rule: {CapitalPosture.Rule(deploy.Quote(m.Get(CfoMetricIds.PostureSelectiveFrom)), deploy.Quote(m.Get(CfoMetricIds.PostureInvestFrom)))}. Conservative runway: {deploy.Quote(conservative)}.");
        deploy.Numbered(
        [
            $"Protect the reserve: keep cash above the minimum ({MarkdownText.Escape(m.Get(CfoMetricIds.RunwayToMinimumCash).Label)}: {deploy.Quote(m.Get(CfoMetricIds.RunwayToMinimumCash))}).",
            "Fix revenue leaks first (deposits booked early, OTA payouts booked net, unbilled hours) — no cash out, real cash in.",
            $"Then commission-only channels: the break-even gap is {deploy.Quote(m.Get(CfoMetricIds.BookingsNeeded))} extra bookings a month after commission.",
            "Fixed-cost commitments last, and only once the margin of safety is positive.",
        ]);

        var breakEven = report.Section(ReportSections.Cfo.BreakEven);
        breakEven.Paragraph($"Break-even revenue {breakEven.Quote(m.Get(CfoMetricIds.BreakEvenRevenue))} = fixed costs {breakEven.Quote(m.Get(CfoMetricIds.FixedCostsAverage))} ÷ "
            + $"contribution-margin ratio {breakEven.Quote(m.Get(CfoMetricIds.ContributionMarginRatio))} (variable costs {breakEven.Quote(m.Get(CfoMetricIds.VariableCostsAverage))} "
            + $"against revenue received {breakEven.Quote(m.Get(CfoMetricIds.RevenueAverage))}).");
        breakEven.Paragraph($"Loan and mortgage payments in fixed costs: {breakEven.Quote(m.Get(CfoMetricIds.DebtServiceCashBasis))} is {DebtService.CashBasisLabel} "
            + $"(the input gives no principal/interest split, so the whole payment counts); {breakEven.Quote(m.Get(CfoMetricIds.LoanPrincipal))} of principal on split payments "
            + "is financing and left out, only their interest is an expense.");
        breakEven.Bullets(
        [
            $"Margin of safety: {breakEven.Quote(m.Get(CfoMetricIds.MarginOfSafety))}.",
            $"Break-even month on the forecast: {breakEven.Quote(m.Get(CfoMetricIds.BreakEvenMonth))} (linear-trend sensitivity: {breakEven.Quote(m.Get(CfoMetricIds.BreakEvenMonthLinear))}).",
            $"Extra bookings a month to break even, after OTA commission: {breakEven.Quote(m.Get(CfoMetricIds.BookingsNeeded))}.",
        ]);

        var targets = report.Section(ReportSections.Cfo.RevenueTargets);
        var breakEvenRevenue = m.Get(CfoMetricIds.BreakEvenRevenue);
        targets.Paragraph($"This month's revenue target {targets.Quote(m.Get(CfoMetricIds.RevenueTarget))}. The path ramps from revenue received (cash basis) to the higher of "
            + $"this month's target and break-even revenue plus a {(context.Finance.TargetBufferPercent * 100m).ToString("0", System.Globalization.CultureInfo.InvariantCulture)}% buffer "
            + $"by {context.Cfo.Targets.LastOrDefault()?.Month.ToString() ?? "the end of next year"}, shaped by the seasonal profile (each month's cash received last year ÷ the 12-month average; "
            + $"flat without 12 months). Months below break-even revenue ({targets.Quote(breakEvenRevenue)}) are marked:");
        if (context.Cfo.Targets.Count == 0)
        {
            targets.Missing($"no revenue or revenue target recorded for {p}, so no target path can be set");
        }
        else
        {
            targets.Table(["Month", "Quarter", "Revenue target (received)", "Against break-even"],
                context.Cfo.Targets.Select(t => (IReadOnlyList<string>)
                [
                    t.Month.ToString(), t.Month.Quarter.ToString(), targets.Quote(t.Metric),
                    breakEvenRevenue.Value is not { } be ? "n/a" : t.Metric.Value < be ? "**below break-even**" : "at or above",
                ]),
                [false, false, true, false]);
        }
    }

    private static void WriteDirectForecast(ReportContext context, SectionBuilder section)
    {
        var m = context.Metrics;
        var low = m.Get(DirectCashForecast.Low);
        if (low.Value is null)
        {
            section.Missing($"13-week direct cash forecast: {low.Display}");
            return;
        }

        var headroom = m.Get(DirectCashForecast.LowHeadroom);
        section.Paragraph("13-week direct cash forecast (received and paid, cash basis) from known items only: recurring fixed costs and loan payments "
            + "(fixed lines in each of the last three months, paid on the 1st), recurring owner draws, rent while each lease runs (no renewal assumed), "
            + "the tenant's share of security deposits refunded at lease end, and scheduled delivery jobs paid on their delivery date. New bookings are not known "
            + "and not counted; customer deposits are released into revenue without cash moving, so they do not appear.");
        section.Table(["Week", "From", "Opening cash", "Known in (received)", "Known out (paid)", "Closing cash"],
            Enumerable.Range(1, DirectCashForecast.Weeks).Select(n => (IReadOnlyList<string>)
            [
                n.ToString(System.Globalization.CultureInfo.InvariantCulture),
                DirectCashForecast.StartOf(context.Period).AddDays((n - 1) * 7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                section.Quote(m.Get(DirectCashForecast.Week(n, "opening"))),
                section.Quote(m.Get(DirectCashForecast.Week(n, "in"))),
                section.Quote(m.Get(DirectCashForecast.Week(n, "out"))),
                m.Get(DirectCashForecast.Week(n, "closing")) is var closing && closing.Value == low.Value
                    ? $"**{section.Quote(closing)} (lowest)**" : section.Quote(closing),
            ]), [false, false, true, true, true, true]);
        section.Paragraph($"{MarkdownText.Escape(low.Label)}: {section.Quote(low)}; {MarkdownText.Escape(headroom.Label)} (Finance:MinimumCash): {section.Quote(headroom)}"
            + (headroom.Value < 0 ? " — **BELOW MINIMUM CASH**: arrange cash or cut commitments before that week." : " — stays above the minimum.")
            + $" {MarkdownText.Escape(m.Get(DirectCashForecast.Undated).Label)}: {section.Quote(m.Get(DirectCashForecast.Undated))}.");
    }

    // Favourability and materiality in words; the thresholds are the Finance materiality metrics printed elsewhere.
    private static string Judgement(VarianceResult? result) => result switch
    {
        null => "n/a",
        { IsFavourable: true } => result.IsMaterial ? "favourable, material" : "favourable",
        { IsMaterial: true } => "**unfavourable, material**",
        _ => "unfavourable, not material",
    };

    private static string MinimumCashTest(Metric headroom) => headroom.Value switch
    {
        null => "n/a",
        < 0 => "**BELOW MINIMUM**",
        _ => "passes",
    };
}
