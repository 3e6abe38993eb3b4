using System.Text.RegularExpressions;
using ExecReports.Core.Ingestion;

namespace ExecReports.Core.Reports.Engineering;

// Which handoff items are engineering work. Finance, marketing and operations steps ("book deposits to deferred revenue",
// "send reminders for overdue invoices", "list unit B at $2,100") belong in the CFO, CMO or domain reports, not the roadmap.
public static partial class EngineeringScope
{
    private static readonly string[] EngineeringTags = ["security", "ci", "ux", "analytics", "reliability"];

    public static bool IsEngineering(FactRef fact) =>
        fact.Fact.Tags.Any(t => EngineeringTags.Contains(t, StringComparer.OrdinalIgnoreCase)) || Technical().IsMatch(fact.Fact.Text);

    [GeneratedRegex(@"\b(code|repo(sitory)?|api|endpoints?|servers?|droplet|database|schema|migrations?|lambda|cloudwatch|alarms?|s3|dns|ses|smtp|dkim|dmarc|transactional (e-?)?mail|webhooks?|cron|sync|retry|paginat\w*|pdf|logs?|monitoring|latency|cache|script|bug|refactor\w*|upgrade|dependenc(y|ies)|framework|front-?end|back-?end|website|site)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Technical();
}
