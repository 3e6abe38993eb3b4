using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using Microsoft.Extensions.Options;

namespace ExecReports.Core.Reports.Metrics;

public enum LeaseState { NotRecorded, Current, EndingSoon, Expired }

public sealed record UnitLease(RentalUnit Unit, string Slug, LeaseState State, int? DaysToEnd);

// Occupancy, rent roll, lease ends and maintenance for 3028 51st St, from the units listed in KpiMonth.Rental; NOI, debt
// service and DSCR from its expense lines; the deposits it holds from the entity's security deposits metric.
public sealed class RentalCalculator(IOptions<DomainOptions> options) : MetricCalculator
{
    // The catalog entity comes from the report's registration.
    public static string EntityId => ReportRole.Rental.Entity;

    public const int LeaseWindowDays = 90;
    public const int TrendMonths = 6;
    public const int MaintenanceMonths = 3;

    public const string UnitsTotal = "rental.units.total";
    public const string UnitsOccupied = "rental.units.occupied";
    public const string OccupancyRate = "rental.occupancy-rate";
    public const string VacancyCost = "rental.vacancy-cost";
    public const string GrossPotentialRent = "rental.gross-potential-rent";
    public const string ScheduledRent = "rental.scheduled-rent";
    public const string RentReceived = "rental.rent-received";
    public const string CollectionGap = "rental.collection-gap";
    public const string CollectionRate = "rental.collection-rate";
    public const string RentAtRisk = "rental.rent-at-risk";
    public const string Maintenance = "rental.maintenance";
    public const string MaintenanceShare = "rental.maintenance-share";
    public const string MaintenanceTrailing = "rental.maintenance-3m";
    public const string MaintenanceTrailingShare = "rental.maintenance-3m-share";

    public const int YearMonths = 12;
    public const int ExposureWindowDays = 365;
    public const string OperatingExpenses = "rental.operating-expenses";
    public const string DebtServiceMonth = "rental.debt-service";
    public const string Noi = "rental.noi";
    public const string Dscr = "rental.dscr";
    public const string CashFlowAfterDebt = "rental.cash-flow-after-debt-service";
    public const string VacantMonthCashFlow = "rental.cash-flow-one-vacant-month";
    public const string YearMonthsCounted = "rental.12m.months";
    public const string YearNoi = "rental.12m.noi";
    public const string YearDebtService = "rental.12m.debt-service";
    public const string YearDscr = "rental.12m.dscr";
    public const string YearCashFlowAfterDebt = "rental.12m.cash-flow-after-debt-service";
    public const string YearVacantMonthCashFlow = "rental.12m.cash-flow-one-vacant-month";
    public const string LenderMinimumDscr = "rental.lender-minimum-dscr";
    public const string LenderTargetDscr = "rental.lender-target-dscr";
    public const string EconomicOccupancy = "rental.12m.economic-occupancy";
    public const string SecurityDepositsHeld = "rental.security-deposits";
    public const string CashOnHand = "rental.cash-on-hand";
    public const string LandlordCash = "rental.landlord-cash";
    public const string LeaseExposure = "rental.lease-exposure-12m";
    public const string LeaseExposureShare = "rental.lease-exposure-12m-share";

    public override int Order => 20;

    public static string UnitRent(string slug) => $"rental.unit.{slug}.rent";
    public static string UnitDaysToLeaseEnd(string slug) => $"rental.unit.{slug}.days-to-lease-end";
    public static string UnitDaysPastLeaseEnd(string slug) => $"rental.unit.{slug}.days-past-lease-end";
    public static string UnitMaintenance(string slug) => $"rental.unit.{slug}.maintenance";
    public static string UnitMaintenanceTrailing(string slug) => $"rental.unit.{slug}.maintenance-3m";
    public static string UnitMaintenanceTrailingShare(string slug) => $"rental.unit.{slug}.maintenance-3m-share";
    public static string TrendOccupancy(Period month) => $"rental.history.{month}.occupancy-rate";
    public static string TrendVacancyCost(Period month) => $"rental.history.{month}.vacancy-cost";

