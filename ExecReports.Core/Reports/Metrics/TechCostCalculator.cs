using System.Text.RegularExpressions;
using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;

namespace ExecReports.Core.Reports.Metrics;

// Infrastructure and software spend per entity and per category/vendor line: this month, trailing three-month
// average and the change against last month.
public sealed partial class TechCostCalculator : MetricCalculator
{
    public const int TrailingMonths = 3;
    public const string PortfolioTotal = "portfolio.tech-cost";

    public override int Order => 20;

    public static string Total(string entityId) => $"entity.{entityId}.tech-cost";
    public static string TotalAverage(string entityId) => $"entity.{entityId}.tech-cost.avg3";
    public static string TotalChange(string entityId) => $"entity.{entityId}.tech-cost.change";
    public static string Line(string entityId, string key) => $"entity.{entityId}.tech-cost.{key}";
    public static string LineAverage(string entityId, string key) => $"entity.{entityId}.tech-cost.{key}.avg3";
    public static string LineChange(string entityId, string key) => $"entity.{entityId}.tech-cost.{key}.change";

    public const string Rule = "category Software, Hosting, Infrastructure, Cloud, SaaS or IT, or a description or vendor naming hosting, servers, cloud, AWS, SaaS, software or domains";

    public static bool IsTech(ExpenseLine line) =>
        TechCategory().IsMatch(line.Category) || TechWords().IsMatch(line.Description) || (line.Vendor is { } v && TechVendor().IsMatch(v));

    // One line per category and vendor (the description when there is no vendor): "Software / Amazon Web Services".
    public static string LineName(ExpenseLine line) => $"{line.Category} / {line.Vendor ?? line.Description}";

    public static IReadOnlyList<string> LineNames(string entityId, IEnumerable<KpiMonth> months) =>
        months.SelectMany(m => m.Expenses.Where(IsTech).Select(LineName)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    public override void Compute(ReportCalculation calculation)
    {
        var period = calculation.Inputs.Period;
        var p = period.ToString();
        var book = calculation.Book;
        var portfolio = 0m;
        var portfolioInputs = new List<MetricInput>();
        foreach (var m in calculation.Inputs.Kpis.Where(k => k.Period == period).OrderBy(k => k.EntityId, StringComparer.Ordinal))
        {
            var id = m.EntityId;
            var window = calculation.Inputs.Kpis
                .Where(k => string.Equals(k.EntityId, id, StringComparison.OrdinalIgnoreCase) && k.Period > period.AddMonths(-TrailingMonths) && k.Period <= period)
                .OrderBy(k => k.Period).ToList();
            var previous = window.FirstOrDefault(k => k.Period == period.Previous());
            var names = LineNames(id, window);
            if (names.Count == 0)
            {
                continue;
            }

            decimal Sum(KpiMonth month, string? name) => month.Expenses.Where(IsTech).Where(e => name is null || LineName(e) == name).Sum(e => e.Amount);
            MetricInput Input(KpiMonth month, string? name) =>
                MetricInput.Kpi(id, name is null ? "expenses[infrastructure/software].amount" : $"expenses[{name}].amount", month.Period.ToString(), MetricFormat.Money(Sum(month, name)));

            void Add(string id3, string idAvg, string idChange, string label, string? name)
            {
                var now = Sum(m, name);
                book.Add(new Metric
                {
                    Id = id3, EntityId = id, Label = label, Value = now, Unit = MetricUnit.Usd, Period = p, Formula = "Σ expenses[].amount of the line this month",
                    Inputs = [Input(m, name)], Better = Favourable.Lower,
                });
                book.Add(new Metric
                {
                    Id = idAvg, EntityId = id, Label = $"{label}, {TrailingMonths}-month average", Value = window.Average(w => Sum(w, name)), Unit = MetricUnit.UsdPerMonth,
                    Period = p, Formula = $"mean over the months with KPI inputs among the last {TrailingMonths}", Inputs = window.Select(w => Input(w, name)).ToList(),
                    Better = Favourable.Lower,
                });
                book.Add(new Metric
                {
                    Id = idChange, EntityId = id, Label = $"{label}, change vs {period.Previous()}", Value = previous is null ? null : now - Sum(previous, name),
                    Unit = MetricUnit.Usd, Period = p, Formula = "this month − last month",
                    Inputs = previous is null ? [Input(m, name)] : [Input(m, name), Input(previous, name)], Better = Favourable.Lower,
                    Special = previous is null ? $"n/a: no KPI inputs for {period.Previous()}" : null,
                });
            }

            Add(Total(id), TotalAverage(id), TotalChange(id), $"{id} infrastructure and software spend", null);
            foreach (var (name, key) in names.Zip(Slugs.Distinct(names)))
            {
                Add(Line(id, key), LineAverage(id, key), LineChange(id, key), $"{id} {name}", name);
            }

            portfolio += Sum(m, null);
            portfolioInputs.Add(Input(m, null));
        }

        book.Add(new Metric
        {
            Id = PortfolioTotal, Label = "Portfolio infrastructure and software spend", Value = portfolio, Unit = MetricUnit.Usd, Period = p,
            Formula = "Σ every entity's infrastructure and software expense lines", Inputs = portfolioInputs, Better = Favourable.Lower,
        });
    }

    [GeneratedRegex(@"^(software|hosting|infrastructure|cloud|saas|it|web)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TechCategory();

    [GeneratedRegex(@"\b(hosting|servers?|cloud|aws|saas|software|domains?|droplet)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TechWords();

    [GeneratedRegex(@"amazon web services|\baws\b|digitalocean|render|github|heroku|vercel|netlify|cloudflare", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TechVendor();
}
