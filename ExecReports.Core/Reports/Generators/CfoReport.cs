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
        burn.Paragraph($"In {p}: gross burn {burn.Quote(m.Get(CfoMetricIds.GrossBurn))}, cash received {burn.Quote(m.Get(CfoMetricIds.CashIn))}, "
            + $"net burn {burn.Quote(m.Get(CfoMetricIds.NetBurn))}. Owner draws ({burn.Quote(m.Get(CfoMetricIds.OwnerDraws))}) and capital injections "
            + $"({burn.Quote(m.Get(CfoMetricIds.CapitalInjections))}) are financing and are not counted as burn.");
        burn.Table(["Month", "Cash received", "Expenses", "Net burn", "Cash on hand"],
            context.Cfo.Series.Where(s => s.Period > context.Period.AddMonths(-CfoModel.TrendMonths)).Select(s => (IReadOnlyList<string>)
            [
                s.Period.ToString(),
                burn.Quote(m.Get(CfoMetricIds.History(s.Period, CfoHistory.CashIn))),
                burn.Quote(m.Get(CfoMetricIds.History(s.Period, CfoHistory.Expenses))),
                burn.Quote(m.Get(CfoMetricIds.History(s.Period, CfoHistory.NetBurn))),
                burn.Quote(m.Get(CfoMetricIds.History(s.Period, CfoHistory.Cash))),
            ]), [false, true, true, true, true]);

        var runway = report.Section(ReportSections.Cfo.Runway);
        runway.Table(["Definition", "Runway", "Basis"],
        [
            ["Trailing average net burn", runway.Quote(m.Get(CfoMetricIds.RunwayTrailing)), MarkdownText.Cell(m.Get(CfoMetricIds.RunwayTrailing).Formula)],
            ["12-month forecast", runway.Quote(m.Get(CfoMetricIds.RunwayForecast)), MarkdownText.Cell(m.Get(CfoMetricIds.RunwayForecast).Formula)],
            ["Change in cash", runway.Quote(m.Get(CfoMetricIds.RunwayCashChange)), MarkdownText.Cell(m.Get(CfoMetricIds.RunwayCashChange).Formula)],
        ]);
        runway.Paragraph($"Cash on hand {runway.Quote(m.Get(CfoMetricIds.Cash))}; at the trailing rate cash reaches zero in {runway.Quote(m.Get(CfoMetricIds.CashZeroMonth))}. "
            + $"{MarkdownText.Escape(m.Get(CfoMetricIds.RunwayToMinimumCash).Label)}: {runway.Quote(m.Get(CfoMetricIds.RunwayToMinimumCash))}.");

        var deploy = report.Section(ReportSections.Cfo.CapitalDeployment);
        var runwayMonths = m.Get(CfoMetricIds.RunwayTrailing).Value;
        var posture = runwayMonths switch
        {
            null => "Cash-positive: fund growth from operating cash; hold the minimum-cash reserve and invest the surplus in the highest-return channel.",
            < 6 => "Preserve cash: freeze discretionary spend, defer new listings that carry fixed fees, and pursue receivables and deposits first.",
            < 12 => "Selective: spend only on items that pay back within one quarter (commission-only OTA listings, collections, fixing revenue leaks).",
            _ => "Invest: runway allows experiments that pay back within two quarters, while keeping the minimum-cash reserve.",
        };
        deploy.Paragraph($"Posture for the next quarter: {posture}");
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
        breakEven.Bullets(
        [
            $"Margin of safety: {breakEven.Quote(m.Get(CfoMetricIds.MarginOfSafety))}.",
            $"Break-even month on the current trend: {breakEven.Quote(m.Get(CfoMetricIds.BreakEvenMonth))}.",
            $"Payback month (cumulative cash back to zero): {breakEven.Quote(m.Get(CfoMetricIds.PaybackMonth))}.",
            $"Extra bookings a month to break even, after OTA commission: {breakEven.Quote(m.Get(CfoMetricIds.BookingsNeeded))}.",
        ]);

        var targets = report.Section(ReportSections.Cfo.RevenueTargets);
        targets.Paragraph($"This month's revenue target {targets.Quote(m.Get(CfoMetricIds.RevenueTarget))}. Targets ramp to break-even plus a "
            + $"{(context.Finance.TargetBufferPercent * 100m).ToString("0", System.Globalization.CultureInfo.InvariantCulture)}% buffer by {context.Cfo.Targets.LastOrDefault()?.Month.ToString() ?? "the end of next year"}:");
        if (context.Cfo.Targets.Count == 0)
        {
            targets.Missing($"no revenue or revenue target recorded for {p}, so no target path can be set");
        }
        else
        {
            targets.Table(["Month", "Quarter", "Revenue target"],
                context.Cfo.Targets.Select(t => (IReadOnlyList<string>)[t.Month.ToString(), t.Month.Quarter.ToString(), targets.Quote(t.Metric)]),
                [false, false, true]);
        }
    }
}