    public static IReadOnlyList<(RentalUnit Unit, string Slug)> Units(KpiMonth? month) =>
        Slugs.Distinct((month?.Rental?.Units ?? []).OrderBy(u => u.Name, StringComparer.Ordinal), u => u.Name);

    // Days are counted from the last day of the period: a lease ending exactly 90 days later is inside the window,
    // a lease that ended before the period closed is expired (month-to-month if the tenant stayed).
    public static IReadOnlyList<UnitLease> Leases(KpiMonth? month, Period period) =>
        Units(month).Select(u =>
        {
            if (u.Unit.LeaseEnd is not { } end)
            {
                return new UnitLease(u.Unit, u.Slug, LeaseState.NotRecorded, null);
            }

            var days = end.DayNumber - period.LastDay.DayNumber;
            var state = days < 0 ? LeaseState.Expired : days <= LeaseWindowDays ? LeaseState.EndingSoon : LeaseState.Current;
            return new UnitLease(u.Unit, u.Slug, state, days);
        }).ToList();

    public override void Compute(ReportCalculation calculation)
    {
        var period = calculation.Inputs.Period;
        var month = DomainMetrics.Month(calculation.Inputs, EntityId, period);
        var units = Units(month);
        if (month is null || units.Count == 0)
        {
            return;
        }

        var book = calculation.Book;
        var p = period.ToString();
        MetricInput Field(string field, decimal value, Period? at = null) => DomainMetrics.Kpi(EntityId, field, at ?? period, value);

        AddOccupancy(book, month, period, UnitsOccupied, OccupancyRate, VacancyCost, UnitsTotal);

        for (var back = TrendMonths - 1; back >= 0; back--)
        {
            var at = period.AddMonths(-back);
            var then = DomainMetrics.Month(calculation.Inputs, EntityId, at);
            if (then?.Rental is { Units.Count: > 0 })
            {
                AddOccupancy(book, then, at, null, TrendOccupancy(at), TrendVacancyCost(at), null, reportedIn: period);
            }
            else
            {
                book.Add(new Metric
                {
                    EntityId = EntityId, Id = TrendOccupancy(at), Label = $"Occupancy in {at}", Value = null, Unit = MetricUnit.Percent, Period = p,
                    Formula = "units occupied ÷ units listed", Inputs = [], Special = "no data",
                });
                book.Add(new Metric
                {
                    EntityId = EntityId, Id = TrendVacancyCost(at), Label = $"Vacancy cost in {at}", Value = null, Unit = MetricUnit.Usd, Period = p,
                    Formula = "sum of rent of vacant units", Inputs = [], Special = "no data",
                });
            }
        }

        var gross = units.Sum(u => u.Unit.Rent);
        var scheduled = units.Where(u => u.Unit.Occupied).Sum(u => u.Unit.Rent);
        var received = month.CashReceived;
        foreach (var (unit, slug) in units)
        {
            book.Add(new Metric
            {
                EntityId = EntityId, Id = UnitRent(slug), Label = $"{unit.Name} monthly rent", Value = unit.Rent, Unit = MetricUnit.UsdPerMonth, Period = p,
                Formula = "units[].rent", Inputs = [Field($"rental.units[{unit.Name}].rent", unit.Rent)],
            });
        }

        book.Add(new Metric
        {
            EntityId = EntityId, Id = GrossPotentialRent, Label = "Gross potential rent (all units let)", Value = gross, Unit = MetricUnit.UsdPerMonth, Period = p,
            Formula = "sum of units[].rent", Inputs = units.Select(u => Field($"rental.units[{u.Unit.Name}].rent", u.Unit.Rent)).ToList(),
            Better = Favourable.Higher,
        });
        book.Add(new Metric
        {
            EntityId = EntityId, Id = ScheduledRent, Label = "Scheduled rent (occupied units)", Value = scheduled, Unit = MetricUnit.Usd, Period = p,
            Formula = "sum of units[].rent where occupied",
            Inputs = units.Where(u => u.Unit.Occupied).Select(u => Field($"rental.units[{u.Unit.Name}].rent", u.Unit.Rent)).ToList(),
            Better = Favourable.Higher,
        });
        book.Add(new Metric
        {
            EntityId = EntityId, Id = RentReceived, Label = "Rent received", Value = received, Unit = MetricUnit.Usd, Period = p,
            Formula = "sum of revenue[].received", Inputs = month.Revenue.Select(r => Field($"revenue[{r.Stream}].received", r.Received)).ToList(),
            Better = Favourable.Higher,
        });
        book.Add(new Metric
        {
            EntityId = EntityId, Id = CollectionGap, Label = "Rent received less rent scheduled", Value = received - scheduled, Unit = MetricUnit.Usd, Period = p,
            Formula = "rent received − scheduled rent", Inputs = [Field("revenue[].received", received), Field("rental.units[occupied].rent", scheduled)],
            Better = Favourable.Higher,
        });
        book.Add(new Metric
        {
            EntityId = EntityId, Id = CollectionRate, Label = "Rent collection rate", Value = scheduled > 0 ? received / scheduled : null, Unit = MetricUnit.Percent, Period = p,
            Formula = "rent received ÷ scheduled rent", Inputs = [Field("revenue[].received", received), Field("rental.units[occupied].rent", scheduled)],
            Better = Favourable.Higher, Special = scheduled > 0 ? null : "n/a: no rent scheduled",
        });

        var leases = Leases(month, period);
        foreach (var lease in leases.Where(l => l.DaysToEnd is not null))
        {
            var input = DomainMetrics.Kpi(EntityId, $"rental.units[{lease.Unit.Name}].leaseEnd", period, DomainMetrics.Date(lease.Unit.LeaseEnd!.Value));
            book.Add(new Metric
            {
                EntityId = EntityId, Id = UnitDaysToLeaseEnd(lease.Slug), Label = $"{lease.Unit.Name} days from {DomainMetrics.Date(period.LastDay)} to lease end", Value = lease.DaysToEnd,
                Unit = MetricUnit.Days, Period = p, Formula = "leaseEnd − last day of period", Inputs = [input],
            });
            if (lease.State == LeaseState.Expired)
            {
                book.Add(new Metric
                {
                    EntityId = EntityId, Id = UnitDaysPastLeaseEnd(lease.Slug), Label = $"{lease.Unit.Name} days since lease ended", Value = -lease.DaysToEnd,
                    Unit = MetricUnit.Days, Period = p, Formula = "last day of period − leaseEnd", Inputs = [input],
                });
            }
        }

        var atRisk = leases.Where(l => l.Unit.Occupied && l.State is LeaseState.EndingSoon or LeaseState.Expired).ToList();
        book.Add(new Metric
        {
            EntityId = EntityId, Id = RentAtRisk, Label = $"Rent on leases ending within {LeaseWindowDays} days or already month-to-month", Value = atRisk.Sum(l => l.Unit.Rent),
            Unit = MetricUnit.UsdPerMonth, Period = p, Formula = $"sum of rent of occupied units whose lease ends ≤ {LeaseWindowDays} days after period end",
            Inputs = atRisk.Select(l => Field($"rental.units[{l.Unit.Name}].rent", l.Unit.Rent)).ToList(), Better = Favourable.Lower,
        });

        AddMaintenance(calculation, month, units, period);
        AddDebtService(calculation, month, units, period, options.Value);
        AddDepositsAndExposure(calculation, month, period, leases, gross);
    }

