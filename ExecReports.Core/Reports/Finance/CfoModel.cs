using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reports.Metrics;

namespace ExecReports.Core.Reports.Finance;

// One month of the revenue-target path: the month travels with its figure, so nothing parses it back out of the id.
public sealed record RevenueTarget(Period Month, Metric Metric);

// Budget holds the favourability and materiality of every budget-against-actual variance, by the variance metric's id.
public sealed record CfoResult(Period Period, IReadOnlyList<PortfolioMonth> Series, IReadOnlyList<RevenueTarget> Targets,
    IReadOnlyDictionary<string, VarianceResult> Budget)
{
    public PortfolioMonth? Current => Series.LastOrDefault(m => m.Period == Period);
}

// The CFO model is the one place burn, runway, break-even and revenue targets are computed;
// every report that quotes one of them takes it from the metric book this fills.
public sealed class CfoModel(FinanceOptions options)
{
    public const int TrailingMonths = 3;
    public const int TrendMonths = 6;
    public const int HorizonMonths = 60;

    public CfoResult Compute(Period period, IEnumerable<KpiMonth> kpis, MetricBook book, IReadOnlyList<string>? entityIds = null)
    {
        kpis = kpis as IReadOnlyCollection<KpiMonth> ?? kpis.ToList();
        var p = period.ToString();
        var series = PortfolioMonth.Series(kpis.Where(k => k.Period <= period));
        var current = series.LastOrDefault(m => m.Period == period);
        var trailing = series.Where(m => m.Period > period.AddMonths(-TrailingMonths)).ToList();
        var trend = series.Where(m => m.Period > period.AddMonths(-TrendMonths)).ToList();

        Metric Add(string id, string label, decimal? value, MetricUnit unit, string formula, IEnumerable<MetricInput> inputs,
            MetricKind kind = MetricKind.Actual, string? special = null, string? entityId = null) =>
            book.Add(new Metric
            {
                Id = id, EntityId = entityId, Label = label, Value = value is { } v ? Math.Round(v, 4) : null, Unit = unit,
                Period = p,
                Formula = formula, Inputs = inputs.ToList(), Kind = kind, Special = special, Better = CfoMetricIds.Better(id),
            });

        string Insufficient(int n, int needed) => $"insufficient data: {n} month{(n == 1 ? "" : "s")} of history (needs {needed})";

        IEnumerable<MetricInput> FromMetrics(params Metric[] metrics) =>
            metrics.Select(MetricInput.Of);

        // The thresholds every variance reason prints are assumptions from configuration, quoted like any figure.
        Add(CfoMetricIds.MaterialityPercent, "Materiality threshold (share)", options.MaterialityPercent, MetricUnit.Percent,
            "configured: a variance is material only past both thresholds", [new MetricInput("config", "Finance:MaterialityPercent", null, MetricFormat.Format(options.MaterialityPercent, MetricUnit.Percent))],
            MetricKind.Assumption);
        Add(CfoMetricIds.MaterialityAmount, "Materiality threshold (amount)", options.MaterialityAmount, MetricUnit.Usd,
            "configured: a variance is material only past both thresholds", [new MetricInput("config", "Finance:MaterialityAmount", null, MetricFormat.Money(options.MaterialityAmount))],
            MetricKind.Assumption);

        Add(CfoMetricIds.PostureSelectiveFrom, "Conservative runway from which spending may be selective", CapitalPosture.SelectiveFrom, MetricUnit.Months,
            "policy: below this conservative runway, preserve cash", [new MetricInput("policy", "CapitalPosture.SelectiveFrom", null, "6.0 months")], MetricKind.Assumption);
        Add(CfoMetricIds.PostureInvestFrom, "Conservative runway from which the posture may be invest", CapitalPosture.InvestFrom, MetricUnit.Months,
            "policy: never invest below this conservative runway", [new MetricInput("policy", "CapitalPosture.InvestFrom", null, "12.0 months")], MetricKind.Assumption);

        // This month.
        var cashIn = Add(CfoMetricIds.CashIn, "Cash received", current?.CashIn, MetricUnit.Usd,
            "sum of revenue[].received over all entities", current?.Inputs("revenue[].received", e => e.CashReceived) ?? [],
            special: current is null ? $"no KPI inputs recorded for {p}" : null);
        var gross = Add(CfoMetricIds.GrossBurn, "Gross burn", current?.Expenses, MetricUnit.UsdPerMonth,
            "sum of expenses[].amount over all entities", current?.Inputs("expenses[].amount", e => e.ExpenseTotal) ?? [],
            special: current is null ? $"no KPI inputs recorded for {p}" : null);
        var net = Add(CfoMetricIds.NetBurn, "Net burn", current?.NetBurn, MetricUnit.UsdPerMonth,
            "gross burn − cash received (draws and injections excluded)", current is null ? [] : FromMetrics(gross, cashIn),
            special: current is null ? $"no KPI inputs recorded for {p}" : null);
        var cash = Add(CfoMetricIds.Cash, "Cash on hand", current?.Cash, MetricUnit.Usd,
            "sum of cashOnHand at month end over all entities", current?.Inputs("cashOnHand", e => e.CashOnHand) ?? [],
            special: current is null ? $"no KPI inputs recorded for {p}" : null);
        var draws = Add(CfoMetricIds.OwnerDraws, "Owner draws (financing)", current?.OwnerDraws, MetricUnit.Usd,
            "sum of ownerDraws; financing, not burn", current?.Inputs("ownerDraws", e => e.OwnerDraws) ?? []);
        EntityDeposits.Add(book, period, current?.Entities ?? []);
        var entityCustomerDeposits = current?.Entities.Select(e => book.Get(EntityDeposits.Customer(e.EntityId))).ToList();
        var entitySecurityDeposits = current?.Entities.Select(e => book.Get(EntityDeposits.Security(e.EntityId))).ToList();
        var customerDeposits = Add(CfoMetricIds.CustomerDeposits, "Customer deposits held (deferred revenue)", entityCustomerDeposits?.Sum(d => d.Value ?? 0m), MetricUnit.Usd,
            "sum of each entity's customer deposits held at month end; owed as future service", entityCustomerDeposits?.Select(MetricInput.Of) ?? []);
        var securityDeposits = Add(CfoMetricIds.SecurityDeposits, "Tenant security deposits held", entitySecurityDeposits?.Sum(d => d.Value ?? 0m), MetricUnit.Usd,
            "sum of each entity's security deposits held at month end; refundable, a liability, never revenue", entitySecurityDeposits?.Select(MetricInput.Of) ?? []);
        var freeCash = Add(CfoMetricIds.FreeCash, "Free cash", current is null ? null : cash.Value - customerDeposits.Value - securityDeposits.Value, MetricUnit.Usd,
            "cash on hand − customer deposits held − tenant security deposits held", current is null ? [] : FromMetrics(cash, customerDeposits, securityDeposits),
            special: current is null ? $"no KPI inputs recorded for {p}" : null);
        Add(CfoMetricIds.NetBurnAfterDraws, "Net burn after owner draws", current?.NetBurnAfterDraws, MetricUnit.UsdPerMonth,
            "net burn + owner draws (capital injections are financing, shown apart)", current is null ? [] : FromMetrics(net, draws),
            special: current is null ? $"no KPI inputs recorded for {p}" : null);
        Add(CfoMetricIds.CapitalInjections, "Capital injections (financing)", current?.CapitalInjections, MetricUnit.Usd,
            "sum of capitalInjections; financing, not burn", current?.Inputs("capitalInjections", e => e.CapitalInjections) ?? []);

        // A history figure belongs to its own month, given here rather than read back out of its id.
        void History(PortfolioMonth month, CfoHistory figure, string label, decimal value, string formula, IEnumerable<MetricInput> inputs) =>
            book.Add(new Metric
            {
                Id = CfoMetricIds.History(month.Period, figure), Label = $"{label} {month.Period}", Value = Math.Round(value, 4), Unit = MetricUnit.Usd,
                Period = month.Period.ToString(), Formula = formula, Inputs = inputs.ToList(),
            });

        foreach (var month in trend)
        {
            History(month, CfoHistory.CashIn, "Cash received", month.CashIn, "sum of revenue[].received", month.Inputs("revenue[].received", e => e.CashReceived));
            History(month, CfoHistory.Expenses, "Expenses", month.Expenses, "sum of expenses[].amount", month.Inputs("expenses[].amount", e => e.ExpenseTotal));
            History(month, CfoHistory.NetBurn, "Net burn", month.NetBurn, "expenses − cash received", month.Inputs("expenses[].amount − revenue[].received", e => e.ExpenseTotal - e.CashReceived));
            History(month, CfoHistory.Cash, "Cash on hand", month.Cash, "sum of cashOnHand", month.Inputs("cashOnHand", e => e.CashOnHand));
            History(month, CfoHistory.OwnerDraws, "Owner draws", month.OwnerDraws, "sum of ownerDraws", month.Inputs("ownerDraws", e => e.OwnerDraws));
            History(month, CfoHistory.NetBurnAfterDraws, "Net burn after owner draws", month.NetBurnAfterDraws, "expenses − cash received + owner draws",
                month.Inputs("expenses[].amount − revenue[].received + ownerDraws", e => e.ExpenseTotal - e.CashReceived + e.OwnerDraws));
        }

        // Trailing three months.
        var enough = trailing.Count == TrailingMonths && current is not null;
        var trailingInputs = trailing.SelectMany(m => m.Inputs("expenses[].amount − revenue[].received", e => e.ExpenseTotal - e.CashReceived)).ToList();
        var avg = Add(CfoMetricIds.NetBurnAverage, "Net burn, trailing 3-month average", enough ? trailing.Average(m => m.NetBurn) : null,
            MetricUnit.UsdPerMonth, "mean of monthly net burn over the last 3 months", trailingInputs,
            special: enough ? null : Insufficient(trailing.Count, TrailingMonths));
        var low = Add(CfoMetricIds.NetBurnLow, "Net burn, trailing 3-month low", enough ? trailing.Min(m => m.NetBurn) : null,
            MetricUnit.UsdPerMonth, "lowest monthly net burn of the last 3 months", trailingInputs,
            special: enough ? null : Insufficient(trailing.Count, TrailingMonths));
        Add(CfoMetricIds.NetBurnHigh, "Net burn, trailing 3-month high", enough ? trailing.Max(m => m.NetBurn) : null,
            MetricUnit.UsdPerMonth, "highest monthly net burn of the last 3 months", trailingInputs,
            special: enough ? null : Insufficient(trailing.Count, TrailingMonths));

        var afterDrawsAvg = Add(CfoMetricIds.NetBurnAfterDrawsAverage, "Net burn after owner draws, trailing 3-month average",
            enough ? trailing.Average(m => m.NetBurnAfterDraws) : null, MetricUnit.UsdPerMonth,
            "mean of monthly (net burn + owner draws) over the last 3 months",
            trailing.SelectMany(m => m.Inputs("expenses[].amount − revenue[].received + ownerDraws", e => e.ExpenseTotal - e.CashReceived + e.OwnerDraws)),
            special: enough ? null : Insufficient(trailing.Count, TrailingMonths));

        AddCashBridge(period, series, cash, Add);
        ReceivedBridge.AddTo(period, series, book);
        DirectCashForecast.AddTo(period, kpis as IReadOnlyList<KpiMonth> ?? kpis.ToList(), cash, options.MinimumCash, book);
        var budget = new Dictionary<string, VarianceResult>(StringComparer.Ordinal);
        foreach (var entityId in entityIds ?? [])
        {
            AddEntity(period, entityId, kpis.Where(k => k.EntityId == entityId && k.Period <= period && k.Period > period.AddMonths(-TrailingMonths)).ToList(), book, Add, Insufficient);
            AddBudget(period, entityId, kpis.Where(k => k.EntityId == entityId && k.Period <= period && k.Period.Year == period.Year).OrderBy(k => k.Period).ToList(), Add, budget);
        }

        // Runway, three ways.
        var runway = RunwayFrom(avg.Value, cash.Value);
        var trailingRunway = Add(CfoMetricIds.RunwayTrailing, "Runway at trailing net burn", runway.Months, MetricUnit.Months,
            "cash on hand ÷ trailing 3-month average net burn; ∞ when cash-positive", FromMetrics(cash, avg),
            special: !enough ? Insufficient(trailing.Count, TrailingMonths) : runway.Special);
        Add(CfoMetricIds.CashZeroMonth, "Month cash reaches zero at trailing burn", trailingRunway.Value, MetricUnit.Months,
            "this month + runway at trailing net burn, rounded down", FromMetrics(trailingRunway),
            special: !enough ? Insufficient(trailing.Count, TrailingMonths)
                : runway.Months is { } months ? period.AddMonths((int)Math.Floor(months)).ToString() : "never at the current rate");
        var aboveMinimum = cash.Value is { } c ? c - options.MinimumCash : (decimal?)null;
        var toMinimum = RunwayFrom(avg.Value, aboveMinimum);
        Add(CfoMetricIds.RunwayToMinimumCash, $"Months until cash falls to the {MetricFormat.Money(options.MinimumCash)} minimum", toMinimum.Months,
            MetricUnit.Months, "(cash on hand − minimum cash) ÷ trailing 3-month average net burn",
            FromMetrics(cash, avg).Append(new MetricInput("config", "Finance:MinimumCash", null, MetricFormat.Money(options.MinimumCash))),
            special: !enough ? Insufficient(trailing.Count, TrailingMonths)
                : aboveMinimum < 0 ? "already below the minimum" : toMinimum.Special);

        var forecast = AddForecast(period, series, trend, Add);
        var forecastRunway = AddForecastRunway(forecast, cash, Add);
        var cashChangeRunway = AddCashChangeRunway(period, series, cash, Add, Insufficient);
        var free = RunwayFrom(afterDrawsAvg.Value, freeCash.Value);
        var freeRunway = Add(CfoMetricIds.RunwayFreeCashAfterDraws, "Runway on free cash after owner draws", free.Months, MetricUnit.Months,
            "free cash ÷ trailing 3-month average net burn after owner draws; ∞ when cash-positive after draws", FromMetrics(freeCash, afterDrawsAvg),
            special: !enough ? Insufficient(trailing.Count, TrailingMonths) : free.Special);
        AddConservativeRunway([trailingRunway, forecastRunway, cashChangeRunway, freeRunway], Add, FromMetrics);

        // Break-even.
        var revenueAvg = Add(CfoMetricIds.RevenueAverage, "Cash received, trailing 3-month average", enough ? trailing.Average(m => m.CashIn) : null,
            MetricUnit.UsdPerMonth, "mean of monthly cash received over the last 3 months",
            trailing.SelectMany(m => m.Inputs("revenue[].received", e => e.CashReceived)),
            special: enough ? null : Insufficient(trailing.Count, TrailingMonths));
        var fixedAvg = Add(CfoMetricIds.FixedCostsAverage, "Fixed costs, trailing 3-month average", enough ? trailing.Average(m => m.FixedCosts) : null,
            MetricUnit.UsdPerMonth, "mean of expenses marked fixed over the last 3 months; a split loan payment counts only its interest, an unsplit one whole (debt service, cash basis)",
            trailing.SelectMany(m => m.Inputs("expenses[fixed].amount − principal", FixedCosts)),
            special: enough ? null : Insufficient(trailing.Count, TrailingMonths));
        var variableAvg = Add(CfoMetricIds.VariableCostsAverage, "Variable costs, trailing 3-month average", enough ? trailing.Average(m => m.VariableCosts) : null,
            MetricUnit.UsdPerMonth, "mean of expenses not marked fixed over the last 3 months",
            trailing.SelectMany(m => m.Inputs("expenses[variable].amount − principal", VariableCosts)),
            special: enough ? null : Insufficient(trailing.Count, TrailingMonths));

        Add(CfoMetricIds.DebtServiceCashBasis, "Debt service, cash basis (no principal/interest split), trailing 3-month average",
            enough ? trailing.Average(m => m.DebtServiceCashBasis) : null, MetricUnit.UsdPerMonth,
            "mean of loan and mortgage payments with no principal/interest split; counted whole in fixed costs",
            trailing.SelectMany(m => m.Inputs("expenses[debt, unsplit].amount", DebtService.CashBasisOf)),
            special: enough ? null : Insufficient(trailing.Count, TrailingMonths));
        Add(CfoMetricIds.LoanPrincipal, "Loan principal repaid (financing), trailing 3-month average",
            enough ? trailing.Average(m => m.LoanPrincipal) : null, MetricUnit.UsdPerMonth,
            "mean of expenses[].principal of split loan and mortgage payments; financing, left out of fixed costs (still cash out in burn)",
            trailing.SelectMany(m => m.Inputs("expenses[].principal", DebtService.PrincipalOf)),
            special: enough ? null : Insufficient(trailing.Count, TrailingMonths));

        var point = enough ? BreakEven.From(revenueAvg.Value!.Value, variableAvg.Value!.Value, fixedAvg.Value!.Value) : null;
        var cmrMetric = Add(CfoMetricIds.ContributionMarginRatio, "Contribution-margin ratio", point?.ContributionMarginRatio, MetricUnit.Percent,
            "(revenue − variable costs) ÷ revenue, trailing 3-month averages", FromMetrics(revenueAvg, variableAvg),
            special: point is null ? Insufficient(trailing.Count, TrailingMonths) : point.ContributionMarginRatio is null ? point.Special : null);
        var breakEvenMetric = Add(CfoMetricIds.BreakEvenRevenue, "Break-even revenue", point?.Revenue, MetricUnit.UsdPerMonth,
            "fixed costs ÷ contribution-margin ratio", FromMetrics(fixedAvg, cmrMetric),
            special: point is null ? Insufficient(trailing.Count, TrailingMonths) : point.Special);
        Add(CfoMetricIds.MarginOfSafety, "Margin of safety", point?.MarginOfSafety,
            MetricUnit.Percent, "(revenue − break-even revenue) ÷ revenue; negative when below break-even", FromMetrics(revenueAvg, breakEvenMetric),
            special: breakEvenMetric.Special);

        AddBreakEvenMonths(period, current, forecast, trend, Add);
        AddBookingsNeeded(current, breakEvenMetric, revenueAvg, Add, FromMetrics);
        var targets = AddTargets(period, current, breakEvenMetric, revenueAvg, forecast, Add, FromMetrics);
        return new CfoResult(period, series, targets, budget);
    }

