using System.Globalization;
using ExecReports.Core.Ingestion;
using ExecReports.Core.Reports.Finance;
using ExecReports.Core.Reports.Metrics;
using ExecReports.Core.Reports.Rendering;

namespace ExecReports.Core.Reports.Summary;

// The first screen of every report: 4–6 headline figures with their comparison and status, 3–5 sentences written by
// rule from the metric book and the handoffs (no model, no network), and the warnings that affect this report.
// The warnings come from one place, ReportBuilder.Notices: the checks that find something (data conflicts, sanity
// guards, stale notes quoted: Reconciliation/DataConflictsBox) add theirs with ReportBuilder.Notice before the summary.
public static class ExecutiveSummary
{
    public const int MaxHeadlines = 6;
    public const int MinHeadlines = 4;
    private const int IssueChars = 140;

    // The figures each role reads first, in order; a figure the book does not have this month is skipped, and the
    // report's own most material figures fill up to the minimum.
    public static IReadOnlyList<string> HeadlineIds(ReportRole role) => role.Id switch
    {
        "ceo" => ["portfolio.revenue", CfoMetricIds.Cash, CfoMetricIds.RunwayConservative, CfoMetricIds.NetBurnAverage, CfoMetricIds.MarginOfSafety, "portfolio.security-findings"],
        "cfo" => [CfoMetricIds.Cash, CfoMetricIds.FreeCash, CfoMetricIds.NetBurn, CfoMetricIds.NetBurnAverage, CfoMetricIds.RunwayConservative, CfoMetricIds.MarginOfSafety],
        "accounting" => ["portfolio.revenue", CfoMetricIds.CashIn, CfoMetricIds.GrossBurn, CfoMetricIds.CustomerDeposits, CfoMetricIds.SecurityDeposits, "acct.uncategorised.total"],
        "cto" => ["portfolio.security-findings", "portfolio.tech-cost", "engineering.deployments"],
        "cmo" => ["portfolio.revenue", "cmo.email.channel.email.revenue", "cmo.email.channel.email.bookings"],
        "rental" => ["rental.occupancy-rate", "rental.rent-received", "rental.collection-rate", "rental.vacancy-cost", "rental.rent-at-risk", "rental.maintenance"],
        "yacht-delivery" => ["yacht.completed.margin-percent", "yacht.completed.margin", "yacht.completed.quote", "yacht.open.quote", PortfolioCalculator.Cash(ReportRole.YachtDelivery.Entity)],
        "portfolio-billing" => [PortfolioBillingCalculator.Invoiced, PortfolioBillingCalculator.PaidShare, PortfolioBillingCalculator.Outstanding, PortfolioBillingCalculator.Overdue, PortfolioBillingCalculator.UnbilledValueTotal],
        _ => [],
    };

    public sealed record Headline(Metric Now, Metric? Then, VarianceResult? Result);

    public static void Write(ReportContext context, ReportBuilder report)
    {
        var section = report.SectionAtTop(ReportSections.Summary);
        var previousPeriod = context.Period.Previous().ToString();
        var headlines = Headlines(context, report);

        if (headlines.Count == 0)
        {
            section.Missing($"no headline figure for this report in {context.PeriodText}");
        }
        else
        {
            section.Table(
                ["Figure", context.PeriodText, "Compared with", "Status"],
                headlines.Select(h => (IReadOnlyList<string>)
                [
                    MarkdownText.Cell(h.Now.Label),
                    section.Quote(h.Now),
                    h.Then is null ? "no figure for " + previousPeriod : $"{previousPeriod}: {section.Quote(h.Then)}",
                    h.Result is null ? "no comparison" : ChangedSinceLastMonth.StatusWord(h.Result.Status),
                ]).ToList());
        }

        section.Paragraph(string.Join("\n", Commentary(context, report, section, headlines, previousPeriod)));

        if (report.Notices.Count > 0)
        {
            section.Paragraph("**Warnings for this report:**");
            // Each notice is a titled box of its own (data conflicts, sanity checks, stale notes quoted).
            foreach (var notice in report.Notices)
            {
                section.Paragraph(string.Join('\n', notice.Split('\n').Select(line => line.Length == 0 ? ">" : "> " + line.TrimEnd('\r'))));
            }
        }
    }

