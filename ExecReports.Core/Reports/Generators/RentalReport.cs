using System.Text.RegularExpressions;
using ExecReports.Core.Reports.Metrics;
using ExecReports.Core.Reports.Rendering;
using static ExecReports.Core.Reports.Metrics.RentalCalculator;

namespace ExecReports.Core.Reports.Generators;

public sealed partial class RentalReport : ReportGenerator
{
    public override void Write(ReportContext context, ReportBuilder report)
    {
        var name = context.NameOf(EntityId);
        var month = context.Kpi(EntityId);
        var units = Units(month);
        if (month is null || units.Count == 0)
        {
            foreach (var section in ReportSections.Rental.All)
            {
                report.Section(section).Missing($"no rental data recorded for {name} in {context.PeriodText}");
            }

            return;
        }

        var m = context.Metrics;
        WriteOccupancy(context, report.Section(ReportSections.Rental.Occupancy), m, units);
        WriteRentRoll(context, report.Section(ReportSections.Rental.RentRoll), m, units);
        WriteDebtService(report.Section(ReportSections.Rental.DebtService), m);
        WriteDeposits(report.Section(ReportSections.Rental.Deposits), m);
        WriteLeaseEnds(context, report.Section(ReportSections.Rental.LeaseEnds), m, month);
        WriteMaintenance(context, report.Section(ReportSections.Rental.Maintenance), m, units, name);
    }

    private static void WriteOccupancy(ReportContext context, SectionBuilder s, MetricBook m, IReadOnlyList<(Kpis.RentalUnit Unit, string Slug)> units)
    {
        var vacant = units.Where(u => !u.Unit.Occupied).ToList();
        s.Paragraph($"{s.Quote(m.Get(UnitsOccupied))} of {s.Quote(m.Get(UnitsTotal))} units occupied at the end of {context.PeriodText}: "
            + $"occupancy {s.Quote(m.Get(OccupancyRate))}, vacancy cost {s.Quote(m.Get(VacancyCost))} in rent not coming in.");
        if (vacant.Count > 0)
        {
            s.Bullets(vacant.Select(u => $"{MarkdownText.Escape(u.Unit.Name)} is vacant (listed at {s.Quote(m.Get(UnitRent(u.Slug)))})."));
        }

        s.Paragraph($"Economic occupancy (rent actually received against every unit let at its listed rent): {s.Quote(m.Get(EconomicOccupancy))}, "
            + $"{s.Quote(m.Get(YearMonthsCounted))} month(s) of the last {YearMonths} recorded.");
        s.Paragraph($"Trend, {context.Period.AddMonths(1 - TrendMonths)} to {context.PeriodText}:");
        s.Table(["Month", "Occupancy", "Vacancy cost"],
            Enumerable.Range(0, TrendMonths).Select(i => context.Period.AddMonths(i - TrendMonths + 1)).Select(at => (IReadOnlyList<string>)
            [
                at.ToString(),
                s.Quote(m.Get(TrendOccupancy(at))),
                s.Quote(m.Get(TrendVacancyCost(at))),
            ]), [false, true, true]);
    }

    private static void WriteRentRoll(ReportContext context, SectionBuilder s, MetricBook m, IReadOnlyList<(Kpis.RentalUnit Unit, string Slug)> units)
    {
        s.Table(["Unit", "Rent", "Occupied", "Lease end", "Notes"],
            units.Select(u => (IReadOnlyList<string>)
            [
                MarkdownText.Cell(u.Unit.Name),
                s.Quote(m.Get(UnitRent(u.Slug))),
                u.Unit.Occupied ? "yes" : "no (vacant)",
                u.Unit.LeaseEnd is { } end ? DomainMetrics.Date(end) : "not recorded",
                u.Unit.Notes is { Length: > 0 } notes ? context.Quote(notes) : "",
            ]), [false, true, false, false, false]);

        var received = m.Get(RentReceived);
        var scheduled = m.Get(ScheduledRent);
        s.Paragraph($"Scheduled rent from occupied units {s.Quote(scheduled)} (gross potential with every unit let {s.Quote(m.Get(GrossPotentialRent))}); "
            + $"rent received {s.Quote(received)}; collection rate {s.Quote(m.Get(CollectionRate))}.");
        if (scheduled.Value > 0)
        {
            var variance = Variance.Assess(received.Value!.Value, scheduled.Value!.Value, Favourable.Higher, context.Finance.MaterialityPercent,
                context.Finance.MaterialityAmount, "scheduled rent");
            s.Paragraph($"Collection status: {DomainReport.Status(variance.Status)} — received less scheduled {s.Quote(m.Get(CollectionGap))}; "
                + $"{MarkdownText.Escape(variance.Reason)}.");
        }
    }

