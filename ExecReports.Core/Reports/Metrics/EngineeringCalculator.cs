using System.Globalization;
using ExecReports.Core.Ingestion;
using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reports.Engineering;

namespace ExecReports.Core.Reports.Metrics;

// DORA measures, repository hygiene, the overall CI/CD score and security finding counts for every catalog entity.
public sealed class EngineeringCalculator : MetricCalculator
{
    public const string PortfolioSecurityFindings = "portfolio.security-findings";
    public const string ChangeFailEliteMax = "cto.dora.change-fail.elite-max";
    public const string ChangeFailHighMax = "cto.dora.change-fail.high-max";
    public const string ChangeFailMediumMax = "cto.dora.change-fail.medium-max";

    public override int Order => 20;

    public static string Deployments(string entityId) => $"entity.{entityId}.dora.deployments";
    public static string LeadTime(string entityId) => $"entity.{entityId}.dora.lead-time";
    public static string ChangeFailRate(string entityId) => $"entity.{entityId}.dora.change-fail-rate";
    public static string TimeToRestore(string entityId) => $"entity.{entityId}.dora.time-to-restore";
    public static string DoraScore(string entityId) => $"entity.{entityId}.dora-score";
    public static string HygieneScore(string entityId) => $"entity.{entityId}.hygiene-score";
    public static string HygieneCoverage(string entityId) => $"entity.{entityId}.hygiene-coverage";
    public static string CicdScore(string entityId) => $"entity.{entityId}.cicd-score";
    public static string SecurityFindingCount(string entityId) => $"entity.{entityId}.security-findings";
    public static string SinglePoints(string entityId) => $"entity.{entityId}.resilience.single-points";
    public static string DataStoresWithoutOffSiteBackup(string entityId) => $"entity.{entityId}.resilience.no-off-site-backup";

    private static MetricInput StackInput(CatalogEntity entity, StackComponent component, string value) =>
        new("catalog:entities.yaml", $"entities[{entity.Id}].stack[{component.Name}]", null, value);

    public static MetricInput HandoffInput(FactRef fact, string period, string value) =>
        new($"handoff:{fact.Document.File}", $"line {fact.Fact.Line.ToString(CultureInfo.InvariantCulture)}", period, value);

    // The DORA levels present in the month's engineering inputs, in the order of the four keys.
    public static IReadOnlyList<(string Measure, DoraLevel Level)> DoraLevels(EngineeringMetrics? e)
    {
        var levels = new List<(string, DoraLevel)>();
        if (e?.Deployments is { } d)
        {
            levels.Add(("deployment frequency", Dora.DeploymentFrequency(d)));
        }

        if (e?.LeadTimeHours is { } l)
        {
            levels.Add(("lead time for changes", Dora.LeadTime(l)));
        }

        if (e?.ChangeFailRate is { } c)
        {
            levels.Add(("change fail rate", Dora.ChangeFailRate(c)));
        }

        if (e?.TimeToRestoreHours is { } t)
        {
            levels.Add(("time to restore", Dora.TimeToRestore(t)));
        }

        return levels;
    }

    // Mean of the DORA part and the hygiene part, each only when known.
    public static decimal? Overall(decimal? dora, decimal? hygiene) => (dora, hygiene) switch
    {
        ({ } d, { } h) => (d + h) / 2m,
        ({ } d, null) => d,
        (null, { } h) => h,
        _ => null,
    };

