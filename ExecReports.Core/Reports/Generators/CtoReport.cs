using System.Text.RegularExpressions;
using ExecReports.Core.Ingestion;
using ExecReports.Core.Reports.Engineering;
using ExecReports.Core.Reports.Metrics;
using ExecReports.Core.Reports.Rendering;
using ExecReports.Core.Primitives;

namespace ExecReports.Core.Reports.Generators;

public sealed partial class CtoReport : ReportGenerator
{
    public override void Write(ReportContext context, ReportBuilder report)
    {
        WriteSecurityAudit(context, report.Section(ReportSections.Cto.SecurityAudit));
        WriteResilience(context, report.Section(ReportSections.Cto.Resilience));
        WriteCostAnalysis(context, report.Section(ReportSections.Cto.CostAnalysis));
        WriteUxAnalytics(context, report.Section(ReportSections.Cto.UxAnalytics));
        WriteCicd(context, report.Section(ReportSections.Cto.Cicd));
        WriteRoadmap(context, report.Section(ReportSections.Cto.Roadmap));
    }

    private static string Evidence(FactRef fact) => $"`{fact.Source}`";

    // A run-on list of handoff items stays readable (and the email within its size) however many handoffs there are.
    private const int ListedItems = 10;

    private static string Bounded(IReadOnlyList<string> items, string separator = ", ") =>
        string.Join(separator, items.Take(ListedItems))
        + (items.Count > ListedItems ? $"{separator}and {(items.Count - ListedItems).ToString(System.Globalization.CultureInfo.InvariantCulture)} more" : "");

    // Files and endpoints the fact names, redacted like the fact itself.
    private static string Where(ReportContext context, FactRef fact)
    {
        var refs = fact.Fact.References.Select(r => r.Kind switch
        {
            ReferenceKind.File => $"file {context.Quote(r.Value)}",
            ReferenceKind.Endpoint => $"endpoint {context.Quote(r.Value)}",
            _ => $"endpoint {context.Quote(r.Value)}",
        }).ToList();
        return refs.Count == 0 ? "—" : string.Join("; ", refs);
    }

    // Entities worth a CTO's attention: anything with a stack, engineering inputs or handoff facts.
    private static IEnumerable<CatalogEntity> Technical(ReportContext context) =>
        context.Catalog.Entities.Where(e => e.Stack.Count > 0 || context.Kpi(e.Id)?.Engineering is not null || context.Facts(e.Id).Any());

    private static void WriteSecurityAudit(ReportContext context, SectionBuilder section)
    {
        var m = context.Metrics;
        section.Paragraph($"Findings come from handoff facts tagged security, plus any fact naming a hard-coded secret or an unauthenticated/unverified endpoint; "
            + $"plans (next steps) and decisions are not findings. Severity rule: {MarkdownText.Escape(SecurityFindings.SeverityRule)} "
            + $"Open findings across the portfolio: {section.Quote(m.Get(EngineeringCalculator.PortfolioSecurityFindings))}.");
        var quiet = new List<string>();
        foreach (var entity in Technical(context))
        {
            var findings = SecurityFindings.For(entity, context.Facts(entity.Id));
            if (findings.Count == 0 && entity.Stack.Count == 0)
            {
                quiet.Add(entity.Name);
                continue;
            }

            section.Subheading($"{entity.Name} ({entity.Id})");
            section.Paragraph($"Open findings: {section.Quote(m.Get(EngineeringCalculator.SecurityFindingCount(entity.Id)))}.");
            if (findings.Count > 0)
            {
                section.Table(["Component", "Severity", "Finding", "Files and endpoints", "Source"],
                    findings.Select(f => (IReadOnlyList<string>)
                    [
                        f.Component is { } c ? MarkdownText.Cell($"{c.Name} ({c.Kind})") : "application-wide",
                        SecurityFindings.Word(f.Severity),
                        context.Quote(f.Fact.Fact.Text),
                        Where(context, f.Fact),
                        Evidence(f.Fact),
                    ]));
            }

            var clean = entity.Stack.Where(c => findings.All(f => f.Component != c)).Select(c => $"{c.Name} ({c.Kind})").ToList();
            if (clean.Count > 0)
            {
                section.Paragraph($"No findings in the handoffs for: {MarkdownText.Escape(string.Join(", ", clean))}.");
            }

            if (!context.Facts(entity.Id).Any())
            {
                section.Missing($"no handoff for {entity.Name}, so nothing is known about its security");
            }
        }

        if (quiet.Count > 0)
        {
            section.Missing($"no stack components in the catalog and no security findings in the handoffs for {string.Join(", ", quiet)}");
        }
    }