    // The months of the trailing year that have rental data, oldest first.
    public static IReadOnlyList<KpiMonth> Year(ReportInputs inputs, Period period) =>
        DomainMetrics.Trailing(inputs, EntityId, period, YearMonths).Where(m => m.Rental is { Units.Count: > 0 }).ToList();

    // The largest rent is the one vacant month that hurts most: the stress test uses it.
    public static (RentalUnit Unit, string Slug)? LargestRent(IReadOnlyList<(RentalUnit Unit, string Slug)> units) =>
        units.Count == 0 ? null : units.OrderByDescending(u => u.Unit.Rent).ThenBy(u => u.Unit.Name, StringComparer.Ordinal).First();

    private static void AddDebtService(ReportCalculation calculation, KpiMonth month, IReadOnlyList<(RentalUnit Unit, string Slug)> units, Period period,
        DomainOptions o)
    {
        var book = calculation.Book;
        var p = period.ToString();
        book.Add(new Metric
        {
            EntityId = EntityId, Id = LenderMinimumDscr, Label = "Lender's usual minimum DSCR", Value = o.LenderMinimumDscr, Unit = MetricUnit.Ratio, Period = p,
            Formula = "configured (Domain:LenderMinimumDscr)", Inputs = [], Kind = MetricKind.Assumption,
        });
        book.Add(new Metric
        {
            EntityId = EntityId, Id = LenderTargetDscr, Label = "Lender's comfortable DSCR", Value = o.LenderTargetDscr, Unit = MetricUnit.Ratio, Period = p,
            Formula = "configured (Domain:LenderTargetDscr)", Inputs = [], Kind = MetricKind.Assumption,
        });

        var largest = LargestRent(units)!.Value;
        AddDebtServiceFor(book, [month], period, Noi, DebtServiceMonth, Dscr, CashFlowAfterDebt, VacantMonthCashFlow, largest, "this month", OperatingExpenses);

        var year = Year(calculation.Inputs, period);
        book.Add(new Metric
        {
            EntityId = EntityId, Id = YearMonthsCounted, Label = $"Months with rental data in the {YearMonths} months to {period}", Value = year.Count, Unit = MetricUnit.Count, Period = p,
            Formula = $"count of months {period.AddMonths(1 - YearMonths)}..{period} with rental.units[]",
            Inputs = year.Select(m => DomainMetrics.Kpi(EntityId, "rental.units[]", m.Period, m.Rental!.Units.Count)).ToList(),
        });
        AddDebtServiceFor(book, year, period, YearNoi, YearDebtService, YearDscr, YearCashFlowAfterDebt, YearVacantMonthCashFlow, largest,
            $"over {year.Count} month(s) {year[0].Period}..{period}", null);
    }