    public override void Compute(ReportCalculation calculation)
    {
        var period = calculation.Inputs.Period;
        var p = period.ToString();
        var book = calculation.Book;
        void Threshold(string id, string label, decimal value) => book.Add(new Metric
        {
            Id = id, Label = label, Value = value, Unit = MetricUnit.Percent, Period = p, Formula = "DORA 2023 simplified band", Inputs = [],
            Kind = MetricKind.Assumption,
        });
        Threshold(ChangeFailEliteMax, "DORA change fail rate, elite up to", Dora.EliteChangeFailMax);
        Threshold(ChangeFailHighMax, "DORA change fail rate, high up to", Dora.HighChangeFailMax);
        Threshold(ChangeFailMediumMax, "DORA change fail rate, medium up to", Dora.MediumChangeFailMax);

        var totalFindings = 0;
        var findingInputs = new List<MetricInput>();
        var entities = calculation.Inputs.Catalog.Entities.OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        foreach (var entity in entities)
        {
            var id = entity.Id;
            var facts = calculation.Inputs.Handoffs.UsableFactsOf(id);
            var kpi = calculation.Inputs.Kpis.FirstOrDefault(k => k.Period == period && string.Equals(k.EntityId, id, StringComparison.OrdinalIgnoreCase));

            var findings = SecurityFindings.For(entity, facts);
            var inputs = findings.Select(f => HandoffInput(f.Fact, p, SecurityFindings.Word(f.Severity))).ToList();
            var count = new Metric
            {
                Id = SecurityFindingCount(id), EntityId = id, Label = $"{id} open security findings in handoffs", Value = findings.Count, Unit = MetricUnit.Count, Period = p,
                Formula = "count of handoff facts describing a security problem (tagged security, or a hard-coded secret / unauthenticated endpoint)",
                Inputs = inputs, Better = Favourable.Lower,
            };
            book.Add(count);
            totalFindings += findings.Count;
            // The sum's inputs are the entity counts its formula adds, each traceable to its findings: copying every
            // finding made this one figure 32,000 inputs (3 MB of each report's JSON) at 16,000 handoffs (issue 19).
            findingInputs.Add(MetricInput.Of(count));

            var e = kpi?.Engineering;
            MetricInput Kpi(string field, string value) => MetricInput.Kpi(id, $"engineering.{field}", p, value);
            if (e?.Deployments is { } d)
            {
                book.Add(new Metric
                {
                    Id = Deployments(id), EntityId = id, Label = $"{id} deployments in the month", Value = d, Unit = MetricUnit.Count, Period = p,
                    Formula = "engineering.deployments", Inputs = [Kpi("deployments", d.ToString(CultureInfo.InvariantCulture))], Better = Favourable.Higher,
                });
            }

            if (e?.LeadTimeHours is { } l)
            {
                book.Add(new Metric
                {
                    Id = LeadTime(id), EntityId = id, Label = $"{id} lead time for changes", Value = l, Unit = MetricUnit.Hours, Period = p,
                    Formula = "engineering.leadTimeHours", Inputs = [Kpi("leadTimeHours", MetricFormat.Format(l, MetricUnit.Hours))], Better = Favourable.Lower,
                });
            }

            if (e?.ChangeFailRate is { } c)
            {
                book.Add(new Metric
                {
                    Id = ChangeFailRate(id), EntityId = id, Label = $"{id} change fail rate", Value = c, Unit = MetricUnit.Percent, Period = p,
                    Formula = "engineering.changeFailRate", Inputs = [Kpi("changeFailRate", MetricFormat.Format(c, MetricUnit.Percent))], Better = Favourable.Lower,
                });
            }

            if (e?.TimeToRestoreHours is { } t)
            {
                book.Add(new Metric
                {
                    Id = TimeToRestore(id), EntityId = id, Label = $"{id} time to restore service", Value = t, Unit = MetricUnit.Hours, Period = p,
                    Formula = "engineering.timeToRestoreHours", Inputs = [Kpi("timeToRestoreHours", MetricFormat.Format(t, MetricUnit.Hours))], Better = Favourable.Lower,
                });
            }

            var levels = DoraLevels(e);
            decimal? dora = levels.Count == 0 ? null : levels.Average(x => Dora.Points(x.Level));
            book.Add(new Metric
            {
                Id = DoraScore(id), EntityId = id, Label = $"{id} DORA score", Value = dora, Unit = MetricUnit.Percent, Period = p,
                Formula = "mean over the DORA keys present of elite 100% / high 75% / medium 50% / low 25%",
                Inputs = levels.Select(x => MetricInput.Kpi(id, $"engineering ({x.Measure})", p, Dora.Word(x.Level))).ToList(),
                Better = Favourable.Higher, Special = dora is null ? $"unknown: no engineering inputs for {p}" : null,
            });

            var checks = RepositoryScorecard.Evaluate(calculation.Inputs.Handoffs, id);
            var hygiene = RepositoryScorecard.Score(checks);
            book.Add(new Metric
            {
                Id = HygieneScore(id), EntityId = id, Label = $"{id} repository hygiene score", Value = hygiene, Unit = MetricUnit.Percent, Period = p,
                Formula = "Σ weight of passed checks ÷ Σ weight of passed and failed checks (unknown and not-applicable checks left out)",
                Inputs = checks.Where(r => r.Evidence is not null).Select(r => HandoffInput(r.Evidence!, p, $"{r.Check.Name}: {RepositoryScorecard.Word(r.Status)}")).ToList(),
                Better = Favourable.Higher, Special = hygiene is null ? "unknown: no hygiene evidence in handoffs" : null,
            });

            var known = RepositoryScorecard.Known(checks);
            book.Add(new Metric
            {
                Id = HygieneCoverage(id), EntityId = id, Label = $"{id} hygiene checks with evidence", Value = known, Unit = MetricUnit.Count, Period = p,
                Formula = $"count of checks passed, failed or not applicable out of {checks.Count}; under {RepositoryScorecard.LowCoverageBelow} known is low coverage",
                Inputs = checks.Where(r => r.Evidence is not null).Select(r => HandoffInput(r.Evidence!, p, $"{r.Check.Name}: {RepositoryScorecard.Word(r.Status)}")).ToList(),
                Better = Favourable.Higher, Special = RepositoryScorecard.CoverageText(checks),
            });

            AddResilience(book, entity, facts, p);

            var overall = Overall(dora, hygiene);
            book.Add(new Metric
            {
                Id = CicdScore(id), EntityId = id, Label = $"{id} CI/CD maturity score", Value = overall, Unit = MetricUnit.Percent, Period = p,
                Formula = "mean of the DORA score and the repository hygiene score, each when known",
                Inputs = [MetricInput.OfMetric(DoraScore(id), "DORA score", p, MetricFormat.Format(dora, MetricUnit.Percent)),
                    MetricInput.OfMetric(HygieneScore(id), "hygiene score", p, MetricFormat.Format(hygiene, MetricUnit.Percent))],
                Better = Favourable.Higher, Special = overall is null ? "unknown: no DORA inputs and no hygiene evidence" : null,
            });
        }

        book.Add(new Metric
        {
            Id = PortfolioSecurityFindings, Label = "Open security findings in handoffs, all entities", Value = totalFindings, Unit = MetricUnit.Count,
            Period = p, Formula = "Σ entity security findings", Inputs = findingInputs, Better = Favourable.Lower,
        });
    }