    private static void WriteResilience(ReportContext context, SectionBuilder section)
    {
        var m = context.Metrics;
        var audited = context.Catalog.Entities.Where(e => m.Find(EngineeringCalculator.SinglePoints(e.Id)) is not null).ToList();
        if (audited.Count == 0)
        {
            section.Missing($"no stack components in the catalog and no single-point-of-failure or backup statements in the handoffs for {context.PeriodText}");
            return;
        }

        section.Paragraph($"Each catalog stack component, judged from the handoffs: {MarkdownText.Escape(ResilienceAudit.Rule)}.");
        foreach (var entity in audited)
        {
            var facts = context.Handoffs.UsableFactsOf(entity.Id);
            var audit = ResilienceAudit.Audit(entity, facts);
            section.Subheading(entity.Name);
            var backups = m.Find(EngineeringCalculator.DataStoresWithoutOffSiteBackup(entity.Id));
            section.Paragraph($"Single points of failure: {section.Quote(m.Get(EngineeringCalculator.SinglePoints(entity.Id)))}"
                + (backups is null ? "; no data stores in the catalog stack." : $"; data stores without a known off-site backup: {section.Quote(backups)}."));
            if (audit.Count > 0)
            {
                section.Table(["Component", "Single point of failure", "Backup", "Evidence"],
                    audit.Select(a => (IReadOnlyList<string>)
                    [
                        MarkdownText.Cell($"{a.Component.Name} ({a.Component.Kind})"),
                        a.SinglePoint is not null ? "yes" : a.Managed ? "no: provider-run" : "not stated",
                        ResilienceAudit.Word(a.Backup),
                        string.Join("; ", new[] { a.SinglePoint, a.BackupEvidence }.OfType<FactRef>().Distinct().Select(f => $"{context.Quote(f.Fact.Text)} ({Evidence(f)})")) is { Length: > 0 } e ? e : "—",
                    ]));
            }

            if (ResilienceAudit.UnplacedSinglePoint(audit, facts) is { } unplaced)
            {
                section.Paragraph($"Application-wide: {context.Quote(unplaced.Fact.Text)} ({Evidence(unplaced)}).");
            }

            var planned = context.Facts(entity.Id, SectionKind.NextSteps).Where(ResilienceAudit.IsResilienceFact).ToList();
            if (planned.Count > 0)
            {
                section.Paragraph("Planned in the handoffs (also in the roadmap): " + Bounded(planned.Select(f => $"{context.Quote(f.Fact.Text)} ({Evidence(f)})").ToList(), "; "));
            }
        }

        var unaudited = Technical(context).Where(e => !audited.Contains(e)).Select(e => e.Name).ToList();
        if (unaudited.Count > 0)
        {
            section.Missing($"no stack components in the catalog and no single-point-of-failure or backup statements in the handoffs for {string.Join(", ", unaudited)}");
        }
    }