    private static void AddDebtServiceFor(MetricBook book, IReadOnlyList<KpiMonth> months, Period period, string noiId, string debtId, string dscrId,
        string afterDebtId, string vacantId, (RentalUnit Unit, string Slug) largest, string span, string? opexId)
    {
        var p = period.ToString();
        var income = months.Sum(m => m.CashReceived);
        var debt = months.Sum(m => m.Expenses.Where(DebtService.Is).Sum(e => e.Amount));
        var opex = months.Sum(m => m.Expenses.Where(e => !DebtService.Is(e)).Sum(e => e.Amount));
        var noi = income - opex;
        var incomeInputs = months.Select(m => DomainMetrics.Kpi(EntityId, "revenue[].received", m.Period, m.CashReceived)).ToList();
        var opexInputs = months.SelectMany(m => m.Expenses.Where(e => !DebtService.Is(e))
            .Select(e => DomainMetrics.Kpi(EntityId, $"expenses[{e.Description}].amount", m.Period, e.Amount))).ToList();
        var debtInputs = months.SelectMany(m => m.Expenses.Where(DebtService.Is)
            .Select(e => DomainMetrics.Kpi(EntityId, $"expenses[{e.Description}].amount", m.Period, e.Amount))).ToList();
        var suffix = span == "this month" ? "" : $", {span}";
        if (opexId is not null)
        {
            book.Add(new Metric
            {
                EntityId = EntityId, Id = opexId, Label = "Operating expenses (all expenses except debt service)", Value = opex, Unit = MetricUnit.Usd, Period = p,
                Formula = "sum of expenses[].amount that are not mortgage or loan payments", Inputs = opexInputs, Better = Favourable.Lower,
            });
        }

        book.Add(new Metric
        {
            EntityId = EntityId, Id = noiId, Label = $"Net operating income{suffix}", Value = noi, Unit = MetricUnit.Usd, Period = p,
            Formula = $"rent received − operating expenses (every expense except mortgage and loan payments), {span}",
            Inputs = [.. incomeInputs, .. opexInputs], Better = Favourable.Higher,
        });
        book.Add(new Metric
        {
            EntityId = EntityId, Id = debtId, Label = $"Debt service (mortgage and loan payments){suffix}", Value = debt, Unit = MetricUnit.Usd, Period = p,
            Formula = $"sum of expenses[].amount in account {DebtService.MortgageCode} or {DebtService.LoanCode} (or category Mortgage/Loan), {span}",
            Inputs = debtInputs, Better = Favourable.Lower,
        });
        book.Add(new Metric
        {
            EntityId = EntityId, Id = dscrId, Label = $"Debt service coverage ratio (DSCR){suffix}", Value = debt > 0 ? Math.Round(noi / debt, 2, MidpointRounding.AwayFromZero) : null, Unit = MetricUnit.Ratio,
            Period = p, Formula = $"net operating income ÷ debt service, rounded to 2 decimals so the verdict matches what is shown, {span}",
            Inputs = [MetricInput.OfMetric(noiId, "Net operating income", p, MetricFormat.Format(noi, MetricUnit.Usd)),
                MetricInput.OfMetric(debtId, "Debt service", p, MetricFormat.Format(debt, MetricUnit.Usd))],
            Better = Favourable.Higher, Special = debt > 0 ? null : "n/a: no mortgage or loan payment recorded",
        });
        book.Add(new Metric
        {
            EntityId = EntityId, Id = afterDebtId, Label = $"Cash flow after debt service{suffix}", Value = noi - debt, Unit = MetricUnit.Usd, Period = p,
            Formula = $"net operating income − debt service, {span}",
            Inputs = [MetricInput.OfMetric(noiId, "Net operating income", p, MetricFormat.Format(noi, MetricUnit.Usd)),
                MetricInput.OfMetric(debtId, "Debt service", p, MetricFormat.Format(debt, MetricUnit.Usd))],
            Better = Favourable.Higher,
        });
        book.Add(new Metric
        {
            EntityId = EntityId, Id = vacantId, Label = $"Cash flow after debt service with {largest.Unit.Name} vacant one month{suffix}", Value = noi - debt - largest.Unit.Rent,
            Unit = MetricUnit.Usd, Period = p,
            Formula = $"cash flow after debt service − one month's rent of the highest-rent unit ({largest.Unit.Name}), {span}",
            Inputs = [MetricInput.OfMetric(afterDebtId, "Cash flow after debt service", p, MetricFormat.Format(noi - debt, MetricUnit.Usd)),
                DomainMetrics.Kpi(EntityId, $"rental.units[{largest.Unit.Name}].rent", period, largest.Unit.Rent)],
            Better = Favourable.Higher,
        });
    }