    private static (decimal? Months, string? Special) RunwayFrom(decimal? burn, decimal? cash) => (burn, cash) switch
    {
        (null, _) or (_, null) => (null, "n/a"),
        ({ } b, _) when b <= 0 => (null, "∞"),
        ({ } b, { } c) when c <= 0 => (0m, null),
        ({ } b, { } c) => (c / b, null),
    };

    private delegate Metric AddMetric(string id, string label, decimal? value, MetricUnit unit, string formula,
        IEnumerable<MetricInput> inputs, MetricKind kind = MetricKind.Actual, string? special = null, string? entityId = null);

    // The lowest runway any definition gives; a definition without enough data or reaching past its horizon does not
    // count, and only when every one that counts is infinite is the conservative runway infinite.
    private static void AddConservativeRunway(IReadOnlyList<Metric> runways, AddMetric add, Func<Metric[], IEnumerable<MetricInput>> fromMetrics)
    {
        var finite = runways.Where(r => r.Value is not null).ToList();
        var infinite = runways.Any(r => r.Special == "∞");
        var lowest = finite.OrderBy(r => r.Value).FirstOrDefault();
        add(CfoMetricIds.RunwayConservative, "Conservative runway (lowest of the definitions)", lowest?.Value, MetricUnit.Months,
            "lowest of: runway at trailing net burn, on the 12-month seasonal forecast, on the change in cash, and on free cash after owner draws (the linear-trend sensitivity does not count)",
            fromMetrics([.. runways]),
            special: lowest is not null ? null : infinite ? "∞" : "n/a: no runway definition has enough data");
    }