    private static void WriteCostAnalysis(ReportContext context, SectionBuilder section)
    {
        var m = context.Metrics;
        var p = context.PeriodText;
        section.Paragraph($"Infrastructure and software expense lines from the KPI inputs ({MarkdownText.Escape(TechCostCalculator.Rule)}). "
            + $"Portfolio total this month: {section.Quote(m.Get(TechCostCalculator.PortfolioTotal))}.");
        var rows = new List<IReadOnlyList<string>>();
        var none = new List<string>();
        foreach (var entity in context.Catalog.Entities)
        {
            if (m.Find(TechCostCalculator.Total(entity.Id)) is not { } total)
            {
                none.Add(entity.Name);
                continue;
            }

            rows.Add([$"**{MarkdownText.Cell(entity.Name)}**", "total", section.Quote(total), section.Quote(m.Get(TechCostCalculator.TotalAverage(entity.Id))),
                section.Quote(m.Get(TechCostCalculator.TotalChange(entity.Id)))]);
            var window = context.History(entity.Id).Where(k => k.Period > context.Period.AddMonths(-TechCostCalculator.TrailingMonths) && k.Period <= context.Period);
            var names = TechCostCalculator.LineNames(entity.Id, window);
            foreach (var (name, key) in names.Zip(Slugs.Distinct(names)))
            {
                rows.Add([MarkdownText.Cell(entity.Name), MarkdownText.Cell(name), section.Quote(m.Get(TechCostCalculator.Line(entity.Id, key))),
                    section.Quote(m.Get(TechCostCalculator.LineAverage(entity.Id, key))), section.Quote(m.Get(TechCostCalculator.LineChange(entity.Id, key)))]);
            }
        }

        if (rows.Count > 0)
        {
            section.Table(["Entity", "Category / vendor", p, $"{TechCostCalculator.TrailingMonths}-month average", $"Change vs {context.Period.Previous()}"],
                rows, [false, false, true, true, true]);
        }

        if (none.Count > 0)
        {
            section.Missing($"no infrastructure or software expense lines recorded in {p} for {string.Join(", ", none)}");
        }

        var facts = context.Facts(tag: "cost").Where(HandoffFacts.DescribesCurrentState).Where(f => Infrastructure().IsMatch(f.Fact.Text)).ToList();
        if (facts.Count == 0)
        {
            section.Missing("no handoff facts tagged cost mention infrastructure or software");
        }
        else
        {
            section.Subheading("From the handoffs");
            section.Bullets(facts.Select(f => $"{MarkdownText.Escape(context.NameOf(f.Document.EntityId ?? "unassigned"))}: {context.Quote(f.Fact.Text)} ({Evidence(f)})"));
        }
    }

    private static void WriteUxAnalytics(ReportContext context, SectionBuilder section)
    {
        var m = context.Metrics;
        var p = context.PeriodText;
        foreach (var entity in Technical(context))
        {
            var facts = context.Facts(entity.Id).Where(HandoffFacts.DescribesCurrentState)
                .Where(f => HandoffFacts.HasTag(f, "ux") || HandoffFacts.HasTag(f, "analytics")).ToList();
            var month = context.Kpi(entity.Id);
            var channels = month is null ? [] : FunnelCalculator.Channels(month);
            if (facts.Count == 0 && channels.Count == 0)
            {
                continue;
            }

            section.Subheading(entity.Name);
            if (facts.Count > 0)
            {
                section.Bullets(facts.Select(f => $"{context.Quote(f.Fact.Text)} ({Evidence(f)})"));
            }

            if (channels.Count > 0)
            {
                section.Table(["Channel", "Visits", "Inquiries", "Bookings", "Visit → inquiry", "Inquiry → booking", "Visit → booking"],
                    channels.Select(x => (IReadOnlyList<string>)
                    [
                        MarkdownText.Cell(x.Channel.Channel),
                        section.Quote(m.Get(FunnelCalculator.Visits(entity.Id, x.Key))),
                        section.Quote(m.Get(FunnelCalculator.Inquiries(entity.Id, x.Key))),
                        section.Quote(m.Get(FunnelCalculator.Bookings(entity.Id, x.Key))),
                        section.Quote(m.Get(FunnelCalculator.VisitToInquiry(entity.Id, x.Key))),
                        section.Quote(m.Get(FunnelCalculator.InquiryToBooking(entity.Id, x.Key))),
                        section.Quote(m.Get(FunnelCalculator.VisitToBooking(entity.Id, x.Key))),
                    ]), [false, true, true, true, true, true, true]);
                if (channels.Any(x => FunnelCalculator.ImpossibleSteps(x.Channel).Count > 0))
                {
                    section.Paragraph($"Flagged: {MarkdownText.Escape(FunnelCalculator.ImpossibleRule)}. Count bookings that skip the inquiry step "
                        + "(instant booking) separately before reading the rate.");
                }
            }
            else
            {
                section.Missing($"no channel funnel data (visits, inquiries, bookings) recorded for {entity.Name} in {p}");
            }
        }

        var silent = Technical(context).Where(e => !context.Facts(e.Id).Any(f => HandoffFacts.HasTag(f, "ux") || HandoffFacts.HasTag(f, "analytics"))
            && (context.Kpi(e.Id) is not { } k || FunnelCalculator.Channels(k).Count == 0)).Select(e => e.Name).ToList();
        if (silent.Count > 0)
        {
            section.Missing($"no UX or analytics facts and no channel funnel data recorded in {p} for {string.Join(", ", silent)}");
        }
    }