    private static void AddDepositsAndExposure(ReportCalculation calculation, KpiMonth month, Period period, IReadOnlyList<UnitLease> leases, decimal gross)
    {
        var book = calculation.Book;
        var p = period.ToString();
        var year = Year(calculation.Inputs, period);
        var received = year.Sum(m => m.CashReceived);
        var potential = year.Sum(m => m.Rental!.Units.Sum(u => u.Rent));
        book.Add(new Metric
        {
            EntityId = EntityId, Id = EconomicOccupancy, Label = $"Economic occupancy, {year.Count} month(s) {year[0].Period}..{period}",
            Value = potential > 0 ? received / potential : null, Unit = MetricUnit.Percent, Period = p,
            Formula = "rent received ÷ gross potential rent (every unit let at its listed rent), both summed over the months with rental data",
            Inputs = year.SelectMany(m => new[]
            {
                DomainMetrics.Kpi(EntityId, "revenue[].received", m.Period, m.CashReceived),
                DomainMetrics.Kpi(EntityId, "rental.units[].rent", m.Period, m.Rental!.Units.Sum(u => u.Rent)),
            }).ToList(),
            Better = Favourable.Higher, Special = potential > 0 ? null : "n/a: no rent listed",
        });

        var deposits = EntityDeposits.Quote(book, SecurityDepositsHeld, EntityId, "Security deposits held (owed back to tenants)",
            "security deposits held at month end", EntityDeposits.Security(month.EntityId));
        book.Add(new Metric
        {
            EntityId = EntityId, Id = CashOnHand, Label = "Cash on hand at month end", Value = month.CashOnHand, Unit = MetricUnit.Usd, Period = p,
            Formula = "cashOnHand", Inputs = [DomainMetrics.Kpi(EntityId, "cashOnHand", period, month.CashOnHand)], Better = Favourable.Higher,
        });
        book.Add(new Metric
        {
            EntityId = EntityId, Id = LandlordCash, Label = "Landlord's own cash (cash on hand less deposits held)", Value = month.CashOnHand - deposits.Value,
            Unit = MetricUnit.Usd, Period = p, Formula = "cashOnHand − security deposits held",
            Inputs = [DomainMetrics.Kpi(EntityId, "cashOnHand", period, month.CashOnHand), MetricInput.Of(deposits)],
            Better = Favourable.Higher,
        });

        var exposed = Exposed(leases).ToList();
        var exposure = exposed.Sum(l => l.Unit.Rent);
        book.Add(new Metric
        {
            EntityId = EntityId, Id = LeaseExposure, Label = $"Rent on leases ending within {ExposureWindowDays} days or already month-to-month", Value = exposure,
            Unit = MetricUnit.UsdPerMonth, Period = p, Formula = $"sum of rent of occupied units whose lease ends ≤ {ExposureWindowDays} days after period end",
            Inputs = exposed.Select(l => DomainMetrics.Kpi(EntityId, $"rental.units[{l.Unit.Name}].rent", period, l.Unit.Rent)).ToList(), Better = Favourable.Lower,
        });
        book.Add(new Metric
        {
            EntityId = EntityId, Id = LeaseExposureShare, Label = $"Share of gross potential rent on leases ending within {ExposureWindowDays} days", Value = gross > 0 ? exposure / gross : null,
            Unit = MetricUnit.Percent, Period = p, Formula = "lease-end exposure ÷ gross potential rent",
            Inputs = [MetricInput.OfMetric(LeaseExposure, "Lease-end exposure", p, MetricFormat.Format(exposure, MetricUnit.UsdPerMonth)),
                MetricInput.OfMetric(GrossPotentialRent, "Gross potential rent", p, MetricFormat.Format(gross, MetricUnit.UsdPerMonth))],
            Better = Favourable.Lower, Special = gross > 0 ? null : "n/a: no rent listed",
        });
    }