    // The primary 12-month forecast (seasonal, or a run rate when fewer than 12 months exist) of cash received and
    // expenses, and the linear trend of net burn kept only as a labelled sensitivity.
    private sealed record Forecast(SeasonalForecast CashIn, SeasonalForecast Expenses, Trend Linear, int LinearMonths,
        IReadOnlyList<(int K, Period Month, Metric NetBurn, Metric Linear)> Months, Metric Method)
    {
        public decimal? NetBurn(int k) => Expenses.Project(k) - CashIn.Project(k);
    }

    private static Forecast AddForecast(Period period, IReadOnlyList<PortfolioMonth> series, IReadOnlyList<PortfolioMonth> trend, AddMetric add)
    {
        var cashIn = SeasonalForecast.Fit(SeasonalForecast.HistoryOf(series, period, m => m.CashIn));
        var expenses = SeasonalForecast.Fit(SeasonalForecast.HistoryOf(series, period, m => m.Expenses));
        var method = add(CfoMetricIds.ForecastMethod, "Forecast method", null, MetricUnit.Count, "seasonal when 12 consecutive months exist, else the trailing 3-month run rate",
            [], MetricKind.Assumption, special: cashIn.Why);
        Metric Growth(string id, string label, SeasonalForecast f) => add(id, label, f.Method == ForecastMethod.Seasonal ? f.Growth - 1 : null, MetricUnit.Percent,
            "sum of the last (up to) 3 months ÷ the same months a year earlier − 1; 0 % when no year-earlier month exists", [], MetricKind.Forecast,
            special: f.Method == ForecastMethod.Seasonal ? null : f.Why);
        var cashInGrowth = Growth(CfoMetricIds.ForecastGrowth("cash-in"), "Year-on-year growth of cash received", cashIn);
        var expensesGrowth = Growth(CfoMetricIds.ForecastGrowth("expenses"), "Year-on-year growth of expenses", expenses);
        var linear = Trend.Fit(trend.Select(m => m.NetBurn).ToList());

        var byPeriod = series.ToDictionary(m => m.Period);
        IEnumerable<MetricInput> Basis(SeasonalForecast f, int k, string field, Func<KpiMonth, decimal> value, Metric growth) => f.Method switch
        {
            ForecastMethod.Seasonal when byPeriod.TryGetValue(period.AddMonths((k - 1) % SeasonalForecast.SeasonMonths + 1 - SeasonalForecast.SeasonMonths), out var last) =>
                last.Inputs(field, value).Append(MetricInput.Of(growth)),
            ForecastMethod.RunRate => series.Where(m => m.Period > period.AddMonths(-SeasonalForecast.RunRateMonths)).SelectMany(m => m.Inputs(field, value)),
            _ => [],
        };

        var months = new List<(int, Period, Metric, Metric)>();
        for (var k = 1; k <= 12; k++)
        {
            var month = period.AddMonths(k);
            var formula = cashIn.Method == ForecastMethod.Seasonal ? $"{month.AddMonths(-12)} actual × (1 + year-on-year growth)" : "trailing 3-month average";
            var inForecast = add(CfoMetricIds.ForecastFor(month, "cash-in"), $"Cash received forecast {month}", cashIn.Project(k), MetricUnit.Usd,
                formula, Basis(cashIn, k, "revenue[].received", e => e.CashReceived, cashInGrowth), MetricKind.Forecast, special: cashIn.Method == ForecastMethod.None ? cashIn.Why : null);
            var outForecast = add(CfoMetricIds.ForecastFor(month, "expenses"), $"Expenses forecast {month}", expenses.Project(k), MetricUnit.Usd,
                formula, Basis(expenses, k, "expenses[].amount", e => e.ExpenseTotal, expensesGrowth), MetricKind.Forecast, special: expenses.Method == ForecastMethod.None ? expenses.Why : null);
            var net = add(CfoMetricIds.ForecastFor(month, "net-burn"), $"Net burn forecast {month}", expenses.Project(k) - cashIn.Project(k), MetricUnit.Usd,
                "expenses forecast − cash received forecast", [MetricInput.Of(outForecast), MetricInput.Of(inForecast)], MetricKind.Forecast,
                special: cashIn.Method == ForecastMethod.None ? cashIn.Why : null);
            var sensitivity = add(CfoMetricIds.ForecastFor(month, "net-burn.linear"), $"Net burn, linear-trend sensitivity {month}", trend.Count >= 3 ? linear.Project(k) : null, MetricUnit.Usd,
                $"least-squares line through the last {trend.Count} months of net burn, extended; a sensitivity, not the forecast",
                trend.SelectMany(m => m.Inputs("expenses[].amount − revenue[].received", e => e.ExpenseTotal - e.CashReceived)), MetricKind.Forecast,
                special: trend.Count >= 3 ? null : $"insufficient data: {trend.Count} months of history (needs 3)");
            months.Add((k, month, net, sensitivity));
        }

        return new Forecast(cashIn, expenses, linear, trend.Count, months, method);
    }

