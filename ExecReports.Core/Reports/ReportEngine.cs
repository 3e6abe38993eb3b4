using System.Diagnostics.Metrics;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reconciliation;
using ExecReports.Core.Reports.Finance;
using ExecReports.Core.Reports.Metrics;
using ExecReports.Core.Secrets;
using Microsoft.Extensions.Options;

namespace ExecReports.Core.Reports;

// inputs → metric book (CFO model first, then the other calculators) → each report quotes from the book.
// Every metric book is computed here, and each once per set: this month's and last month's at generation, the trend
// months on first use (ReportSet.Months). The counter says how often, per month and inputs.
public sealed class ReportEngine(
    IEnumerable<ReportGenerator> generators,
    IEnumerable<MetricCalculator> calculators,
    IOptions<FinanceOptions> finance,
    IOptions<ReconciliationOptions> reconciliation,
    SecretScanner secrets,
    IMeterFactory? meters = null,
    IOptions<Configuration.AppOptions>? app = null)
{
    public const string MeterName = "ExecReports";
    public const string BooksComputed = "execreports.metric_books.computed";

    private readonly Counter<long>? _books = meters?.Create(MeterName).CreateCounter<long>(BooksComputed, description: "metric books computed, by month and input digest");

    private readonly IReadOnlyList<ReportGenerator> _generators = generators
        .OrderBy(g => ReportRole.All.ToList().IndexOf(g.Role))
        .ToList();

    private readonly IReadOnlyList<MetricCalculator> _calculators = calculators.OrderBy(c => c.Order).ToList();

    public IReadOnlyList<ReportRole> Roles => _generators.Select(g => g.Role).ToList();

    public ReportSet Generate(ReportInputs inputs, IReadOnlyCollection<ReportRole>? only = null)
    {
        var digest = inputs.Digest();
        var (book, cfo) = Calculate(inputs, digest);
        var previous = BookFor(inputs, inputs.Period.Previous(), digest);
        IReadOnlyList<DataConflict> conflicts = [.. Reconciler.Find(inputs, reconciliation.Value), .. ChannelNameConflicts.Find(inputs)];
        var sanity = SanityGuards.Find(inputs, book);
        // Eight reports rank and quote the same handoff sentences: each is scanned for secrets once per set.
        var redacted = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var context = new ReportContext(inputs, book, previous, cfo, finance.Value, text => redacted.GetOrAdd(text, secrets.Redact)) { Conflicts = conflicts, Sanity = sanity };
        var metadata = new ReportMetadataInputs(BuildInfo.Commit, inputs.Now, inputs.OldestHandoff, inputs.NewestHandoff, inputs.KpisLastEdited, digest);
        var email = new ReportEmailInputs(app?.Value is { } options ? options.PreviewUrl : null, SourceLabels(inputs));

        // One thread: written side by side, the samples took 3.4 CPU s instead of 2.3 and 16,000 handoffs no less wall
        // time (issue 19); the cost at scale is in what each report writes, not in waiting for the others.
        var reports = _generators.Where(g => only is null || only.Contains(g.Role)).Select(generator =>
        {
            var builder = new ReportBuilder(generator.Role, inputs.Period.ToString());
            generator.Write(context, builder);
            ChangedSinceLastMonth.Write(context, builder);
            DataConflictsBox.Write(context, builder);
            Summary.ExecutiveSummary.Write(context, builder);
            return builder.Build(metadata, email);
        }).ToList();
        return new ReportSet(inputs, digest, book, previous, reports, month => BookFor(inputs, month, digest)) { Conflicts = conflicts, Sanity = sanity };
    }

    // "jada.md" → "JADA handoff, 18 Nov": how the email names a source; the preview and archive keep file:line.
    private static Dictionary<string, string> SourceLabels(ReportInputs inputs)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var document in inputs.Handoffs.Documents)
        {
            var name = document.EntityId is { } id ? inputs.Catalog.ById(id)?.Name ?? id : document.Title;
            labels[document.File] = document.Updated is { } updated
                ? $"{name} handoff, {updated.ToString("d MMM", System.Globalization.CultureInfo.InvariantCulture)}"
                : $"{name} handoff";
        }

        foreach (var entity in inputs.Catalog.Entities)
        {
            labels[MetricInput.KpiSource(entity.Id)] = $"{entity.Name} KPI inputs";
        }

        return labels;
    }

    public MetricBook Metrics(ReportInputs inputs) => Calculate(inputs, inputs.Digest()).Book;

    // An earlier month's book from the same inputs: the KPI months up to it, as if it were being reported.
    private MetricBook BookFor(ReportInputs inputs, Period month, string digest) =>
        Calculate(inputs with { Period = month, Kpis = inputs.Kpis.Where(k => k.Period <= month).ToList() }, digest).Book;

    private (MetricBook Book, CfoResult Cfo) Calculate(ReportInputs inputs, string digest)
    {
        _books?.Add(1, new KeyValuePair<string, object?>("period", inputs.Period.ToString()), new KeyValuePair<string, object?>("inputs", digest));
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