    // Occupied units whose lease ends within a year of period end, or has already ended (month-to-month).
    public static IEnumerable<UnitLease> Exposed(IReadOnlyList<UnitLease> leases) =>
        leases.Where(l => l.Unit.Occupied && l.DaysToEnd is { } days && days <= ExposureWindowDays).OrderBy(l => l.DaysToEnd);

    private static void AddOccupancy(MetricBook book, KpiMonth month, Period at, string? occupiedId, string rateId, string vacancyId, string? totalId,
        Period? reportedIn = null)
    {
        var p = (reportedIn ?? at).ToString();
        var units = Units(month);
        var occupied = units.Count(u => u.Unit.Occupied);
        var vacant = units.Where(u => !u.Unit.Occupied).ToList();
        var suffix = reportedIn is null ? "" : $" in {at}";
        var occupancyInputs = units.Select(u => DomainMetrics.Kpi(EntityId, $"rental.units[{u.Unit.Name}].occupied", at, u.Unit.Occupied ? "true" : "false")).ToList();
        if (totalId is not null)
        {
            book.Add(new Metric
            {
                EntityId = EntityId, Id = totalId, Label = "Units listed", Value = units.Count, Unit = MetricUnit.Count, Period = p,
                Formula = "count of rental.units[]", Inputs = occupancyInputs,
            });
        }

        if (occupiedId is not null)
        {
            book.Add(new Metric
            {
                EntityId = EntityId, Id = occupiedId, Label = "Units occupied", Value = occupied, Unit = MetricUnit.Count, Period = p,
                Formula = "count of rental.units[] where occupied", Inputs = occupancyInputs, Better = Favourable.Higher,
            });
        }

        book.Add(new Metric
        {
            EntityId = EntityId, Id = rateId, Label = $"Occupancy rate{suffix}", Value = (decimal)occupied / units.Count, Unit = MetricUnit.Percent, Period = p,
            Formula = "units occupied ÷ units listed", Inputs = occupancyInputs, Better = Favourable.Higher,
        });
        book.Add(new Metric
        {
            EntityId = EntityId, Id = vacancyId, Label = $"Vacancy cost (rent of vacant units){suffix}", Value = vacant.Sum(u => u.Unit.Rent), Unit = MetricUnit.UsdPerMonth, Period = p,
            Formula = "sum of units[].rent where not occupied",
            Inputs = vacant.Select(u => DomainMetrics.Kpi(EntityId, $"rental.units[{u.Unit.Name}].rent", at, u.Unit.Rent)).ToList(),
            Better = Favourable.Lower,
        });
    }