    private static Metric AddForecastRunway(Forecast forecast, Metric cash, AddMetric add)
    {
        var primary = RunwayOn(CfoMetricIds.RunwayForecast, "Runway on the 12-month seasonal forecast",
            "months until cash on hand, less the forecast net burn (seasonal: same month last year × year-on-year growth; run rate with under 12 months), reaches zero; 12-month horizon",
            forecast.CashIn.Method == ForecastMethod.None ? null : forecast.NetBurn, forecast.CashIn.Why, forecast.Months.Select(m => m.NetBurn));
        RunwayOn(CfoMetricIds.RunwayForecastLinear, "Runway on the linear-trend sensitivity",
            $"sensitivity only: months until cash on hand, less the linear trend of net burn (last {forecast.LinearMonths} months), reaches zero; 12-month horizon",
            forecast.LinearMonths >= 3 ? k => forecast.Linear.Project(k) : null, $"insufficient data: {forecast.LinearMonths} months of history (needs 3)", forecast.Months.Select(m => m.Linear));
        return primary;

        Metric RunwayOn(string id, string label, string formula, Func<int, decimal?>? burnAt, string why, IEnumerable<Metric> months)
        {
            var inputs = months.Select(MetricInput.Of).Append(MetricInput.Of(cash)).ToList();
            if (burnAt is null || cash.Value is null)
            {
                return add(id, label, null, MetricUnit.Months, formula, inputs, MetricKind.Forecast, burnAt is null ? why : cash.Display);
            }

            var remaining = cash.Value.Value;
            for (var k = 1; k <= 12; k++)
            {
                var burn = burnAt(k)!.Value;
                if (burn > 0 && remaining - burn < 0)
                {
                    return add(id, label, k - 1 + remaining / burn, MetricUnit.Months, formula, inputs, MetricKind.Forecast);
                }

                remaining -= burn;
            }

            var cashPositive = Enumerable.Range(1, 12).All(k => burnAt(k) <= 0);
            return add(id, label, null, MetricUnit.Months, formula, inputs, MetricKind.Forecast, cashPositive ? "∞" : "more than 12 months");
        }
    }

