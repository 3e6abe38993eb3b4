namespace ExecReports.Core.Reports.Finance;

// Ordinary least squares over equally spaced months; x = 0 is the oldest value.
public readonly record struct Trend(decimal Intercept, decimal Slope, int Points)
{
    public static Trend Fit(IReadOnlyList<decimal> values)
    {
        var n = values.Count;
        if (n == 0)
        {
            return new Trend(0, 0, 0);
        }

        if (n == 1)
        {
            return new Trend(values[0], 0, 1);
        }

        var meanX = (n - 1) / 2m;
        var meanY = values.Average();
        decimal sxy = 0, sxx = 0;
        for (var i = 0; i < n; i++)
        {
            sxy += (i - meanX) * (values[i] - meanY);
            sxx += (i - meanX) * (i - meanX);
        }

        var slope = sxy / sxx;
        return new Trend(meanY - slope * meanX, slope, n);
    }

    // k months after the last point.
    public decimal Project(int monthsAfterLast) => Intercept + Slope * (Points - 1 + monthsAfterLast);
}