    private static void AddMaintenance(ReportCalculation calculation, KpiMonth month, IReadOnlyList<(RentalUnit Unit, string Slug)> units, Period period)
    {
        var book = calculation.Book;
        var p = period.ToString();
        var trailing = Enumerable.Range(0, MaintenanceMonths)
            .Select(back => DomainMetrics.Month(calculation.Inputs, EntityId, period.AddMonths(-back)))
            .OfType<KpiMonth>()
            .Where(m => m.Rental is not null)
            .OrderBy(m => m.Period)
            .ToList();
        var monthsText = $"{trailing.Count} month(s) {trailing[0].Period}..{period}";

        IEnumerable<(KpiMonth Month, RentalUnit Unit)> History(string name) => trailing
            .SelectMany(m => m.Rental!.Units.Where(u => string.Equals(u.Name, name, StringComparison.OrdinalIgnoreCase)).Take(1).Select(u => (m, u)));

        foreach (var (unit, slug) in units)
        {
            var history = History(unit.Name).ToList();
            var cost = history.Sum(h => h.Unit.MaintenanceCost);
            var rent = history.Sum(h => h.Unit.Rent);
            book.Add(new Metric
            {
                EntityId = EntityId, Id = UnitMaintenance(slug), Label = $"{unit.Name} maintenance this month", Value = unit.MaintenanceCost, Unit = MetricUnit.Usd, Period = p,
                Formula = "units[].maintenanceCost", Inputs = [DomainMetrics.Kpi(EntityId, $"rental.units[{unit.Name}].maintenanceCost", period, unit.MaintenanceCost)],
                Better = Favourable.Lower,
            });
            book.Add(new Metric
            {
                EntityId = EntityId, Id = UnitMaintenanceTrailing(slug), Label = $"{unit.Name} maintenance, trailing {MaintenanceMonths} months", Value = cost, Unit = MetricUnit.Usd, Period = p,
                Formula = $"sum of units[].maintenanceCost over {monthsText}",
                Inputs = history.Select(h => DomainMetrics.Kpi(EntityId, $"rental.units[{unit.Name}].maintenanceCost", h.Month.Period, h.Unit.MaintenanceCost)).ToList(),
                Better = Favourable.Lower,
            });
            book.Add(new Metric
            {
                EntityId = EntityId, Id = UnitMaintenanceTrailingShare(slug), Label = $"{unit.Name} maintenance as a share of its rent, trailing {MaintenanceMonths} months",
                Value = rent > 0 ? cost / rent : null, Unit = MetricUnit.Percent, Period = p,
                Formula = $"unit maintenance ÷ unit rent, both summed over {monthsText}",
                Inputs = history.SelectMany(h => new[]
                {
                    DomainMetrics.Kpi(EntityId, $"rental.units[{unit.Name}].maintenanceCost", h.Month.Period, h.Unit.MaintenanceCost),
                    DomainMetrics.Kpi(EntityId, $"rental.units[{unit.Name}].rent", h.Month.Period, h.Unit.Rent),
                }).ToList(),
                Better = Favourable.Lower, Special = rent > 0 ? null : "n/a: no rent listed",
            });
        }

        var now = units.Sum(u => u.Unit.MaintenanceCost);
        var gross = units.Sum(u => u.Unit.Rent);
        var trailingCost = trailing.Sum(m => m.Rental!.Units.Sum(u => u.MaintenanceCost));
        var trailingRent = trailing.Sum(m => m.Rental!.Units.Sum(u => u.Rent));
        book.Add(new Metric
        {
            EntityId = EntityId, Id = Maintenance, Label = "Maintenance this month (all units)", Value = now, Unit = MetricUnit.Usd, Period = p,
            Formula = "sum of units[].maintenanceCost", Inputs = units.Select(u => DomainMetrics.Kpi(EntityId, $"rental.units[{u.Unit.Name}].maintenanceCost", period, u.Unit.MaintenanceCost)).ToList(),
            Better = Favourable.Lower,
        });
        book.Add(new Metric
        {
            EntityId = EntityId, Id = MaintenanceShare, Label = "Maintenance as a share of gross potential rent", Value = gross > 0 ? now / gross : null, Unit = MetricUnit.Percent, Period = p,
            Formula = "maintenance this month ÷ sum of units[].rent", Inputs = [DomainMetrics.Kpi(EntityId, "rental.units[].maintenanceCost", period, now), DomainMetrics.Kpi(EntityId, "rental.units[].rent", period, gross)],
            Better = Favourable.Lower, Special = gross > 0 ? null : "n/a: no rent listed",
        });
        book.Add(new Metric
        {
            EntityId = EntityId, Id = MaintenanceTrailing, Label = $"Maintenance, trailing {MaintenanceMonths} months (all units)", Value = trailingCost, Unit = MetricUnit.Usd, Period = p,
            Formula = $"sum of units[].maintenanceCost over {monthsText}",
            Inputs = trailing.Select(m => DomainMetrics.Kpi(EntityId, "rental.units[].maintenanceCost", m.Period, m.Rental!.Units.Sum(u => u.MaintenanceCost))).ToList(),
            Better = Favourable.Lower,
        });
        book.Add(new Metric
        {
            EntityId = EntityId, Id = MaintenanceTrailingShare, Label = $"Maintenance as a share of gross potential rent, trailing {MaintenanceMonths} months",
            Value = trailingRent > 0 ? trailingCost / trailingRent : null, Unit = MetricUnit.Percent, Period = p,
            Formula = $"maintenance ÷ sum of units[].rent, both summed over {monthsText}",
            Inputs = trailing.SelectMany(m => new[]
            {
                DomainMetrics.Kpi(EntityId, "rental.units[].maintenanceCost", m.Period, m.Rental!.Units.Sum(u => u.MaintenanceCost)),
                DomainMetrics.Kpi(EntityId, "rental.units[].rent", m.Period, m.Rental!.Units.Sum(u => u.Rent)),
            }).ToList(),
            Better = Favourable.Lower, Special = trailingRent > 0 ? null : "n/a: no rent listed",
        });
    }
}