    // One entity's cash and runway on the owner-operator's terms: free cash, burn after draws.
    private void AddEntity(Period period, string id, IReadOnlyList<KpiMonth> trailing, MetricBook book, AddMetric add, Func<int, int, string> insufficient)
    {
        var p = period.ToString();
        var current = trailing.FirstOrDefault(k => k.Period == period);
        var none = current is null ? $"no KPI inputs recorded for {p}" : null;
        var enough = current is not null && trailing.Count == TrailingMonths;
        var cash = add(CfoMetricIds.Entity(id, "cash"), $"{id} cash on hand", current?.CashOnHand, MetricUnit.Usd, "cashOnHand at month end",
            current is null ? [] : [new($"kpi:{id}", "cashOnHand", p, MetricFormat.Money(current.CashOnHand))], special: none, entityId: id);
        var customerDeposits = current is null ? null : book.Get(EntityDeposits.Customer(id));
        var securityDeposits = current is null ? null : book.Get(EntityDeposits.Security(id));
        var free = current is null ? (decimal?)null : current.CashOnHand - customerDeposits!.Value - securityDeposits!.Value;
        var freeCash = add(CfoMetricIds.Entity(id, "free-cash"), $"{id} free cash", free, MetricUnit.Usd,
            "cash on hand − customer deposits held − tenant security deposits held",
            current is null ? [] : [MetricInput.Of(cash), MetricInput.Of(customerDeposits!), MetricInput.Of(securityDeposits!)], special: none, entityId: id);
        IEnumerable<MetricInput> Inputs(string field, Func<KpiMonth, decimal> value) =>
            trailing.Select(k => new MetricInput($"kpi:{id}", field, k.Period.ToString(), MetricFormat.Money(value(k))));
        add(CfoMetricIds.Entity(id, "burn.net.avg3"), $"{id} net burn before draws, trailing 3-month average",
            enough ? trailing.Average(k => -k.OperatingCashFlow) : null, MetricUnit.UsdPerMonth, "mean of (expenses − cash received) over the last 3 months",
            Inputs("expenses[].amount − revenue[].received", k => -k.OperatingCashFlow), special: enough ? null : none ?? insufficient(trailing.Count, TrailingMonths), entityId: id);
        var afterDraws = add(CfoMetricIds.Entity(id, "burn.net-after-draws.avg3"), $"{id} net burn after draws, trailing 3-month average",
            enough ? trailing.Average(k => k.OwnerDraws - k.OperatingCashFlow) : null, MetricUnit.UsdPerMonth, "mean of (expenses − cash received + owner draws) over the last 3 months",
            Inputs("expenses[].amount − revenue[].received + ownerDraws", k => k.OwnerDraws - k.OperatingCashFlow), special: enough ? null : none ?? insufficient(trailing.Count, TrailingMonths), entityId: id);
        var runway = RunwayFrom(afterDraws.Value, freeCash.Value);
        add(CfoMetricIds.Entity(id, "runway"), $"{id} runway on free cash after draws", runway.Months, MetricUnit.Months,
            "free cash ÷ trailing 3-month average net burn after draws; ∞ when cash-positive after draws",
            new[] { cash, freeCash, afterDraws }.Select(m => new MetricInput($"metric:{m.Id}", m.Label, m.Period, m.Display)),
            special: afterDraws.Special ?? runway.Special, entityId: id);

        // Break-even on the entity's own trailing averages, cash basis like the portfolio's.
        var point = enough ? BreakEven.From(trailing.Average(k => k.CashReceived), trailing.Average(VariableCosts), trailing.Average(FixedCosts)) : null;
        var shortOf = enough ? null : none ?? insufficient(trailing.Count, TrailingMonths);
        var breakEven = add(CfoMetricIds.Entity(id, "break-even"), $"{id} break-even revenue", point?.Revenue, MetricUnit.UsdPerMonth,
            "fixed costs ÷ ((revenue received − variable costs) ÷ revenue received), trailing 3-month averages; split loan payments count only interest, unsplit ones whole (debt service, cash basis)",
            Inputs("expenses[fixed].amount", FixedCosts).Concat(Inputs("expenses[variable].amount", VariableCosts)).Concat(Inputs("revenue[].received", k => k.CashReceived)),
            special: shortOf ?? point?.Special, entityId: id);
        add(CfoMetricIds.Entity(id, "margin-of-safety"), $"{id} margin of safety", point?.MarginOfSafety, MetricUnit.Percent,
            "(revenue received − break-even revenue) ÷ revenue received, trailing 3-month averages; negative when below break-even",
            [MetricInput.Of(breakEven), .. Inputs("revenue[].received", k => k.CashReceived)], special: breakEven.Special, entityId: id);

        // The minimum-cash test is on free cash: deposits held for customers and tenants do not protect the entity.
        var minimum = options.MinimumCashFor(id);
        var minimumMetric = add(CfoMetricIds.Entity(id, "minimum-cash"), $"{id} minimum cash", minimum, MetricUnit.Usd,
            "configured minimum free cash for the entity", [new MetricInput("config", options.MinimumCashKeyFor(id), null, MetricFormat.Money(minimum))],
            MetricKind.Assumption, entityId: id);
        add(CfoMetricIds.Entity(id, "minimum-cash.headroom"), $"{id} free cash above its minimum", freeCash.Value - minimum, MetricUnit.Usd,
            "free cash − minimum cash; below zero the entity fails the minimum-cash test", [MetricInput.Of(freeCash), MetricInput.Of(minimumMetric)],
            special: none, entityId: id);
    }