    private static void WriteDebtService(SectionBuilder s, MetricBook m)
    {
        var minimum = m.Get(LenderMinimumDscr);
        var target = m.Get(LenderTargetDscr);
        s.Paragraph($"Net operating income is rent received less every expense except mortgage and loan payments; DSCR is NOI ÷ debt service. "
            + $"Lenders usually want {s.Quote(minimum)}–{s.Quote(target)}.");
        s.Table(["Figure", "This month", $"Last {YearMonths} months"],
        [
            ["Net operating income", s.Quote(m.Get(Noi)), s.Quote(m.Get(YearNoi))],
            ["Debt service", s.Quote(m.Get(DebtServiceMonth)), s.Quote(m.Get(YearDebtService))],
            ["DSCR", s.Quote(m.Get(Dscr)), s.Quote(m.Get(YearDscr))],
            ["Cash flow after debt service", s.Quote(m.Get(CashFlowAfterDebt)), s.Quote(m.Get(YearCashFlowAfterDebt))],
            ["… with the highest-rent unit vacant one month", s.Quote(m.Get(VacantMonthCashFlow)), s.Quote(m.Get(YearVacantMonthCashFlow))],
        ], [false, true, true]);
        s.Paragraph($"DSCR over the last {YearMonths} months: {DscrVerdict(m.Get(YearDscr), minimum, target)}.");
        var year = m.Get(YearCashFlowAfterDebt);
        var vacant = m.Get(YearVacantMonthCashFlow);
        if (year.Value < 0)
        {
            s.Paragraph($"**The property does not carry its mortgage**: cash flow after debt service over the year is {s.Quote(year)}, "
                + $"and one vacant month of the highest-rent unit takes it to {s.Quote(vacant)}; the shortfall is paid from the landlord's cash.");
        }
        else if (vacant.Value < 0)
        {
            s.Paragraph($"**One vacant month of the highest-rent unit turns the year's cash flow after debt service negative** ({s.Quote(vacant)}): "
                + "the mortgage is then paid from the landlord's cash.");
        }
    }

    // Lenders test the annual figure; the month alone swings with one repair.
    public static string DscrVerdict(Metrics.Metric dscr, Metrics.Metric minimum, Metrics.Metric target) => dscr.Value switch
    {
        null => dscr.Display,
        var v when v < minimum.Value => $"**{dscr.Display}, below the lender's usual minimum of {minimum.Display}**: a refinance or new loan on this NOI would be refused or cut",
        var v when v < target.Value => $"{dscr.Display}, inside the lender's band ({minimum.Display}–{target.Display}) but under the comfortable level",
        _ => $"{dscr.Display}, at or above the lender's comfortable level of {target.Display}",
    };

    private static void WriteDeposits(SectionBuilder s, MetricBook m)
    {
        var deposits = m.Get(SecurityDepositsHeld);
        s.Paragraph($"Security deposits held {s.Quote(deposits)} are a liability: they are owed back to tenants and are not revenue. "
            + $"Cash on hand {s.Quote(m.Get(CashOnHand))} less deposits leaves the landlord's own cash at {s.Quote(m.Get(LandlordCash))}.");
        if (m.Get(LandlordCash).Value < 0)
        {
            s.Paragraph("**Cash on hand does not cover the deposits held**: returning them would need new money.");
        }
    }