    public static IReadOnlyList<Headline> Headlines(ReportContext context, ReportBuilder report)
    {
        var chosen = HeadlineIds(report.Role)
            .Select(id => context.Metrics.Find(id))
            .OfType<Metric>()
            .Where(m => m.Value is not null || m.Special is not null)
            .Take(MaxHeadlines)
            .ToList();
        if (chosen.Count < MinHeadlines)
        {
            // The report's own comparable figures, the off-track and largest-money ones first.
            var fill = report.Quoted
                .Where(m => m.Period == context.PeriodText && m.Value is not null && m.Better is not null && m.Kind == MetricKind.Actual)
                .Where(m => !m.Id.Contains(".change-vs.", StringComparison.Ordinal) && !m.Id.Contains(".history.", StringComparison.Ordinal))
                .Where(m => chosen.All(c => c.Id != m.Id))
                .Select(m => (Metric: m, Result: Assess(context, m, context.Previous.Find(m.Id))))
                .OrderByDescending(x => x.Result?.Status == VarianceStatus.OffTrack)
                .ThenByDescending(x => x.Result?.MoneyImpact ?? 0m)
                .ThenByDescending(x => Math.Abs(x.Metric.Value ?? 0m))
                .ThenBy(x => x.Metric.Id, StringComparer.Ordinal)
                .Select(x => x.Metric)
                .Take(MinHeadlines - chosen.Count);
            chosen.AddRange(fill);
        }

        return chosen.Select(m =>
        {
            var then = context.Previous.Find(m.Id);
            return new Headline(m, then?.Value is null && then?.Special is null ? null : then, Assess(context, m, then));
        }).ToList();
    }

    private static VarianceResult? Assess(ReportContext context, Metric now, Metric? then) =>
        now.Value is { } actual && then?.Value is { } before && now.Better is { } better
            ? Variance.Assess(actual, before, better, context.Finance.MaterialityPercent, context.Finance.MaterialityAmount,
                $"{context.Period.Previous()} {then.Display}", now.Unit, CfoMetricIds.SignWords(now.Id))
            : null;

    // What moved, why it matters, what to do: each sentence from a rule, in a fixed order.
    private static IEnumerable<string> Commentary(ReportContext context, ReportBuilder report, SectionBuilder section, IReadOnlyList<Headline> headlines, string previousPeriod)
    {
        var compared = headlines.Where(h => h.Result is not null).ToList();
        var off = compared.Where(h => h.Result!.Status == VarianceStatus.OffTrack).ToList();
        var onTrack = compared.Count(h => h.Result!.Status == VarianceStatus.OnTrack);
        if (compared.Count == 0)
        {
            yield return $"None of the headline figures can be compared with {previousPeriod} yet.";
        }
        else
        {
            var offLabels = string.Join("; ", off.Select(h => MarkdownText.Escape(h.Now.Label)));
            yield return off.Count == compared.Count && compared.Count > 1
                ? $"All {Count(compared.Count)} headline figures compared with {previousPeriod} are off track: {offLabels}."
                : $"{Count(onTrack)} of {Count(compared.Count)} headline figures compared with {previousPeriod} are on track"
                    + (off.Count == 0 ? "." : $"; off track: {offLabels}.");
            var largest = compared
                .Where(h => h.Result!.IsMaterial)
                .OrderByDescending(h => h.Result!.MoneyImpact)
                .ThenByDescending(h => Math.Abs(h.Result!.DeltaPercent ?? h.Result!.Delta))
                .FirstOrDefault();
            if (largest is not null)
            {
                var (delta, percent) = VarianceMetrics.For(largest.Now, largest.Then!, largest.Result!);
                section.Quote(delta);
                if (percent is not null)
                {
                    section.Quote(percent);
                }

                yield return $"The largest move: {MarkdownText.Escape(largest.Now.Label)}, now {section.Quote(largest.Now)} ({MarkdownText.Escape(largest.Result!.Reason)}).";
            }
            else
            {
                yield return $"No headline figure moved materially since {previousPeriod}.";
            }
        }

        var issues = RoleIssues.KnownIssues(context, report.Role, HandoffFacts.DescribesCurrentState);
        if (issues.Count > 0)
        {
            var top = issues[0].Fact;
            yield return $"Most material open issue ({Count(issues.Count)} in the handoffs): {context.Quote(Shorten(context.Redact(top.Fact.Text), IssueChars))} ({MarkdownText.Escape(top.Source)}).";
        }

        yield return off.Count > 0
            ? $"To do first: find out why {MarkdownText.Escape(off[0].Now.Label)} is off track ({section.Quote(off[0].Now)} against {section.Quote(off[0].Then!)} in {previousPeriod}) and act on the issue above."
            : issues.Count > 0
                ? "To do first: close the issue above; the sections below give the details."
                : "Nothing needs action first; the sections below give the details.";
    }

    internal static string Shorten(string text, int max)
    {
        text = text.Trim();
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', max - 1);
        return text[..(cut > max / 2 ? cut : max - 1)].TrimEnd(',', ';', ':', ' ') + "…";
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