    // Budget against actual for one entity, this month and year to date: booked revenue (accrual) against
    // targets.monthlyRevenueTarget, net burn (cash basis, before draws) against targets.burnCeiling. A month without a
    // target counts in neither side of its year-to-date line.
    private void AddBudget(Period period, string id, IReadOnlyList<KpiMonth> yearToDate, AddMetric add, Dictionary<string, VarianceResult> judgements)
    {
        var current = yearToDate.FirstOrDefault(k => k.Period == period);
        void Line(string figure, string label, string field, Func<KpiMonth, decimal> actual, Func<KpiMonth, decimal?> budget, Favourable better, string budgetField)
        {
            foreach (var (scope, months) in new[] { ("month", current is null ? Array.Empty<KpiMonth>() : [current]), ("ytd", yearToDate.ToArray()) })
            {
                var budgeted = months.Where(k => budget(k) is not null).ToList();
                var what = scope == "month" ? $"{period}" : $"{period.Year}-01 to {period}";
                var none = budgeted.Count == 0 ? $"no {budgetField} recorded for {what}" : null;
                var actualMetric = add(CfoMetricIds.Budget(id, figure, scope, "actual"), $"{id} {label}, {what}", none is null ? budgeted.Sum(actual) : null, MetricUnit.Usd,
                    $"sum of {field} over the months with a {budgetField}", budgeted.Select(k => MetricInput.Kpi(id, field, k.Period.ToString(), MetricFormat.Money(actual(k)))),
                    special: none, entityId: id);
                var budgetMetric = add(CfoMetricIds.Budget(id, figure, scope, "budget"), $"{id} {budgetField}, {what}", none is null ? budgeted.Sum(k => budget(k)!.Value) : null, MetricUnit.Usd,
                    $"sum of targets.{budgetField}", budgeted.Select(k => MetricInput.Kpi(id, $"targets.{budgetField}", k.Period.ToString(), MetricFormat.Money(budget(k)!.Value))),
                    MetricKind.Assumption, special: none, entityId: id);
                if (none is not null)
                {
                    continue;
                }

                var result = Variance.Assess(actualMetric.Value!.Value, budgetMetric.Value!.Value, better, options.MaterialityPercent, options.MaterialityAmount, budgetField);
                add(CfoMetricIds.Budget(id, figure, scope, "variance"), $"{id} {label} against {budgetField}, {what}", result.Delta, MetricUnit.Usd,
                    $"actual − {budgetField}; {(better == Favourable.Higher ? "higher" : "lower")} is favourable; material past both Finance:Materiality thresholds",
                    [MetricInput.Of(actualMetric), MetricInput.Of(budgetMetric)],
                    entityId: id);
                judgements[CfoMetricIds.Budget(id, figure, scope, "variance")] = result;
            }
        }

        Line("revenue", "revenue booked (accrual)", "revenue[].amount", k => k.RevenueBooked, k => k.Targets?.MonthlyRevenueTarget, Favourable.Higher, "monthlyRevenueTarget");
        Line("burn", "net burn (cash basis, before draws)", "expenses[].amount − revenue[].received", k => -k.OperatingCashFlow, k => k.Targets?.BurnCeiling, Favourable.Lower, "burnCeiling");
    }

    private static decimal FixedCosts(KpiMonth month) => month.Expenses.Where(x => x.Fixed).Sum(DebtService.ExpensePart);

    private static decimal VariableCosts(KpiMonth month) => month.Expenses.Where(x => !x.Fixed).Sum(DebtService.ExpensePart);

