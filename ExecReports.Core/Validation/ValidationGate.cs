using System.Diagnostics.Metrics;
using ExecReports.Core.Ingestion;
using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reconciliation;
using ExecReports.Core.Reports;
using ExecReports.Core.Reports.Finance;
using ExecReports.Core.Reports.Metrics;
using Microsoft.Extensions.Options;

namespace ExecReports.Core.Validation;

// A set and the gate's result for it, as one value: dispatch sends exactly the set that was validated.
public sealed record ValidatedSet
{
    internal ValidatedSet(ReportSet set, ValidationResult result)
    {
        Set = set;
        Result = result;
    }

    public ReportSet Set { get; }
    public ValidationResult Result { get; }
}

public sealed record FamilyCount(string Family, int Errors, int Warnings);

public sealed record ValidationResult
{
    public ValidationResult(IEnumerable<Finding> findings)
    {
        Findings = findings
            .OrderBy(f => f.Report ?? "", StringComparer.Ordinal)
            .ThenBy(f => f.Line ?? 0)
            .ThenBy(f => f.Rule, StringComparer.Ordinal)
            .ThenBy(f => f.Message, StringComparer.Ordinal)
            .ToList();
        Counts = RuleFamilies.All
            .Select(family => new FamilyCount(
                family,
                Findings.Count(f => f.Family == family && f.Severity == Severity.Error),
                Findings.Count(f => f.Family == family && f.Severity == Severity.Warning)))
            .ToList();
    }

    // Ordered by report, line, rule: the same inputs always list the same findings in the same order.
    public IReadOnlyList<Finding> Findings { get; }
    public IReadOnlyList<FamilyCount> Counts { get; }
    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);
    public int Errors => Findings.Count(f => f.Severity == Severity.Error);
    public int Warnings => Findings.Count(f => f.Severity == Severity.Warning);

    public string Summary => HasErrors ? $"{Errors} error(s), {Warnings} warning(s)" : Warnings > 0 ? $"passed with {Warnings} warning(s)" : "passed";

    // For a run record or an alert email: the counts and every finding on its own line.
    public string Detail => Findings.Count == 0
        ? "no validation findings"
        : $"{Errors} error(s), {Warnings} warning(s):\n" + string.Join('\n', Findings.Select(f => $"- {f.Severity} {f.Report}: {f.Message}"));
}

// Nothing is sent that is incomplete, leaks a credential, misnames an entity or disagrees with the CFO model.
public sealed class ValidationGate(SecretsCheck secrets, IOptions<ValidationOptions> options, IOptions<FinanceOptions> finance, IMeterFactory? meters = null)
{
    public const string ValidationsRun = "execreports.validations.run";

    private readonly Counter<long>? _runs = meters?.Create(ReportEngine.MeterName).CreateCounter<long>(ValidationsRun, description: "report sets validated, by period and input digest");

    // The five executive reports plus the configured domain reports.
    public IReadOnlyList<ReportRole> ExpectedRoles { get; } = ReportRole.All
        .Where(r => r.Kind == ReportKind.Executive || options.Value.DomainReports.Contains(r.Id, StringComparer.OrdinalIgnoreCase))
        .ToList();

    // Kept on the set, which ReportService keeps once per input digest: the dashboard, the Reports page, the Send dialog,
    // the scheduled run and dispatch all share one result.
    public ValidationResult Validate(ReportSet set) => set.Derived(s => Validate(s, ExpectedRoles));

    // What dispatch takes: the set together with the result it was sent on.
    public ValidatedSet Check(ReportSet set) => new(set, Validate(set));

