using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reports.Finance;
using Microsoft.Extensions.Options;

namespace ExecReports.Core.Reports.Metrics;

// Quotes, actual costs, margins and crew load for Expert Yacht Delivery. A job moves through the monthly KPI
// documents (quoted → scheduled → completed), so the latest state of each job over the window is what counts.
public sealed class YachtDeliveryCalculator(IOptions<DomainOptions> options) : MetricCalculator
{
    // The catalog entity comes from the report's registration.
    public static string EntityId => ReportRole.YachtDelivery.Entity;

    public const int WindowMonths = 12;

    public const string CrewMembers = "yacht.crew.members";
    public const string CrewAssignments = "yacht.crew.assignments";
    public const string JobsPerCrewMember = "yacht.crew.jobs-per-member";
    public const string CompletedQuote = "yacht.completed.quote";
    public const string CompletedActual = "yacht.completed.actual";
    public const string CompletedVariance = "yacht.completed.variance";
    public const string CompletedMargin = "yacht.completed.margin";
    public const string CompletedMarginPercent = "yacht.completed.margin-percent";
    public const string OpenQuote = "yacht.open.quote";

    public const string YearMonths = "yacht.12m.months";
    public const string YearRevenue = "yacht.12m.revenue";
    public const string YearDirectCosts = "yacht.12m.direct-costs";
    public const string YearGrossProfit = "yacht.12m.gross-profit";
    public const string YearOverhead = "yacht.12m.overhead";
    public const string YearProfit = "yacht.12m.profit";
    public const string OverheadPerMonth = "yacht.12m.overhead-per-month";
    public const string Cash = "yacht.cash";
    public const string MonthsOfCash = "yacht.months-of-cash";
    public const string TargetMargin = "yacht.target-margin";
    public const string CompletedMarginGap = "yacht.completed.margin-vs-target";
    public const string CompletedDistance = "yacht.completed.distance-nm";
    public const string CompletedCostPerNm = "yacht.completed.cost-per-nm";
    public const string CompletedQuotePerNm = "yacht.completed.quote-per-nm";
    public const string RecommendedRatePerNm = "yacht.rate-card.recommended-per-nm";
    public const string ScheduledWorkingCapital = "yacht.working-capital.scheduled";
    public const string CashAfterScheduled = "yacht.working-capital.cash-after-scheduled";

    public override int Order => 20;

    public static string JobQuote(string slug) => $"yacht.job.{slug}.quote";
    public static string JobActual(string slug) => $"yacht.job.{slug}.actual";
    public static string JobDistance(string slug) => $"yacht.job.{slug}.distance-nm";
    public static string JobQuotePerNm(string slug) => $"yacht.job.{slug}.quote-per-nm";
    public static string JobVariance(string slug) => $"yacht.job.{slug}.variance";
    public static string JobVariancePercent(string slug) => $"yacht.job.{slug}.variance-percent";
    public static string JobMargin(string slug) => $"yacht.job.{slug}.margin";
    public static string JobMarginPercent(string slug) => $"yacht.job.{slug}.margin-percent";
    public static string CrewJobs(string slug) => $"yacht.crew.{slug}.jobs";
    public static string JobMarginGap(string slug) => $"yacht.job.{slug}.margin-vs-target";
    public static string JobCostPerNm(string slug) => $"yacht.job.{slug}.cost-per-nm";
    public static string JobWorkingCapital(string slug) => $"yacht.job.{slug}.working-capital";

    // Scheduled and underway jobs are committed: their crew, fuel and travel are paid before the client pays on delivery.
    public static bool IsCommitted(DeliveryJob job) => job.Status is DeliveryStatus.Scheduled or DeliveryStatus.Underway;

    // Completed jobs with both a cost and a distance: the evidence for cost per mile.
    public static IReadOnlyList<JobState> Costed(IReadOnlyList<JobState> jobs) =>
        jobs.Where(j => j.Job.Status == DeliveryStatus.Completed && j.Job.ActualCost is not null && j.Job.DistanceNm > 0).ToList();

    public sealed record JobState(DeliveryJob Job, string Slug, Period LastSeen);

    public static bool IsOpen(DeliveryJob job) => job.Status is DeliveryStatus.Quoted or DeliveryStatus.Scheduled or DeliveryStatus.Underway;