    private static void AddCashBridge(Period period, IReadOnlyList<PortfolioMonth> series, Metric cash, AddMetric add)
    {
        var opening = series.FirstOrDefault(m => m.Period == period.AddMonths(-1));
        var closing = series.FirstOrDefault(m => m.Period == period);
        if (opening is null || closing is null)
        {
            add(CfoMetricIds.BridgeOpening, "Opening cash", null, MetricUnit.Usd, "cash on hand at the end of last month", [],
                special: $"no KPI inputs for {period.AddMonths(-1)}, so no cash bridge");
            return;
        }

        var bridge = CashBridge.Between(opening, closing);
        add(CfoMetricIds.BridgeOpening, "Opening cash", bridge.Opening, MetricUnit.Usd, "cash on hand at the end of last month",
            opening.Inputs("cashOnHand", e => e.CashOnHand));
        var mp = period.ToString();
        var op = opening.Period.ToString();
        var inputs = new Dictionary<string, IEnumerable<MetricInput>>(StringComparer.Ordinal)
        {
            ["operating"] = closing.Inputs("revenue[].received − expenses[].amount", e => e.OperatingCashFlow),
            ["owner-draws"] = closing.Inputs("ownerDraws", e => e.OwnerDraws),
            ["capital-injections"] = closing.Inputs("capitalInjections", e => e.CapitalInjections),
            ["customer-deposits"] = closing.Inputs($"customerDeposits {mp} − {op}", e => e.CustomerDeposits - (opening.Entities.FirstOrDefault(o => o.EntityId == e.EntityId)?.CustomerDeposits ?? 0m)),
            ["security-deposits"] = closing.Inputs($"securityDeposits {mp} − {op}", e => e.SecurityDeposits - (opening.Entities.FirstOrDefault(o => o.EntityId == e.EntityId)?.SecurityDeposits ?? 0m)),
            ["unexplained"] = [new MetricInput($"metric:{cash.Id}", cash.Label, cash.Period, cash.Display), new MetricInput($"metric:{CfoMetricIds.BridgeOpening}", "Opening cash", op, MetricFormat.Money(bridge.Opening))],
        };
        foreach (var (id, label, amount) in bridge.Lines)
        {
            add(CfoMetricIds.Bridge(id), label, amount, MetricUnit.Usd,
                id == "unexplained" ? "closing cash − opening cash − every line above" : $"{label}, {mp}, signed as it moves cash", inputs[id]);
        }
    }

    private static Metric AddCashChangeRunway(Period period, IReadOnlyList<PortfolioMonth> series, Metric cash, AddMetric add, Func<int, int, string> insufficient)
    {
        const string formula = "cash on hand ÷ average monthly fall in cash over the last 3 months (includes financing)";
        var then = series.FirstOrDefault(m => m.Period == period.AddMonths(-TrailingMonths));
        if (then is null || cash.Value is null)
        {
            var months = series.Count(m => m.Period > period.AddMonths(-TrailingMonths - 1));
            return add(CfoMetricIds.RunwayCashChange, "Runway on the change in cash", null, MetricUnit.Months, formula, [], special: insufficient(months, TrailingMonths + 1));
        }

        var fall = (then.Cash - cash.Value.Value) / TrailingMonths;
        var inputs = then.Inputs("cashOnHand", e => e.CashOnHand).Append(MetricInput.Of(cash));
        var runway = RunwayFrom(fall, cash.Value);
        return add(CfoMetricIds.RunwayCashChange, "Runway on the change in cash", runway.Months, MetricUnit.Months, formula, inputs, special: runway.Special);
    }

    // The first month net income (cash basis) is ≥ 0, on the primary forecast and, as a sensitivity, on the linear trend.
    // The old "payback month" is gone: cumulative income since the first month on record meant nothing an owner could use.
    private static void AddBreakEvenMonths(Period period, PortfolioMonth? current, Forecast forecast, IReadOnlyList<PortfolioMonth> trend, AddMetric add)
    {
        var trendInputs = trend.SelectMany(m => m.Inputs("revenue[].received − expenses[].amount", e => e.CashReceived - e.ExpenseTotal)).ToList();
        var fit = Trend.Fit(trend.Select(m => m.NetIncome).ToList());

        // A seasonal business "breaks even" when a whole year does: the rolling 12-month net income (actual months
        // replaced one by one by forecast months) turns ≥ 0, not when one busy month happens to be positive.
        (decimal? Months, string Display) Primary()
        {
            if (current is null || forecast.CashIn.Method == ForecastMethod.None)
            {
                return (null, forecast.CashIn.Why);
            }

            var window = forecast.CashIn.Method == ForecastMethod.Seasonal ? SeasonalForecast.SeasonMonths : 1;
            var incomes = forecast.CashIn.History.Zip(forecast.Expenses.History, (cashIn, expenses) => cashIn - expenses).TakeLast(window).ToList();
            if (incomes.Sum() >= 0)
            {
                return (0, window == 1 ? $"reached in {period}" : $"reached in {period} (trailing 12 months)");
            }

            for (var k = 1; k <= HorizonMonths; k++)
            {
                incomes.Add(-forecast.NetBurn(k)!.Value);
                if (incomes.TakeLast(window).Sum() >= 0)
                {
                    return (k, period.AddMonths(k).ToString());
                }
            }

            return (null, window == 1 ? "not at the current run rate" : $"beyond {period.AddMonths(HorizonMonths)} on the seasonal forecast");
        }

        var primary = Primary();
        add(CfoMetricIds.BreakEvenMonth, "Break-even month (net income ≥ 0 on the forecast)", primary.Months, MetricUnit.Months,
            "first month the rolling 12-month net income (cash received − expenses; actual months replaced by seasonal forecast months) is ≥ 0; with under 12 months, the first month the run-rate net income is ≥ 0",
            forecast.Months.Select(m => MetricInput.Of(m.NetBurn)), MetricKind.Forecast, primary.Display);

        string incomeMonth;
        decimal? incomeMonths = null;
        if (current is null || trend.Count < 3)
        {
            incomeMonth = $"insufficient data: {trend.Count} months of history (needs 3)";
        }
        else if (current.NetIncome >= 0)
        {
            incomeMonth = $"reached in {period}";
            incomeMonths = 0;
        }
        else if (fit.Slope <= 0)
        {
            incomeMonth = "not on the linear trend";
        }
        else
        {
            var k = FirstMonthAtOrAboveZero(fit);
            incomeMonths = k;
            incomeMonth = k <= HorizonMonths ? period.AddMonths(k).ToString() : $"beyond {period.AddMonths(HorizonMonths)}";
        }

        add(CfoMetricIds.BreakEvenMonthLinear, "Break-even month, linear-trend sensitivity", incomeMonths, MetricUnit.Months,
            "sensitivity only: first month the linear trend of monthly net income (last 6 months) is ≥ 0", trendInputs, MetricKind.Forecast, incomeMonth);
    }