    private static void WriteCicd(ReportContext context, SectionBuilder section)
    {
        var m = context.Metrics;
        var p = context.PeriodText;
        section.Paragraph("DORA's four keys from the KPI engineering inputs, bucketed with the 2023-style simplified bands: "
            + $"deployment frequency elite = on demand (multiple per day; {Dora.EliteDeploymentsPerMonth}+ a month), high = daily to weekly ({Dora.HighDeploymentsPerMonth}+ a month), "
            + $"medium = weekly to monthly ({Dora.MediumDeploymentsPerMonth}+ a month), low = less than monthly; lead time elite under a day, high a day to a week, "
            + "medium a week to a month, low longer than a month; "
            + $"change fail rate elite up to {section.Quote(m.Get(EngineeringCalculator.ChangeFailEliteMax))}, high up to {section.Quote(m.Get(EngineeringCalculator.ChangeFailHighMax))}, "
            + $"medium up to {section.Quote(m.Get(EngineeringCalculator.ChangeFailMediumMax))}, low above; time to restore elite under an hour, high under a day, "
            + "medium a day to a week, low longer than a week. Each level scores elite 100%, high 75%, medium 50%, low 25% of the DORA part.");
        section.Paragraph($"Repository hygiene (OpenSSF-Scorecard style, from handoff statements; weights: {MarkdownText.Escape(RepositoryScorecard.WeightsText)}). "
            + "A check with no evidence is unknown; code review is not applicable when a handoff says the repository has one developer. "
            + "Hygiene score = weight passed ÷ weight judged. CI/CD score = mean of the DORA and hygiene parts that are known.");
        var unknown = new List<string>();
        foreach (var entity in Technical(context))
        {
            var id = entity.Id;
            var e = context.Kpi(id)?.Engineering;
            var levels = EngineeringCalculator.DoraLevels(e);
            var checks = RepositoryScorecard.Evaluate(context.Handoffs, id);
            var ci = context.Facts(id).Where(HandoffFacts.DescribesCurrentState).Where(f => HandoffFacts.HasTag(f, "ci")).ToList();
            if (levels.Count == 0 && RepositoryScorecard.Known(checks) == 0 && ci.Count == 0)
            {
                unknown.Add(entity.Name);
                continue;
            }

            section.Subheading(entity.Name);
            var coverage = m.Get(EngineeringCalculator.HygieneCoverage(id));
            section.Paragraph($"CI/CD score {section.Quote(m.Get(EngineeringCalculator.CicdScore(id)))} (DORA {section.Quote(m.Get(EngineeringCalculator.DoraScore(id)))}, "
                + $"hygiene {section.Quote(m.Get(EngineeringCalculator.HygieneScore(id)))}, evidence coverage {section.Quote(coverage)}).");
            if (RepositoryScorecard.IsLowCoverage(checks) && RepositoryScorecard.Known(checks) > 0)
            {
                section.Paragraph($"**Low coverage:** fewer than {RepositoryScorecard.LowCoverageBelow} of {checks.Count} hygiene checks have evidence, so the hygiene score is a partial view, not a grade.");
            }

            if (levels.Count > 0)
            {
                var rows = new List<IReadOnlyList<string>>();
                void Row(string measure, string metricId)
                {
                    if (m.Find(metricId) is { } metric)
                    {
                        rows.Add([measure, section.Quote(metric), Dora.Word(levels.First(l => l.Measure == measure).Level)]);
                    }
                }

                Row("deployment frequency", EngineeringCalculator.Deployments(id));
                Row("lead time for changes", EngineeringCalculator.LeadTime(id));
                Row("change fail rate", EngineeringCalculator.ChangeFailRate(id));
                Row("time to restore", EngineeringCalculator.TimeToRestore(id));
                section.Table(["DORA key", p, "Level"], rows, [false, true, false]);
            }
            else
            {
                section.Missing($"no DORA inputs (engineering.*) recorded for {entity.Name} in {p}"
                    + (ci.Count > 0 ? "; the handoffs say instead:" : " and no handoff facts tagged ci"));
                section.Bullets(ci.Select(f => $"{context.Quote(f.Fact.Text)} ({Evidence(f)})"));
            }

            var judged = checks.Where(r => r.Status != CheckStatus.Unknown).ToList();
            if (judged.Count > 0)
            {
                section.Table(["Hygiene check", "Weight", "Result", "Evidence"],
                    judged.Select(r => (IReadOnlyList<string>)
                    [
                        MarkdownText.Cell(r.Check.Name),
                        r.Check.Weight.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        RepositoryScorecard.Word(r.Status),
                        $"{context.Quote(r.Evidence!.Fact.Text)} ({Evidence(r.Evidence)})",
                    ]));
            }

            var open = checks.Where(r => r.Status == CheckStatus.Unknown).Select(r => r.Check.Name.ToLowerInvariant()).ToList();
            if (open.Count > 0)
            {
                section.Paragraph($"No evidence in the handoffs for: {MarkdownText.Escape(string.Join(", ", open))}.");
            }
        }

        if (unknown.Count > 0)
        {
            section.Missing($"no DORA inputs, no ci facts and no hygiene evidence (0 of {RepositoryScorecard.Checks.Count} checks known) in {p} for {string.Join(", ", unknown)}");
        }
    }

