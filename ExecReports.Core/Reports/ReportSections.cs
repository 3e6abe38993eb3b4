namespace ExecReports.Core.Reports;

// The section headings users know from the original system. Generators write them and the completeness check
// requires them, from this one list.
public static class ReportSections
{
    public const string ChangedSinceLastMonth = "Changed Since Last Month";

    private static readonly Dictionary<string, IReadOnlyList<string>> Required = new(StringComparer.Ordinal)
    {
        [ReportRole.Ceo.Id] = [ChangedSinceLastMonth, "Asset Inventory", "Revenue Recognition Gaps", "Equity Risk Assessment", "Pipeline Analysis", "30-Day Priorities"],
        [ReportRole.Cto.Id] = [ChangedSinceLastMonth, "Security Audit", "Cost Analysis", "UX & Analytics Gaps", "CI/CD Maturity", "Engineering Roadmap"],
        [ReportRole.Accounting.Id] = [ChangedSinceLastMonth, "Chart of Accounts", "Expense Categorization", "Revenue Recognition Issues", "Profitability Roadmap"],
        [ReportRole.Cmo.Id] = [ChangedSinceLastMonth, "Channel Visibility Matrix", "Email Blast ROI", "OTA Sequencing", "30/60/90-Day Milestones"],
        [ReportRole.Cfo.Id] = [ChangedSinceLastMonth, "Burn Rate", "Runway", "Capital Deployment Framework", "Break-Even Analysis", "Monthly Revenue Targets"],
        [ReportRole.Rental.Id] = [ChangedSinceLastMonth, "Occupancy", "Rent Roll", "Lease Ends", "Maintenance"],
        [ReportRole.YachtDelivery.Id] = [ChangedSinceLastMonth, "Jobs", "Routes and Crew", "Quoted vs Actual Costs", "Open Risks"],
        [ReportRole.PortfolioBilling.Id] = [ChangedSinceLastMonth, "Clients", "Retainers and Invoices", "Overdue Receivables", "Unbilled Hours", "Costs Never Re-billed"],
    };

    public const string Appendix = "Appendix: Metrics Quoted";

    public static IReadOnlyList<string> For(ReportRole role) => Required[role.Id];
}
