namespace ExecReports.Core.Reports.Metrics;

public enum ConcentrationLevel { High, Moderate, Diversified, Unknown }

// The thresholds the CEO report applies to PortfolioCalculator's largest revenue share; assumptions, so they are quoted too.
public sealed class ConcentrationCalculator : MetricCalculator
{
    public const string HighThreshold = "ceo.concentration.high-threshold";
    public const string ModerateThreshold = "ceo.concentration.moderate-threshold";
    public const decimal High = 0.50m;
    public const decimal Moderate = 0.30m;

    public override int Order => 20;

    // More than half of revenue from one entity is high concentration; more than 30% is moderate.
    public static ConcentrationLevel Classify(decimal? largestShare) => largestShare switch
    {
        null => ConcentrationLevel.Unknown,
        > High => ConcentrationLevel.High,
        > Moderate => ConcentrationLevel.Moderate,
        _ => ConcentrationLevel.Diversified,
    };

    public override void Compute(ReportCalculation calculation)
    {
        var p = calculation.Inputs.Period.ToString();
        calculation.Book.Add(new Metric
        {
            Id = HighThreshold, Label = "High revenue concentration above", Value = High, Unit = MetricUnit.Percent, Period = p,
            Formula = "policy: one entity's share of portfolio revenue", Inputs = [], Kind = MetricKind.Assumption,
        });
        calculation.Book.Add(new Metric
        {
            Id = ModerateThreshold, Label = "Moderate revenue concentration above", Value = Moderate, Unit = MetricUnit.Percent, Period = p,
            Formula = "policy: one entity's share of portfolio revenue", Inputs = [], Kind = MetricKind.Assumption,
        });
    }
}
