using ExecReports.Core.Kpis;
using ExecReports.Core.Reports;
using ExecReports.Tests.Core.Ingestion;
using ExecReports.Tests.Support;

namespace ExecReports.Tests.Core.Reconciliation;

// A test corpus with one planted note per conflict kind: the note (entity, updated date, one current-state line) and
// the KPI month it contradicts. Source() is the file:line the reconciler must cite.
public sealed class ConflictCorpus
{
    private readonly ReportInputsBuilder _inputs = new();
    private readonly Dictionary<string, string> _sources = [];

    public ConflictCorpus Note(string file, string entity, string updated, string line, string section = "Current state")
    {
        var handoff = new HandoffBuilder().FrontMatter("entity", entity).FrontMatter("updated", updated).Title(file).Section(section, line);
        var lineNumber = handoff.Text().Split('\n').ToList().IndexOf($"- {line}") + 1;
        _sources[file] = $"{file}:{lineNumber}";
        _inputs.Handoff(file, handoff);
        return this;
    }

    public ConflictCorpus Kpi(string entity, string period, Func<KpiMonth, KpiMonth> change)
    {
        _inputs.Kpi(new KpiMonthBuilder().For(entity, period).With(change));
        return this;
    }

    public string Source(string file) => _sources[file];

    public ReportInputs Build() => _inputs.Build();
}
