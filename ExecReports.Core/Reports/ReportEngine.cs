using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reports.Finance;
using ExecReports.Core.Reports.Metrics;
using ExecReports.Core.Secrets;
using Microsoft.Extensions.Options;

namespace ExecReports.Core.Reports;

public sealed record ReportSet(ReportInputs Inputs, MetricBook Metrics, IReadOnlyList<Report> Reports)
{
    public Period Period => Inputs.Period;

    public Report? For(ReportRole role) => Reports.FirstOrDefault(r => r.Role == role);
}

// inputs → metric book (CFO model first, then the other calculators) → each report quotes from the book.
public sealed class ReportEngine(
    IEnumerable<ReportGenerator> generators,
    IEnumerable<MetricCalculator> calculators,
    IOptions<FinanceOptions> finance,
    SecretScanner secrets)
{
    private readonly IReadOnlyList<ReportGenerator> _generators = generators
        .OrderBy(g => ReportRole.All.ToList().IndexOf(g.Role))
        .ToList();

    private readonly IReadOnlyList<MetricCalculator> _calculators = calculators.OrderBy(c => c.Order).ToList();

    public IReadOnlyList<ReportRole> Roles => _generators.Select(g => g.Role).ToList();

    public ReportSet Generate(ReportInputs inputs, IReadOnlyCollection<ReportRole>? only = null)
    {
        var (book, cfo) = Calculate(inputs);
        var previousPeriod = inputs.Period.Previous();
        var (previous, _) = Calculate(inputs with { Period = previousPeriod, Kpis = inputs.Kpis.Where(k => k.Period <= previousPeriod).ToList() });
        var context = new ReportContext(inputs, book, previous, cfo, finance.Value, secrets.Redact);
        var metadata = new ReportMetadataInputs(BuildInfo.Commit, inputs.Now, inputs.OldestHandoff, inputs.NewestHandoff, inputs.KpisLastEdited, inputs.Digest());

        var builders = new List<ReportBuilder>();
        foreach (var generator in _generators.Where(g => only is null || only.Contains(g.Role)))
        {
            var builder = new ReportBuilder(generator.Role, inputs.Period.ToString());
            generator.Write(context, builder);
            ChangedSinceLastMonth.Write(context, builder);
            builders.Add(builder);
        }

        // Rendering (Markdig, the sanitiser) is most of the cost and each report's is independent; both libraries
        // document their shared pipeline / configured instance as safe across threads. Order is kept, so output is too.
        var reports = builders.AsParallel().AsOrdered().Select(b => b.Build(metadata)).ToList();
        return new ReportSet(inputs, book, reports);
    }

    public MetricBook Metrics(ReportInputs inputs) => Calculate(inputs).Book;

    private (MetricBook Book, CfoResult Cfo) Calculate(ReportInputs inputs)
    {
        var book = new MetricBook(inputs.Catalog.Entities.ToDictionary(e => e.Id, e => e.Name, StringComparer.Ordinal));
        var cfo = new CfoModel(finance.Value).Compute(inputs.Period, inputs.Kpis, book, [.. inputs.Catalog.Entities.Select(e => e.Id)]);
        var calculation = new ReportCalculation(inputs, cfo, book, finance.Value);
        foreach (var calculator in _calculators)
        {
            calculator.Compute(calculation);
        }

        return (book, cfo);
    }
}
