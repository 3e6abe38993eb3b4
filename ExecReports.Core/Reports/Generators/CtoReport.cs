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
        WriteCostAnalysis(context, report.Section(ReportSections.Cto.CostAnalysis));
        WriteUxAnalytics(context, report.Section(ReportSections.Cto.UxAnalytics));
        WriteCicd(context, report.Section(ReportSections.Cto.Cicd));
        WriteRoadmap(context, report.Section(ReportSections.Cto.Roadmap));
    }

    private static string Evidence(FactRef fact) => $"`{fact.Source}`";

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
        foreach (var entity in Technical(context))
        {
            var findings = SecurityFindings.For(entity, context.Facts(entity.Id));
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

            if (entity.Stack.Count == 0)
            {
                section.Missing($"no stack components recorded in the catalog for {entity.Name}");
            }

            if (!context.Facts(entity.Id).Any())
            {
                section.Missing($"no handoff for {entity.Name}, so nothing is known about its security");
            }
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

        foreach (var name in none)
        {
            section.Missing($"no infrastructure or software expense lines recorded for {name} in {p}");
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
            }
            else
            {
                section.Missing($"no channel funnel data (visits, inquiries, bookings) recorded for {entity.Name} in {p}");
            }
        }

        var silent = Technical(context).Where(e => !context.Facts(e.Id).Any(f => HandoffFacts.HasTag(f, "ux") || HandoffFacts.HasTag(f, "analytics"))
            && (context.Kpi(e.Id) is not { } k || FunnelCalculator.Channels(k).Count == 0)).Select(e => e.Name).ToList();
        foreach (var name in silent)
        {
            section.Missing($"no UX or analytics facts and no channel funnel data recorded for {name} in {p}");
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
        foreach (var entity in Technical(context))
        {
            var id = entity.Id;
            section.Subheading(entity.Name);
            section.Paragraph($"CI/CD score {section.Quote(m.Get(EngineeringCalculator.CicdScore(id)))} (DORA {section.Quote(m.Get(EngineeringCalculator.DoraScore(id)))}, "
                + $"hygiene {section.Quote(m.Get(EngineeringCalculator.HygieneScore(id)))}).");
            var e = context.Kpi(id)?.Engineering;
            var levels = EngineeringCalculator.DoraLevels(e);
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
                var ci = context.Facts(id).Where(HandoffFacts.DescribesCurrentState).Where(f => HandoffFacts.HasTag(f, "ci")).ToList();
                section.Missing($"no DORA inputs (engineering.*) recorded for {entity.Name} in {p}"
                    + (ci.Count > 0 ? "; the handoffs say instead:" : " and no handoff facts tagged ci"));
                section.Bullets(ci.Select(f => $"{context.Quote(f.Fact.Text)} ({Evidence(f)})"));
            }

            var checks = RepositoryScorecard.Evaluate(context.Handoffs, id);
            section.Table(["Hygiene check", "Weight", "Result", "Evidence"],
                checks.Select(r => (IReadOnlyList<string>)
                [
                    MarkdownText.Cell(r.Check.Name),
                    r.Check.Weight.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    RepositoryScorecard.Word(r.Status),
                    r.Evidence is { } f ? $"{context.Quote(f.Fact.Text)} ({Evidence(f)})" : "no evidence in the handoffs",
                ]));
        }
    }

    private static void WriteRoadmap(ReportContext context, SectionBuilder section)
    {
        section.Paragraph("Order: critical and high security findings first, then failed hygiene checks by weight, then DORA keys at low or medium, "
            + "then the handoffs' own next steps in the order written.");
        var any = false;
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
                steps.Add($"{context.Quote(f.Fact.Text)} — reason: next step in the handoff ({Evidence(f)}).");
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
            section.Missing($"no next steps, security findings or CI/CD gaps recorded for any entity in {context.PeriodText}");
        }
    }

    [GeneratedRegex(@"\b(aws|lambda|cloudfront|dynamodb|s3|hosting|servers?|cloud|saas|software|capacity|budget alarm|infrastructure|droplet|ads spend|google ads|subscriptions?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Infrastructure();
}