    private static void WriteRoadmap(ReportContext context, SectionBuilder section)
    {
        section.Paragraph("Order: critical and high security findings first, then failed hygiene checks by weight, then DORA keys at low or medium, "
            + "then the handoffs' engineering next steps in the order written. Finance, marketing and operations steps go to the CFO, CMO and domain reports.");
        var any = false;
        var elsewhere = new List<FactRef>();
        foreach (var entity in Technical(context))
        {
            var steps = new List<string>();
            var urgent = SecurityFindings.For(entity, context.Facts(entity.Id)).Where(f => f.Severity <= SecuritySeverity.High).ToList();
            foreach (var f in urgent)
            {
                steps.Add($"Fix: {context.Quote(f.Fact.Fact.Text)} — reason: {SecurityFindings.Word(f.Severity)} security finding ({Evidence(f.Fact)}).");
            }

            foreach (var r in RepositoryScorecard.Evaluate(context.Handoffs, entity.Id)
                .Where(r => r.Status == CheckStatus.Fail && urgent.All(f => f.Fact != r.Evidence)).OrderByDescending(r => r.Check.Weight))
            {
                steps.Add($"{MarkdownText.Escape(r.Check.Name)} — reason: hygiene check failed, weight {r.Check.Weight} ({Evidence(r.Evidence!)}).");
            }

            foreach (var (measure, level) in EngineeringCalculator.DoraLevels(context.Kpi(entity.Id)?.Engineering).Where(l => l.Level is DoraLevel.Low or DoraLevel.Medium))
            {
                steps.Add($"Improve {measure} — reason: DORA level {Dora.Word(level)} in {context.PeriodText}.");
            }

            foreach (var f in context.Facts(entity.Id, SectionKind.NextSteps))
            {
                if (EngineeringScope.IsEngineering(f))
                {
                    steps.Add($"{context.Quote(f.Fact.Text)} — reason: next step in the handoff ({Evidence(f)}).");
                }
                else
                {
                    elsewhere.Add(f);
                }
            }

            if (steps.Count == 0)
            {
                continue;
            }

            any = true;
            section.Subheading(entity.Name);
            section.Numbered(steps);
        }

        if (!any)
        {
            section.Missing($"no engineering next steps, security findings or CI/CD gaps recorded for any entity in {context.PeriodText}");
        }

        if (elsewhere.Count > 0)
        {
            section.Paragraph($"Not engineering, left out: {elsewhere.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)} next steps "
                + $"({Bounded(elsewhere.Select(Evidence).ToList())}).");
        }
    }

    [GeneratedRegex(@"\b(aws|lambda|cloudfront|dynamodb|s3|hosting|servers?|cloud|saas|software|capacity|budget alarm|infrastructure|droplet|ads spend|google ads|subscriptions?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Infrastructure();
}