    private static void WriteLeaseEnds(ReportContext context, SectionBuilder s, MetricBook m, Kpis.KpiMonth month)
    {
        var leases = Leases(month, context.Period);
        var periodEnd = DomainMetrics.Date(context.Period.LastDay);
        var flagged = leases.Where(l => l.State is LeaseState.EndingSoon or LeaseState.Expired or LeaseState.NotRecorded).ToList();
        s.Paragraph($"Leases are checked against {periodEnd}, the last day of {context.PeriodText}; a lease ending within {LeaseWindowDays} days of it is flagged.");
        if (flagged.Count == 0)
        {
            s.Paragraph($"No lease ends within {LeaseWindowDays} days of {periodEnd} and none has expired.");
        }
        else
        {
            s.Bullets(flagged.Select(l => l.State switch
            {
                LeaseState.EndingSoon =>
                    $"**{MarkdownText.Escape(l.Unit.Name)}: lease ends {DomainMetrics.Date(l.Unit.LeaseEnd!.Value)}**, {s.Quote(m.Get(UnitDaysToLeaseEnd(l.Slug)))} after period end"
                    + (l.Unit.Occupied ? $"; confirm renewal or plan the re-let ({s.Quote(m.Get(UnitRent(l.Slug)))} at stake)." : "; the unit is vacant."),
                LeaseState.Expired =>
                    $"**{MarkdownText.Escape(l.Unit.Name)}: lease expired {DomainMetrics.Date(l.Unit.LeaseEnd!.Value)}**, {s.Quote(m.Get(UnitDaysPastLeaseEnd(l.Slug)))} before period end"
                    + (l.Unit.Occupied ? $"; the tenant is month-to-month ({s.Quote(m.Get(UnitRent(l.Slug)))}): sign a new lease or give notice." : "; the unit is vacant."),
                _ => $"**{MarkdownText.Escape(l.Unit.Name)}: no lease end recorded**; add it to the KPI inputs.",
            }));
            s.Paragraph($"Rent on occupied units with a lease ending in the window or already month-to-month: {s.Quote(m.Get(RentAtRisk))}.");
        }

        s.Paragraph($"Lease-end exposure over the next {ExposureWindowDays} days: {s.Quote(m.Get(LeaseExposure))} of rent on occupied units whose lease ends "
            + $"by {DomainMetrics.Date(context.Period.LastDay.AddDays(ExposureWindowDays))} or has already ended, {s.Quote(m.Get(LeaseExposureShare))} of gross potential rent"
            + (Exposed(leases).Any() ? ": " + string.Join("; ", Exposed(leases).Select(l =>
                $"{MarkdownText.Escape(l.Unit.Name)} {DomainMetrics.Date(l.Unit.LeaseEnd!.Value)}")) + "." : "."));

        var later = leases.Where(l => l.State == LeaseState.Current).ToList();
        if (later.Count > 0)
        {
            s.Paragraph("Leases running past the window: " + string.Join("; ", later.Select(l =>
                $"{MarkdownText.Escape(l.Unit.Name)} to {DomainMetrics.Date(l.Unit.LeaseEnd!.Value)} ({s.Quote(m.Get(UnitDaysToLeaseEnd(l.Slug)))})")) + ".");
        }
    }

    private static void WriteMaintenance(ReportContext context, SectionBuilder s, MetricBook m, IReadOnlyList<(Kpis.RentalUnit Unit, string Slug)> units, string name)
    {
        s.Paragraph($"Maintenance this month {s.Quote(m.Get(Maintenance))} ({s.Quote(m.Get(MaintenanceShare))} of gross potential rent); "
            + $"trailing {MaintenanceMonths} months {s.Quote(m.Get(MaintenanceTrailing))} ({s.Quote(m.Get(MaintenanceTrailingShare))} of gross potential rent).");
        s.Table(["Unit", "This month", $"Trailing {MaintenanceMonths} months", "Share of unit rent"],
            units.Select(u => (IReadOnlyList<string>)
            [
                MarkdownText.Cell(u.Unit.Name),
                s.Quote(m.Get(UnitMaintenance(u.Slug))),
                s.Quote(m.Get(UnitMaintenanceTrailing(u.Slug))),
                s.Quote(m.Get(UnitMaintenanceTrailingShare(u.Slug))),
            ]), [false, true, true, true]);

        var repairs = context.Facts(EntityId).Where(f => RepairWords().IsMatch(f.Fact.Text)).ToList();
        if (repairs.Count == 0)
        {
            s.Paragraph($"No handoff note for {MarkdownText.Escape(name)} mentions repairs or maintenance.");
        }
        else
        {
            s.Paragraph("Repairs and upkeep in the handoff notes:");
            s.Bullets(repairs.Select(f => $"{context.Quote(f.Fact.Text)} ({MarkdownText.Escape(f.Source)})"));
        }
    }

    [GeneratedRegex(@"\b(repairs?|repaired|maintenance|replaced|replacement|water heater|plumb\w*|roof\w*|hvac|leaks?|leaking|inspections?|appliances?|turnover|paint\w*)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RepairWords();
}