    private static int FirstMonthAtOrAboveZero(Trend fit)
    {
        // a + b·(n − 1 + k) ≥ 0  ⇒  k ≥ −(a + b·(n − 1)) ÷ b
        var needed = -(fit.Intercept + fit.Slope * (fit.Points - 1)) / fit.Slope;
        return Math.Max(1, (int)Math.Ceiling(needed));
    }

    private static void AddBookingsNeeded(PortfolioMonth? current, Metric breakEven, Metric revenue, AddMetric add, Func<Metric[], IEnumerable<MetricInput>> fromMetrics)
    {
        const string formula = "(break-even revenue − revenue) ÷ (average booking value × (1 − average OTA commission)), rounded up";
        var channels = current?.Entities.SelectMany(e => e.Channels.Select(c => (e.EntityId, Channel: c))).Where(x => x.Channel.Bookings > 0).ToList() ?? [];
        var bookings = channels.Sum(x => x.Channel.Bookings);
        var gross = channels.Sum(x => x.Channel.Revenue);
        var inputs = fromMetrics([breakEven, revenue]).Concat(channels.Select(x => MetricInput.Kpi(
            x.EntityId, $"channels[{x.Channel.Channel}].revenue/bookings/commissionRate", current!.Period.ToString(),
            FormattableString.Invariant($"{MetricFormat.Money(x.Channel.Revenue)} / {x.Channel.Bookings} / {(x.Channel.CommissionRate ?? 0m) * 100m:0.#}%")))).ToList();
        if (breakEven.Value is null || revenue.Value is null || bookings == 0 || gross <= 0)
        {
            add(CfoMetricIds.BookingsNeeded, "Extra bookings a month to break even", null, MetricUnit.Count, formula, inputs,
                special: breakEven.Special ?? revenue.Special ?? "no bookings recorded this month");
            return;
        }

        var commission = channels.Sum(x => x.Channel.Revenue * (x.Channel.CommissionRate ?? 0m)) / gross;
        var netPerBooking = gross / bookings * (1 - commission);
        var gap = Math.Max(0m, breakEven.Value.Value - revenue.Value.Value);
        add(CfoMetricIds.BookingsNeeded, "Extra bookings a month to break even", Math.Ceiling(gap / netPerBooking), MetricUnit.Count, formula, inputs);
    }

    private IReadOnlyList<RevenueTarget> AddTargets(Period period, PortfolioMonth? current, Metric breakEven, Metric revenue, Forecast forecast, AddMetric add,
        Func<Metric[], IEnumerable<MetricInput>> fromMetrics)
    {
        var configured = current?.RevenueTarget;
        add(CfoMetricIds.RevenueTarget, "Revenue target this month", configured, MetricUnit.Usd, "sum of targets.monthlyRevenueTarget over all entities",
            current?.Entities.Where(e => e.Targets?.MonthlyRevenueTarget is not null)
                .Select(e => MetricInput.Kpi(e.EntityId, "targets.monthlyRevenueTarget", period.ToString(), MetricFormat.Money(e.Targets!.MonthlyRevenueTarget!.Value))) ?? [],
            special: configured is null ? $"no revenue targets recorded for {period}" : null);

        var start = revenue.Value;
        if (start is null)
        {
            return [];
        }

        // Ramp linearly from today's revenue to the higher of this month's target and break-even plus a buffer,
        // reached by the end of next year's last quarter, shaped by the seasonal profile: a month's index is its cash
        // received last year ÷ the 12-month average (1 without 12 months). A month the path leaves below break-even is
        // marked in the report, never silently.
        var history = forecast.CashIn.History;
        var seasonal = forecast.CashIn.Method == ForecastMethod.Seasonal && history.Skip(history.Count - SeasonalForecast.SeasonMonths).Average() > 0;
        decimal Index(int k) => seasonal
            ? history[history.Count - SeasonalForecast.SeasonMonths + (k - 1) % SeasonalForecast.SeasonMonths] / history.Skip(history.Count - SeasonalForecast.SeasonMonths).Average()
            : 1m;
        var end = new Period(period.Year + 1, 12);
        var floor = breakEven.Value is { } be ? be * (1 + options.TargetBufferPercent) : start.Value * (1 + options.TargetBufferPercent);
        var goal = Math.Max(configured ?? 0m, floor);
        var steps = Period.MonthsBetween(period, end);
        var targets = new List<RevenueTarget>();
        for (var k = 1; k <= steps; k++)
        {
            var month = period.AddMonths(k);
            var value = Math.Round((start.Value + (goal - start.Value) * k / steps) * Index(k), 0);
            targets.Add(new RevenueTarget(month, add(CfoMetricIds.TargetFor(month), $"Revenue target {month}", value, MetricUnit.Usd,
                FormattableString.Invariant($"(revenue (trailing 3-month average) + (max(this month's target, break-even revenue × (1 + {options.TargetBufferPercent * 100m:0}%)) − revenue) × {k}/{steps}) × seasonal index {Index(k):0.00}"),
                fromMetrics(breakEven.Value is null ? [revenue, forecast.Method] : [breakEven, revenue, forecast.Method])
                    .Append(new MetricInput("config", "Finance:TargetBufferPercent", null, FormattableString.Invariant($"{options.TargetBufferPercent * 100m:0}%"))),
                MetricKind.Forecast)));
        }

        return targets;
    }
}
