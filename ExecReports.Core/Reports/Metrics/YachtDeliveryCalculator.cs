using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reports.Finance;

namespace ExecReports.Core.Reports.Metrics;

// Quotes, actual costs, margins and crew load for Expert Yacht Delivery. A job moves through the monthly KPI
// documents (quoted → scheduled → completed), so the latest state of each job over the window is what counts.
public sealed class YachtDeliveryCalculator : MetricCalculator
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
                Id = JobQuote(slug), Label = $"{job.Id} quote", Value = job.Quote, Unit = MetricUnit.Usd, Period = p,
                Formula = "jobs[].quote", Inputs = [Field("quote", job.Quote)], Better = Favourable.Higher,
            });
            book.Add(new Metric
            {
                Id = JobDistance(slug), Label = $"{job.Id} distance (nm)", Value = job.DistanceNm, Unit = MetricUnit.Count, Period = p,
                Formula = "jobs[].distanceNm", Inputs = [Field("distanceNm", job.DistanceNm)],
            });
            book.Add(new Metric
            {
                Id = JobQuotePerNm(slug), Label = $"{job.Id} quote per nautical mile", Value = job.DistanceNm > 0 ? job.Quote / job.DistanceNm : null,
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
                Id = JobActual(slug), Label = $"{job.Id} actual cost", Value = actual, Unit = MetricUnit.Usd, Period = p,
                Formula = "jobs[].actualCost", Inputs = [actualInput], Better = Favourable.Lower,
            });
            book.Add(new Metric
            {
                Id = JobVariance(slug), Label = $"{job.Id} cost variance (actual − quote)", Value = actual - job.Quote, Unit = MetricUnit.Usd, Period = p,
                Formula = "actualCost − quote", Inputs = [actualInput, Field("quote", job.Quote)], Better = Favourable.Lower,
            });
            book.Add(new Metric
            {
                Id = JobVariancePercent(slug), Label = $"{job.Id} cost variance as a share of quote", Value = job.Quote > 0 ? (actual - job.Quote) / job.Quote : null,
                Unit = MetricUnit.Percent, Period = p, Formula = "(actualCost − quote) ÷ quote", Inputs = [actualInput, Field("quote", job.Quote)],
                Better = Favourable.Lower, Special = job.Quote > 0 ? null : "n/a: quote is zero",
            });
            book.Add(new Metric
            {
                Id = JobMargin(slug), Label = $"{job.Id} margin (quote − actual cost)", Value = job.Quote - actual, Unit = MetricUnit.Usd, Period = p,
                Formula = "quote − actualCost", Inputs = [Field("quote", job.Quote), actualInput], Better = Favourable.Higher,
            });
            book.Add(new Metric
            {
                Id = JobMarginPercent(slug), Label = $"{job.Id} margin as a share of quote", Value = job.Quote > 0 ? (job.Quote - actual) / job.Quote : null,
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
            Id = CompletedQuote, Label = "Quoted, completed jobs", Value = completedQuote, Unit = MetricUnit.Usd, Period = p,
            Formula = $"sum of quote over {window}", Inputs = quoteInputs, Better = Favourable.Higher,
        });
        book.Add(new Metric
        {
            Id = CompletedActual, Label = "Actual cost, completed jobs", Value = completedActual, Unit = MetricUnit.Usd, Period = p,
            Formula = $"sum of actualCost over {window}", Inputs = actualInputs, Better = Favourable.Lower,
        });
        book.Add(new Metric
        {
            Id = CompletedVariance, Label = "Cost variance, completed jobs (actual − quote)", Value = completedActual - completedQuote, Unit = MetricUnit.Usd, Period = p,
            Formula = $"sum of (actualCost − quote) over {window}", Inputs = [.. actualInputs, .. quoteInputs], Better = Favourable.Lower,
        });
        book.Add(new Metric
        {
            Id = CompletedMargin, Label = "Margin, completed jobs (quote − actual)", Value = completedQuote - completedActual, Unit = MetricUnit.Usd, Period = p,
            Formula = $"sum of (quote − actualCost) over {window}", Inputs = [.. quoteInputs, .. actualInputs], Better = Favourable.Higher,
        });
        book.Add(new Metric
        {
            Id = CompletedMarginPercent, Label = "Margin as a share of quotes, completed jobs", Value = completedQuote > 0 ? (completedQuote - completedActual) / completedQuote : null,
            Unit = MetricUnit.Percent, Period = p, Formula = $"(sum of quote − sum of actualCost) ÷ sum of quote over {window}", Inputs = [.. quoteInputs, .. actualInputs],
            Better = Favourable.Higher, Special = completedQuote > 0 ? null : "n/a: no completed job with costs",
        });

        var open = jobs.Where(j => IsOpen(j.Job)).ToList();
        book.Add(new Metric
        {
            Id = OpenQuote, Label = "Quoted value of open jobs (quoted, scheduled, underway)", Value = open.Sum(j => j.Job.Quote), Unit = MetricUnit.Usd, Period = p,
            Formula = "sum of quote over jobs whose latest status is quoted, scheduled or underway",
            Inputs = open.Select(j => DomainMetrics.Kpi(EntityId, $"yachtDelivery.jobs[{j.Job.Id}].quote", j.LastSeen, j.Job.Quote)).ToList(), Better = Favourable.Higher,
        });

        var crew = Crew(jobs);
        var assignments = crew.Sum(c => c.Jobs);
        var crewInputs = jobs.Where(j => j.Job.Status != DeliveryStatus.Cancelled)
            .Select(j => DomainMetrics.Kpi(EntityId, $"yachtDelivery.jobs[{j.Job.Id}].crew", j.LastSeen, string.Join(", ", j.Job.Crew))).ToList();
        foreach (var (member, slug, count) in crew)
        {
            book.Add(new Metric
            {
                Id = CrewJobs(slug), Label = $"Jobs assigned to {member}", Value = count, Unit = MetricUnit.Count, Period = p,
                Formula = "count of non-cancelled jobs listing this crew member", Inputs = crewInputs,
            });
        }

        book.Add(new Metric
        {
            Id = CrewMembers, Label = "Crew members on non-cancelled jobs", Value = crew.Count, Unit = MetricUnit.Count, Period = p,
            Formula = "count of distinct jobs[].crew names", Inputs = crewInputs,
        });
        book.Add(new Metric
        {
            Id = CrewAssignments, Label = "Crew assignments on non-cancelled jobs", Value = assignments, Unit = MetricUnit.Count, Period = p,
            Formula = "sum over jobs of crew listed", Inputs = crewInputs,
        });
        book.Add(new Metric
        {
            Id = JobsPerCrewMember, Label = "Crew utilisation (jobs per crew member)", Value = crew.Count > 0 ? (decimal)assignments / crew.Count : null,
            Unit = MetricUnit.Ratio, Period = p, Formula = "crew assignments ÷ distinct crew members", Inputs = crewInputs,
            Special = crew.Count > 0 ? null : "n/a: no crew assigned",
        });
    }
}
