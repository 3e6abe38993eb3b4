using ExecReports.Core.Reports.Metrics;

namespace ExecReports.Core.Reports.Generators;

// Small pieces the three domain reports share.
internal static class DomainReport
{
    public static string Status(VarianceStatus status) => status switch
    {
        VarianceStatus.OnTrack => "on track",
        VarianceStatus.AtRisk => "at risk",
        _ => "off track",
    };
}