    // set.Metrics is the CFO model computed from the KPI inputs, so every report, the CFO's own included, is held to it.
    public ValidationResult Validate(ReportSet set, IReadOnlyList<ReportRole> expected)
    {
        _runs?.Add(1, new KeyValuePair<string, object?>("period", set.Period.ToString()), new KeyValuePair<string, object?>("inputs", set.Digest));
        var texts = set.Reports.Select(ReportText.From).ToList();
        var previous = set.Previous;
        var findings = new List<Finding>();
        findings.AddRange(CompletenessCheck.CheckSet(texts, expected, set.Period.ToString()));
        findings.AddRange(InputsCheck.Check(set));
        foreach (var text in texts)
        {
            findings.AddRange(CompletenessCheck.Check(text));
            findings.AddRange(secrets.Check(text));
            findings.AddRange(NameCheck.Check(text, set.Inputs.Catalog));
            findings.AddRange(FigureCheck.Check(text, set.Metrics, previous, finance.Value));
        }

        findings.AddRange(secrets.CheckHandoffs(set.Inputs.Handoffs));
        findings.AddRange(ConflictFindings(set));
        findings.AddRange(set.Inputs.KpiProblems.Select(p => new Finding
        {
            Severity = Severity.Error,
            Rule = "completeness/kpi-out-of-bounds",
            Report = $"kpis/{p.EntityId}/{p.Period}",
            Message = p.ToString(),
            Suggestion = $"Open /kpis/{p.EntityId}/{p.Period} and correct the fields named.",
        }));
        return new ValidationResult(findings);
    }

    // Files as they are on disk (or in an e-mail draft). `expectedSet` is given when the files are one folder's
    // complete set, which adds the cross-report checks (every expected report present, all for one period).
    // `books` gives the CFO model for a period (asked for the report's month and the month before), for the figures
    // check; null skips it.
    public ValidationResult ValidateFiles(
        IReadOnlyList<ReportText> files,
        EntityCatalog catalog,
        Func<Period, MetricBook>? books,
        IReadOnlyCollection<string>? rules = null,
        IReadOnlyList<ReportRole>? expectedSet = null)
    {
        bool Runs(string family) => rules is null || rules.Contains(family, StringComparer.OrdinalIgnoreCase);
        var findings = new List<Finding>();
        if (expectedSet is not null && Runs(RuleFamilies.Completeness))
        {
            findings.AddRange(CompletenessCheck.CheckSet(files, expectedSet, SetPeriod(files)));
        }

        var cache = new Dictionary<Period, MetricBook>();
        foreach (var file in files)
        {
            if (Runs(RuleFamilies.Completeness))
            {
                findings.AddRange(CompletenessCheck.Check(file));
            }

            if (Runs(RuleFamilies.Secrets))
            {
                findings.AddRange(secrets.Check(file));
            }

            if (Runs(RuleFamilies.Names))
            {
                findings.AddRange(NameCheck.Check(file, catalog));
            }

            if (Runs(RuleFamilies.Figures) && books is not null && Period.TryParse(file.Period, null, out var period))
            {
                MetricBook Book(Period p) => cache.TryGetValue(p, out var book) ? book : cache[p] = books(p);
                findings.AddRange(FigureCheck.Check(file, Book(period), Book(period.Previous()), finance.Value));
            }
        }

        return new ValidationResult(findings);
    }

    // A note contradicting the books does not stop a send (the reports say so in their "Data conflicts" box), but the
    // gate names every one, so it is never passed over silently.
    private static IEnumerable<Finding> ConflictFindings(ReportSet set) =>
        set.Conflicts.Select(c => new Finding
        {
            Severity = Severity.Warning,
            Rule = "figures/data-conflict",
            Report = $"kpis/{c.EntityId}/{c.Month}",
            Message = $"Data conflict: {c.Summary}",
            Suggestion = $"Correct the note ({string.Join(", ", c.Sources)}) or the KPI field at /kpis/{c.EntityId}/{c.Month}.",
        }).Concat(set.Sanity.Select(f => new Finding
        {
            Severity = Severity.Warning,
            Rule = $"figures/sanity-{f.Guard switch { SanityGuard.ConversionAbove100 => "conversion-above-100", SanityGuard.RoiOnTinyCost => "roi-on-tiny-cost", SanityGuard.UnchangedField => "unchanged-field", _ => "negative-margin" }}",
            Report = $"kpis/{f.EntityId}/{f.Month}",
            Message = $"Sanity check: {f.Summary}",
            Suggestion = $"Check the KPI inputs at /kpis/{f.EntityId}/{f.Month}.",
        }));

    // A folder's set is for the period most of its reports name (ties: the earliest), so the odd one out is flagged.
    private static string? SetPeriod(IReadOnlyList<ReportText> files) =>
        files.Where(f => f.Period is not null)
            .GroupBy(f => f.Period!)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .FirstOrDefault();
}