    private static void AddResilience(MetricBook book, CatalogEntity entity, IReadOnlyList<FactRef> facts, string p)
    {
        var id = entity.Id;
        var audit = ResilienceAudit.Audit(entity, facts);
        var unplaced = ResilienceAudit.UnplacedSinglePoint(audit, facts);
        if (audit.Count == 0 && unplaced is null)
        {
            return;
        }

        var spofInputs = audit.Where(a => a.SinglePoint is not null)
            .Select(a => StackInput(entity, a.Component, $"{a.Component.Kind}: single point of failure"))
            .Concat(audit.Select(a => a.SinglePoint).OfType<FactRef>().Concat(unplaced is null ? [] : [unplaced]).Distinct().Select(f => HandoffInput(f, p, "single point of failure")))
            .ToList();
        book.Add(new Metric
        {
            Id = SinglePoints(id), EntityId = id, Label = $"{id} single points of failure", Value = audit.Count(a => a.SinglePoint is not null) + (unplaced is null ? 0 : 1),
            Unit = MetricUnit.Count, Period = p, Formula = "stack components a handoff calls a single point of failure (provider-run services excluded), or one when the handoff names no catalog component",
            Inputs = spofInputs, Better = Favourable.Lower,
        });

        var stores = audit.Where(a => a.HoldsData).ToList();
        if (stores.Count == 0)
        {
            return;
        }

        book.Add(new Metric
        {
            Id = DataStoresWithoutOffSiteBackup(id), EntityId = id, Label = $"{id} data stores without a known off-site backup",
            Value = stores.Count(a => a.Backup != BackupStatus.OffSite), Unit = MetricUnit.Count, Period = p,
            Formula = "catalog stack components of kind database or storage whose backup no handoff shows to be off-site",
            Inputs = [.. stores.Select(a => a.BackupEvidence is { } f ? HandoffInput(f, p, $"{a.Component.Name}: backup {ResilienceAudit.Word(a.Backup)}")
                : StackInput(entity, a.Component, $"{a.Component.Kind}: backup {ResilienceAudit.Word(a.Backup)}"))],
            Better = Favourable.Lower,
        });
    }
}
