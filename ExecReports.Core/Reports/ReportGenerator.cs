namespace ExecReports.Core.Reports;

// One per report, registered in ReportRegistry. Writes sections from the context; quotes figures only from the metric book.
public abstract class ReportGenerator
{
    protected ReportGenerator() => Role = ReportRole.ForGenerator(GetType());

    public ReportRole Role { get; }

    public abstract void Write(ReportContext context, ReportBuilder report);
}

// Fills the metric book before any report is written, so every report quotes the same numbers.
public abstract class MetricCalculator
{
    // Lower runs first; the CFO model is 0 so others may build on its figures.
    public virtual int Order => 100;

    public abstract void Compute(ReportCalculation calculation);
}

public sealed record ReportCalculation(ReportInputs Inputs, Finance.CfoResult Cfo, Metrics.MetricBook Book, Finance.FinanceOptions Finance);
