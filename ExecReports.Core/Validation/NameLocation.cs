namespace ExecReports.Core.Validation;

// Where in a report a name finding is, and the finding it makes there.
internal sealed record NameLocation(ReportText Report, int Line)
{
        public Finding Finding(Severity severity, string rule, string message, string? suggestion) => new()
        {
            Severity = severity,
            Rule = rule,
            Report = Report.Name,
            Section = Report.SectionAt(Line),
            Line = Line,
            Message = $"{Report.Name} line {Line}: {message}",
            Suggestion = suggestion,
        };
}
