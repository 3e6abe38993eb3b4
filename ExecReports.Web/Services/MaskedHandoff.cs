using System.Runtime.CompilerServices;
using ExecReports.Core.Ingestion;
using ExecReports.Core.Secrets;

namespace ExecReports.Web.Services;

// What the Handoffs page shows of a note: every credential the scanner finds is masked in the title, the problems,
// the note, the facts and their references, and a note that holds one is a Warning with the finding listed, for
// every role. The store keeps unchanged documents across scans, so each is scanned once.
public static class MaskedHandoff
{
    private static readonly ConditionalWeakTable<SecretScanner, ConditionalWeakTable<HandoffDocument, HandoffDocument>> Cache = [];

    public static HandoffDocument Of(HandoffDocument document, SecretScanner scanner) =>
        Cache.GetValue(scanner, _ => []).GetValue(document, d => Mask(d, scanner));

    private static HandoffDocument Mask(HandoffDocument document, SecretScanner scanner)
    {
        var findings = scanner.Scan(document.Raw);
        var secretProblems = findings.Select(f => $"{document.File}:{f.Line}: {f.Message} ({f.RedactedExcerpt})");
        var status = findings.Count > 0 && document.Status == HandoffStatus.Ok ? HandoffStatus.Warning : document.Status;
        return document with
        {
            Title = scanner.Redact(document.Title),
            Status = status,
            Problems = [.. document.Problems.Select(scanner.Redact), .. secretProblems],
            Raw = scanner.Redact(document.Raw),
            Sections = [.. document.Sections.Select(s => s with
            {
                Heading = s.Heading is null ? null : scanner.Redact(s.Heading),
                Facts = [.. s.Facts.Select(f => f with
                {
                    Text = scanner.Redact(f.Text),
                    References = [.. f.References.Select(r => r with { Value = scanner.Redact(r.Value) })],
                })],
            })],
        };
    }
}