    // Latest record of every job seen in the window ending at the period, ordered by job id.
    public static IReadOnlyList<JobState> Jobs(IEnumerable<KpiMonth> months, Period period)
    {
        var from = period.AddMonths(-(WindowMonths - 1));
        var latest = months
            .Where(k => string.Equals(k.EntityId, EntityId, StringComparison.OrdinalIgnoreCase) && k.Period >= from && k.Period <= period && k.YachtDelivery is not null)
            .OrderByDescending(k => k.Period)
            .SelectMany(k => k.YachtDelivery!.Jobs.Select(j => (Job: j, k.Period)))
            .DistinctBy(x => x.Job.Id.Trim(), StringComparer.OrdinalIgnoreCase)
            .OrderBy(x => x.Job.Id, StringComparer.Ordinal)
            .ToList();
        return Slugs.Distinct(latest, x => x.Job.Id).Select(x => new JobState(x.Item.Job, x.Slug, x.Item.Period)).ToList();
    }

    public static IReadOnlyList<(string Member, string Slug, int Jobs)> Crew(IReadOnlyList<JobState> jobs) =>
        Slugs.Distinct(
                jobs.Where(j => j.Job.Status != DeliveryStatus.Cancelled)
                    .SelectMany(j => j.Job.Crew.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase))
                    .GroupBy(c => c, StringComparer.OrdinalIgnoreCase)
                    .Select(g => (Member: g.First(), Jobs: g.Count()))
                    .OrderBy(x => x.Member, StringComparer.Ordinal),
                x => x.Member)
            .Select(x => (x.Item.Member, x.Slug, x.Item.Jobs))
            .ToList();

    // Cost is the thing measured, so an overrun (actual above quote) is the unfavourable direction.
    public static VarianceResult Assess(DeliveryJob job, FinanceOptions finance) =>
        Variance.Assess(job.ActualCost ?? 0m, job.Quote, Favourable.Lower, finance.MaterialityPercent, finance.MaterialityAmount, "quote");

    public override void Compute(ReportCalculation calculation)
    {
        var period = calculation.Inputs.Period;
        if (DomainMetrics.Month(calculation.Inputs, EntityId, period)?.YachtDelivery is null)
        {
            return;
        }

        var book = calculation.Book;
        var p = period.ToString();
        var jobs = Jobs(calculation.Inputs.Kpis, period);

        foreach (var (job, slug, seen) in jobs)
        {
            MetricInput Field(string field, decimal value) => DomainMetrics.Kpi(EntityId, $"yachtDelivery.jobs[{job.Id}].{field}", seen, value);
            var quote = book.Add(new Metric
            {
                EntityId = EntityId, Id = JobQuote(slug), Label = $"{job.Id} quote", Value = job.Quote, Unit = MetricUnit.Usd, Period = p,
                Formula = "jobs[].quote", Inputs = [Field("quote", job.Quote)], Better = Favourable.Higher,
            });
            book.Add(new Metric
            {
                EntityId = EntityId, Id = JobDistance(slug), Label = $"{job.Id} distance (nm)", Value = job.DistanceNm, Unit = MetricUnit.Count, Period = p,
                Formula = "jobs[].distanceNm", Inputs = [Field("distanceNm", job.DistanceNm)],
            });
            book.Add(new Metric
            {
                EntityId = EntityId, Id = JobQuotePerNm(slug), Label = $"{job.Id} quote per nautical mile", Value = job.DistanceNm > 0 ? job.Quote / job.DistanceNm : null,
                Unit = MetricUnit.Usd, Period = p, Formula = "quote ÷ distanceNm", Inputs = [Field("quote", job.Quote), Field("distanceNm", job.DistanceNm)],
                Better = Favourable.Higher, Special = job.DistanceNm > 0 ? null : "n/a: no distance recorded",
            });

            if (job.ActualCost is not { } actual)
            {
                continue;
            }

            var actualInput = Field("actualCost", actual);
            book.Add(new Metric
            {
                EntityId = EntityId, Id = JobActual(slug), Label = $"{job.Id} actual cost", Value = actual, Unit = MetricUnit.Usd, Period = p,
                Formula = "jobs[].actualCost", Inputs = [actualInput], Better = Favourable.Lower,
            });
            book.Add(new Metric
            {
                EntityId = EntityId, Id = JobVariance(slug), Label = $"{job.Id} cost variance (actual − quote)", Value = actual - job.Quote, Unit = MetricUnit.Usd, Period = p,
                Formula = "actualCost − quote", Inputs = [actualInput, Field("quote", job.Quote)], Better = Favourable.Lower,
            });
            book.Add(new Metric
            {
                EntityId = EntityId, Id = JobVariancePercent(slug), Label = $"{job.Id} cost variance as a share of quote", Value = job.Quote > 0 ? (actual - job.Quote) / job.Quote : null,
                Unit = MetricUnit.Percent, Period = p, Formula = "(actualCost − quote) ÷ quote", Inputs = [actualInput, Field("quote", job.Quote)],
                Better = Favourable.Lower, Special = job.Quote > 0 ? null : "n/a: quote is zero",
            });
            book.Add(new Metric
            {
                EntityId = EntityId, Id = JobMargin(slug), Label = $"{job.Id} margin (quote − actual cost)", Value = job.Quote - actual, Unit = MetricUnit.Usd, Period = p,
                Formula = "quote − actualCost", Inputs = [Field("quote", job.Quote), actualInput], Better = Favourable.Higher,
            });
            book.Add(new Metric
            {
                EntityId = EntityId, Id = JobMarginPercent(slug), Label = $"{job.Id} margin as a share of quote", Value = job.Quote > 0 ? (job.Quote - actual) / job.Quote : null,
                Unit = MetricUnit.Percent, Period = p, Formula = "(quote − actualCost) ÷ quote", Inputs = [MetricInput.Of(quote), actualInput],
                Better = Favourable.Higher, Special = job.Quote > 0 ? null : "n/a: quote is zero",
            });
        }

        var completed = jobs.Where(j => j.Job.Status == DeliveryStatus.Completed && j.Job.ActualCost is not null).ToList();
        var completedQuote = completed.Sum(j => j.Job.Quote);
        var completedActual = completed.Sum(j => j.Job.ActualCost!.Value);
        var quoteInputs = completed.Select(j => DomainMetrics.Kpi(EntityId, $"yachtDelivery.jobs[{j.Job.Id}].quote", j.LastSeen, j.Job.Quote)).ToList();
        var actualInputs = completed.Select(j => DomainMetrics.Kpi(EntityId, $"yachtDelivery.jobs[{j.Job.Id}].actualCost", j.LastSeen, j.Job.ActualCost!.Value)).ToList();
        var window = $"jobs completed in the {WindowMonths} months to {p}";
        book.Add(new Metric
        {
            EntityId = EntityId, Id = CompletedQuote, Label = "Quoted, completed jobs", Value = completedQuote, Unit = MetricUnit.Usd, Period = p,
            Formula = $"sum of quote over {window}", Inputs = quoteInputs, Better = Favourable.Higher,
        });
        book.Add(new Metric
        {
            EntityId = EntityId, Id = CompletedActual, Label = "Actual cost, completed jobs", Value = completedActual, Unit = MetricUnit.Usd, Period = p,
            Formula = $"sum of actualCost over {window}", Inputs = actualInputs, Better = Favourable.Lower,
        });
        book.Add(new Metric
        {
            EntityId = EntityId, Id = CompletedVariance, Label = "Cost variance, completed jobs (actual − quote)", Value = completedActual - completedQuote, Unit = MetricUnit.Usd, Period = p,
            Formula = $"sum of (actualCost − quote) over {window}", Inputs = [.. actualInputs, .. quoteInputs], Better = Favourable.Lower,
        });
        book.Add(new Metric
        {
            EntityId = EntityId, Id = CompletedMargin, Label = "Margin, completed jobs (quote − actual)", Value = completedQuote - completedActual, Unit = MetricUnit.Usd, Period = p,
            Formula = $"sum of (quote − actualCost) over {window}", Inputs = [.. quoteInputs, .. actualInputs], Better = Favourable.Higher,
        });
        book.Add(new Metric
        {
            EntityId = EntityId, Id = CompletedMarginPercent, Label = "Margin as a share of quotes, completed jobs", Value = completedQuote > 0 ? (completedQuote - completedActual) / completedQuote : null,
            Unit = MetricUnit.Percent, Period = p, Formula = $"(sum of quote − sum of actualCost) ÷ sum of quote over {window}", Inputs = [.. quoteInputs, .. actualInputs],
            Better = Favourable.Higher, Special = completedQuote > 0 ? null : "n/a: no completed job with costs",
        });

        var open = jobs.Where(j => IsOpen(j.Job)).ToList();
        book.Add(new Metric
        {
            EntityId = EntityId, Id = OpenQuote, Label = "Quoted value of open jobs (quoted, scheduled, underway)", Value = open.Sum(j => j.Job.Quote), Unit = MetricUnit.Usd, Period = p,
            Formula = "sum of quote over jobs whose latest status is quoted, scheduled or underway",
            Inputs = open.Select(j => DomainMetrics.Kpi(EntityId, $"yachtDelivery.jobs[{j.Job.Id}].quote", j.LastSeen, j.Job.Quote)).ToList(), Better = Favourable.Higher,
        });

        AddBusinessResult(calculation);
        AddMarginsAndRates(book, jobs, period, options.Value);
        AddWorkingCapital(book, jobs, period, DomainMetrics.Month(calculation.Inputs, EntityId, period)!);

        var crew = Crew(jobs);
        var assignments = crew.Sum(c => c.Jobs);
        var crewInputs = jobs.Where(j => j.Job.Status != DeliveryStatus.Cancelled)
            .Select(j => DomainMetrics.Kpi(EntityId, $"yachtDelivery.jobs[{j.Job.Id}].crew", j.LastSeen, string.Join(", ", j.Job.Crew))).ToList();
        foreach (var (member, slug, count) in crew)
        {
            book.Add(new Metric
            {
                EntityId = EntityId, Id = CrewJobs(slug), Label = $"Jobs assigned to {member}", Value = count, Unit = MetricUnit.Count, Period = p,
                Formula = "count of non-cancelled jobs listing this crew member", Inputs = crewInputs,
            });
        }

        book.Add(new Metric
        {
            EntityId = EntityId, Id = CrewMembers, Label = "Crew members on non-cancelled jobs", Value = crew.Count, Unit = MetricUnit.Count, Period = p,
            Formula = "count of distinct jobs[].crew names", Inputs = crewInputs,
        });
        book.Add(new Metric
        {
            EntityId = EntityId, Id = CrewAssignments, Label = "Crew assignments on non-cancelled jobs", Value = assignments, Unit = MetricUnit.Count, Period = p,
            Formula = "sum over jobs of crew listed", Inputs = crewInputs,
        });
        book.Add(new Metric
        {
            EntityId = EntityId, Id = JobsPerCrewMember, Label = "Crew utilisation (jobs per crew member)", Value = crew.Count > 0 ? (decimal)assignments / crew.Count : null,
            Unit = MetricUnit.Ratio, Period = p, Formula = "crew assignments ÷ distinct crew members", Inputs = crewInputs,
            Special = crew.Count > 0 ? null : "n/a: no crew assigned",
        });
    }

    // Direct costs are the expense lines the chart of accounts calls cost of sales; everything else is overhead.
    public static bool IsDirectCost(ExpenseLine expense, ChartOfAccounts accounts) => accounts.Find(expense.AccountCode)?.Type == AccountType.CostOfSales;

    private static void AddBusinessResult(ReportCalculation calculation)
    {
        var book = calculation.Book;
        var period = calculation.Inputs.Period;
        var p = period.ToString();
        var accounts = calculation.Inputs.Accounts;
        var months = DomainMetrics.Trailing(calculation.Inputs, EntityId, period, WindowMonths);
        var span = $"{months.Count} month(s) {months[0].Period}..{p}";
        var revenue = months.Sum(m => m.RevenueBooked);
        var direct = months.Sum(m => m.Expenses.Where(e => IsDirectCost(e, accounts)).Sum(e => e.Amount));
        var overhead = months.Sum(m => m.Expenses.Where(e => !IsDirectCost(e, accounts)).Sum(e => e.Amount));
        var revenueInputs = months.Select(m => DomainMetrics.Kpi(EntityId, "revenue[].amount", m.Period, m.RevenueBooked)).ToList();
        var directInputs = months.SelectMany(m => m.Expenses.Where(e => IsDirectCost(e, accounts))
            .Select(e => DomainMetrics.Kpi(EntityId, $"expenses[{e.Description}].amount", m.Period, e.Amount))).ToList();
        var overheadInputs = months.Select(m => DomainMetrics.Kpi(EntityId, "expenses[not cost of sales].amount", m.Period,
            m.Expenses.Where(e => !IsDirectCost(e, accounts)).Sum(e => e.Amount))).ToList();
        MetricInput Of(string id, string label, decimal value) => MetricInput.OfMetric(id, label, p, MetricFormat.Format(value, MetricUnit.Usd));

        book.Add(new Metric
        {
            EntityId = EntityId, Id = YearMonths, Label = $"Months of KPI data in the {WindowMonths} months to {p}", Value = months.Count, Unit = MetricUnit.Count, Period = p,
            Formula = $"count of KPI months {period.AddMonths(1 - WindowMonths)}..{p}", Inputs = revenueInputs,
        });
        book.Add(new Metric
        {
            EntityId = EntityId, Id = YearRevenue, Label = $"Revenue booked, {span}", Value = revenue, Unit = MetricUnit.Usd, Period = p,
            Formula = $"sum of revenue[].amount over {span}", Inputs = revenueInputs, Better = Favourable.Higher,
        });
        book.Add(new Metric
        {
            EntityId = EntityId, Id = YearDirectCosts, Label = $"Direct job costs (cost of sales), {span}", Value = direct, Unit = MetricUnit.Usd, Period = p,
            Formula = $"sum of expenses[].amount whose account is cost of sales in the chart of accounts, over {span}", Inputs = directInputs,
            Better = Favourable.Lower,
        });
        book.Add(new Metric
        {
            EntityId = EntityId, Id = YearGrossProfit, Label = $"Gross profit, {span}", Value = revenue - direct, Unit = MetricUnit.Usd, Period = p,
            Formula = "revenue − direct job costs", Inputs = [Of(YearRevenue, "Revenue booked", revenue), Of(YearDirectCosts, "Direct job costs", direct)],
            Better = Favourable.Higher,
        });
        book.Add(new Metric
        {
            EntityId = EntityId, Id = YearOverhead, Label = $"Overhead (every other expense), {span}", Value = overhead, Unit = MetricUnit.Usd, Period = p,
            Formula = $"sum of expenses[].amount not in a cost-of-sales account (uncoded lines count here), over {span}", Inputs = overheadInputs,
            Better = Favourable.Lower,
        });
        book.Add(new Metric
        {
            EntityId = EntityId, Id = YearProfit, Label = $"Profit or loss, {span}", Value = revenue - direct - overhead, Unit = MetricUnit.Usd, Period = p,
            Formula = "revenue − direct job costs − overhead",
            Inputs = [Of(YearRevenue, "Revenue booked", revenue), Of(YearDirectCosts, "Direct job costs", direct), Of(YearOverhead, "Overhead", overhead)],
            Better = Favourable.Higher,
        });
        var perMonth = overhead / months.Count;
        book.Add(new Metric
        {
            EntityId = EntityId, Id = OverheadPerMonth, Label = "Average monthly overhead", Value = perMonth, Unit = MetricUnit.UsdPerMonth, Period = p,
            Formula = $"overhead ÷ {months.Count} month(s)", Inputs = [Of(YearOverhead, "Overhead", overhead)], Better = Favourable.Lower,
        });
        var cash = months[^1].CashOnHand;
        book.Add(new Metric
        {
            EntityId = EntityId, Id = Cash, Label = "Cash on hand at month end", Value = cash, Unit = MetricUnit.Usd, Period = p,
            Formula = "cashOnHand", Inputs = [DomainMetrics.Kpi(EntityId, "cashOnHand", period, cash)], Better = Favourable.Higher,
        });
        book.Add(new Metric
        {
            EntityId = EntityId, Id = MonthsOfCash, Label = "Months of cash (overhead covered with no job)", Value = perMonth > 0 ? cash / perMonth : null, Unit = MetricUnit.Months, Period = p,
            Formula = "cash on hand ÷ average monthly overhead: how long the business stays open if no delivery comes in",
            Inputs = [DomainMetrics.Kpi(EntityId, "cashOnHand", period, cash), MetricInput.OfMetric(OverheadPerMonth, "Average monthly overhead", p, MetricFormat.Format(perMonth, MetricUnit.UsdPerMonth))],
            Better = Favourable.Higher, Special = perMonth > 0 ? null : "n/a: no overhead recorded",
        });
    }

    private static void AddMarginsAndRates(MetricBook book, IReadOnlyList<JobState> jobs, Period period, DomainOptions o)
    {
        var p = period.ToString();
        var target = o.DeliveryTargetMargin;
        var targetInput = MetricInput.OfMetric(TargetMargin, "Target gross margin", p, MetricFormat.Format(target, MetricUnit.Percent));
        book.Add(new Metric
        {
            EntityId = EntityId, Id = TargetMargin, Label = "Target gross margin per delivery job", Value = target, Unit = MetricUnit.Percent, Period = p,
            Formula = "configured (Domain:DeliveryTargetMargin)", Inputs = [], Kind = MetricKind.Assumption,
        });

        foreach (var (job, slug, seen) in jobs.Where(j => j.Job.ActualCost is not null && j.Job.Quote > 0))
        {
            var margin = (job.Quote - job.ActualCost!.Value) / job.Quote;
            book.Add(new Metric
            {
                EntityId = EntityId, Id = JobMarginGap(slug), Label = $"{job.Id} gross margin against target", Value = margin - target, Unit = MetricUnit.PercentagePoints, Period = p,
                Formula = "(quote − actualCost) ÷ quote − target gross margin",
                Inputs = [MetricInput.OfMetric(JobMarginPercent(slug), $"{job.Id} gross margin", p, MetricFormat.Format(margin, MetricUnit.Percent)), targetInput],
                Better = Favourable.Higher,
            });
        }

        foreach (var (job, slug, seen) in Costed(jobs))
        {
            book.Add(new Metric
            {
                EntityId = EntityId, Id = JobCostPerNm(slug), Label = $"{job.Id} cost per nautical mile", Value = job.ActualCost!.Value / job.DistanceNm, Unit = MetricUnit.Usd, Period = p,
                Formula = "actualCost ÷ distanceNm",
                Inputs = [DomainMetrics.Kpi(EntityId, $"yachtDelivery.jobs[{job.Id}].actualCost", seen, job.ActualCost.Value),
                    DomainMetrics.Kpi(EntityId, $"yachtDelivery.jobs[{job.Id}].distanceNm", seen, job.DistanceNm)],
                Better = Favourable.Lower,
            });
        }

        var completed = jobs.Where(j => j.Job.Status == DeliveryStatus.Completed && j.Job.ActualCost is not null).ToList();
        var quoted = completed.Sum(j => j.Job.Quote);
        var actual = completed.Sum(j => j.Job.ActualCost!.Value);
        book.Add(new Metric
        {
            EntityId = EntityId, Id = CompletedMarginGap, Label = "Gross margin of completed jobs against target", Value = quoted > 0 ? (quoted - actual) / quoted - target : null,
            Unit = MetricUnit.PercentagePoints, Period = p, Formula = "completed-job gross margin − target gross margin",
            Inputs = [MetricInput.OfMetric(CompletedMarginPercent, "Gross margin, completed jobs", p, quoted > 0 ? MetricFormat.Format((quoted - actual) / quoted, MetricUnit.Percent) : "n/a"), targetInput],
            Better = Favourable.Higher, Special = quoted > 0 ? null : "n/a: no completed job with costs",
        });

        var costed = Costed(jobs);
        var miles = costed.Sum(j => j.Job.DistanceNm);
        var cost = costed.Sum(j => j.Job.ActualCost!.Value);
        var quote = costed.Sum(j => j.Job.Quote);
        var evidence = costed.SelectMany(j => new[]
        {
            DomainMetrics.Kpi(EntityId, $"yachtDelivery.jobs[{j.Job.Id}].distanceNm", j.LastSeen, j.Job.DistanceNm),
            DomainMetrics.Kpi(EntityId, $"yachtDelivery.jobs[{j.Job.Id}].actualCost", j.LastSeen, j.Job.ActualCost!.Value),
            DomainMetrics.Kpi(EntityId, $"yachtDelivery.jobs[{j.Job.Id}].quote", j.LastSeen, j.Job.Quote),
        }).ToList();
        const string none = "not recorded: no completed job with a cost and a distance";
        book.Add(new Metric
        {
            EntityId = EntityId, Id = CompletedDistance, Label = "Nautical miles delivered on costed jobs", Value = miles, Unit = MetricUnit.Count, Period = p,
            Formula = "sum of distanceNm over completed jobs with an actual cost", Inputs = evidence,
        });
        book.Add(new Metric
        {
            EntityId = EntityId, Id = CompletedCostPerNm, Label = "Direct cost per nautical mile, completed jobs", Value = miles > 0 ? cost / miles : null, Unit = MetricUnit.Usd, Period = p,
            Formula = "sum of actualCost ÷ sum of distanceNm over completed jobs", Inputs = evidence, Better = Favourable.Lower,
            Special = miles > 0 ? null : none,
        });
        book.Add(new Metric
        {
            EntityId = EntityId, Id = CompletedQuotePerNm, Label = "Quote per nautical mile, completed jobs", Value = miles > 0 ? quote / miles : null, Unit = MetricUnit.Usd, Period = p,
            Formula = "sum of quote ÷ sum of distanceNm over completed jobs", Inputs = evidence, Better = Favourable.Higher,
            Special = miles > 0 ? null : none,
        });
        book.Add(new Metric
        {
            EntityId = EntityId, Id = RecommendedRatePerNm, Label = "Rate per nautical mile that earns the target margin", Value = miles > 0 ? cost / miles / (1 - target) : null,
            Unit = MetricUnit.Usd, Period = p, Kind = MetricKind.Forecast,
            Formula = "direct cost per nautical mile ÷ (1 − target gross margin)",
            Inputs = [MetricInput.OfMetric(CompletedCostPerNm, "Direct cost per nautical mile", p, miles > 0 ? MetricFormat.Format(cost / miles, MetricUnit.Usd) : "n/a"), targetInput],
            Better = Favourable.Higher, Special = miles > 0 ? null : none,
        });
    }

    private static void AddWorkingCapital(MetricBook book, IReadOnlyList<JobState> jobs, Period period, KpiMonth month)
    {
        var p = period.ToString();
        var costed = Costed(jobs);
        var miles = costed.Sum(j => j.Job.DistanceNm);
        decimal? perNm = miles > 0 ? costed.Sum(j => j.Job.ActualCost!.Value) / miles : null;
        var perNmInput = MetricInput.OfMetric(CompletedCostPerNm, "Direct cost per nautical mile", p, perNm is { } r ? MetricFormat.Format(r, MetricUnit.Usd) : "n/a");
        const string none = "not recorded: no completed job gives a cost per mile";
        var committed = new List<(JobState Job, decimal Need)>();
        foreach (var state in jobs.Where(j => IsOpen(j.Job)))
        {
            var (job, slug, seen) = state;
            decimal? need = perNm is { } rate && job.DistanceNm > 0 ? rate * job.DistanceNm : null;
            book.Add(new Metric
            {
                EntityId = EntityId, Id = JobWorkingCapital(slug), Label = $"{job.Id} working capital needed (costs paid before the client pays on delivery)", Value = need,
                Unit = MetricUnit.Usd, Period = p, Kind = MetricKind.Forecast, Formula = "distanceNm × direct cost per nautical mile of completed jobs",
                Inputs = [DomainMetrics.Kpi(EntityId, $"yachtDelivery.jobs[{job.Id}].distanceNm", seen, job.DistanceNm), perNmInput], Better = Favourable.Lower,
                Special = need is null ? (job.DistanceNm > 0 ? none : "not recorded: no distance") : null,
            });
            if (need is { } n && IsCommitted(job))
            {
                committed.Add((state, n));
            }
        }

        var total = committed.Sum(c => c.Need);
        book.Add(new Metric
        {
            EntityId = EntityId, Id = ScheduledWorkingCapital, Label = "Working capital needed by scheduled and underway jobs", Value = perNm is null ? null : total,
            Unit = MetricUnit.Usd, Period = p, Kind = MetricKind.Forecast, Formula = "sum of working capital needed over scheduled and underway jobs",
            Inputs = committed.Select(c => MetricInput.OfMetric(JobWorkingCapital(c.Job.Slug), $"{c.Job.Job.Id} working capital", p, MetricFormat.Format(c.Need, MetricUnit.Usd))).ToList(),
            Better = Favourable.Lower, Special = perNm is null ? none : null,
        });
        book.Add(new Metric
        {
            EntityId = EntityId, Id = CashAfterScheduled, Label = "Cash left after funding the scheduled and underway jobs", Value = perNm is null ? null : month.CashOnHand - total,
            Unit = MetricUnit.Usd, Period = p, Kind = MetricKind.Forecast, Formula = "cash on hand − working capital needed by scheduled and underway jobs",
            Inputs = [DomainMetrics.Kpi(EntityId, "cashOnHand", period, month.CashOnHand)], Better = Favourable.Higher, Special = perNm is null ? none : null,
        });
    }
}
