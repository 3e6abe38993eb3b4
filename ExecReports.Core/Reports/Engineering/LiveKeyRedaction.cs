using System.Text.RegularExpressions;
using ExecReports.Core.Validation.Secrets;

namespace ExecReports.Core.Reports.Engineering;

// The scanner leaves look-alike keys ("sk_live_…EXAMPLE…") alone to avoid false alarms in validation. An executive
// report has no reason to print anything shaped like a live payment key, so those are always cut to the last four.
public static partial class LiveKeyRedaction
{
    public static string Quote(ReportContext context, string handoffText) => context.Quote(Redact(handoffText));

    public static string Redact(string text) => LiveKey().Replace(text, m => SecretScanner.RedactValue(m.Value));

    [GeneratedRegex(@"\b(sk|rk)_live_[A-Za-z0-9]{16,}", RegexOptions.CultureInvariant)]
    private static partial Regex LiveKey();
}
