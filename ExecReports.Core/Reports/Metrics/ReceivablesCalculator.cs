using ExecReports.Core.Kpis;

namespace ExecReports.Core.Reports.Metrics;

// Money owed and work not yet billed, from the client portfolio data: the CEO's collections agenda.
public sealed class ReceivablesCalculator : MetricCalculator
{
    public override int Order => 20;

    public static string Overdue(string entityId) => $"ceo.{entityId}.overdue-receivables";
    public static string OldestOverdueDays(string entityId) => $"ceo.{entityId}.oldest-overdue-days";
    public static string UnbilledHours(string entityId) => $"ceo.{entityId}.unbilled-hours";
    public static string UnbilledValue(string entityId) => $"ceo.{entityId}.unbilled-value";

    public override void Compute(ReportCalculation calculation)
    {
        var period = calculation.Inputs.Period;
        var p = period.ToString();
        var book = calculation.Book;
        foreach (var m in calculation.Inputs.Kpis.Where(k => k.Period == period && k.Portfolio is not null).OrderBy(k => k.EntityId, StringComparer.Ordinal))
        {
            var id = m.EntityId;
            var clients = m.Portfolio!.Clients;
            MetricInput Input(PortfolioClient c, string field, string value) => MetricInput.Kpi(id, $"portfolio.clients[{c.Name}].{field}", p, value);

            var overdue = clients.Where(c => c.Overdue > 0).ToList();
            book.Add(new Metric
            {
                Id = Overdue(id), EntityId = id, Label = $"{id} overdue receivables", Value = overdue.Sum(c => c.Overdue), Unit = MetricUnit.Usd, Period = p,
                Formula = "Σ portfolio.clients[].overdue", Inputs = overdue.Select(c => Input(c, "overdue", MetricFormat.Money(c.Overdue))).ToList(),
                Better = Favourable.Lower,
            });
            book.Add(new Metric
            {
                Id = OldestOverdueDays(id), EntityId = id, Label = $"{id} oldest overdue invoice", Value = overdue.Count == 0 ? 0 : overdue.Max(c => c.OverdueDays),
                Unit = MetricUnit.Days, Period = p, Formula = "max portfolio.clients[].overdueDays over clients with an overdue amount",
                Inputs = overdue.Select(c => Input(c, "overdueDays", c.OverdueDays.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList(),
                Better = Favourable.Lower,
            });

            var unbilled = clients.Where(c => c.UnbilledHours > 0).ToList();
            book.Add(new Metric
            {
                Id = UnbilledHours(id), EntityId = id, Label = $"{id} unbilled hours", Value = unbilled.Sum(c => c.UnbilledHours), Unit = MetricUnit.Hours, Period = p,
                Formula = "Σ portfolio.clients[].unbilledHours",
                Inputs = unbilled.Select(c => Input(c, "unbilledHours", MetricFormat.Format(c.UnbilledHours, MetricUnit.Hours))).ToList(),
                Better = Favourable.Lower,
            });
            var unpriced = unbilled.Count(c => c.HourlyRate is null);
            book.Add(new Metric
            {
                Id = UnbilledValue(id), EntityId = id, Label = $"{id} unbilled hours at the client's hourly rate",
                Value = unbilled.Sum(c => c.UnbilledHours * (c.HourlyRate ?? 0m)), Unit = MetricUnit.Usd, Period = p,
                Formula = "Σ unbilledHours × hourlyRate (clients without an hourly rate count as zero)",
                Inputs = unbilled.SelectMany(c => new[]
                {
                    Input(c, "unbilledHours", MetricFormat.Format(c.UnbilledHours, MetricUnit.Hours)),
                    Input(c, "hourlyRate", c.HourlyRate is { } r ? MetricFormat.Money(r) : "none (retainer)"),
                }).ToList(),
                Better = Favourable.Lower,
                Special = unpriced > 0 && unpriced == unbilled.Count ? "n/a: no hourly rate recorded for the clients with unbilled hours" : null,
            });
        }
    }
}
