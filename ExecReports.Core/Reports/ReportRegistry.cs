using ExecReports.Core.Reports.Generators;

namespace ExecReports.Core.Reports;

// The report registry: every fact about a report that is not how it is written. Adding a report is one
// registration here (id, title, perspective, generator, sections, and for a domain report its catalog entity)
// plus its generator. Roles, file names, URLs, email subjects, recipient keys and the completeness check all
// read from this list.
public sealed partial record ReportRole
{
    public static readonly ReportRole Ceo = new()
    {
        Id = "ceo", Title = "CEO", Kind = ReportKind.Executive, Generator = typeof(CeoReport),
        Perspective = "the chief executive: assets, risk, pipeline and what to do first",
        Sections = [ReportSections.Summary, ReportSections.Changed, .. ReportSections.Ceo.All],
    };

    public static readonly ReportRole Cto = new()
    {
        Id = "cto", Title = "CTO", Kind = ReportKind.Executive, Generator = typeof(CtoReport),
        Perspective = "the chief technology officer: security, cost, delivery and the engineering roadmap",
        Sections = [ReportSections.Summary, ReportSections.Changed, .. ReportSections.Cto.All],
    };

    public static readonly ReportRole Accounting = new()
    {
        Id = "accounting", Title = "Accounting", Kind = ReportKind.Executive, Generator = typeof(AccountingReport),
        Perspective = "the accountant: accounts, categorisation and recognition",
        Sections = [ReportSections.Summary, ReportSections.Changed, .. ReportSections.Accounting.All],
    };

    public static readonly ReportRole Cmo = new()
    {
        Id = "cmo", Title = "CMO", Kind = ReportKind.Executive, Generator = typeof(CmoReport),
        Perspective = "the chief marketing officer: channels, campaigns and launches",
        Sections = [ReportSections.Summary, ReportSections.Changed, .. ReportSections.Cmo.All],
    };

    public static readonly ReportRole Cfo = new()
    {
        Id = "cfo", Title = "CFO", Kind = ReportKind.Executive, Generator = typeof(CfoReport),
        Perspective = "the chief financial officer: burn, runway, break-even and targets",
        Sections = [ReportSections.Summary, ReportSections.Changed, .. ReportSections.Cfo.All],
    };

    public static readonly ReportRole Rental = new()
    {
        Id = "rental", Title = "3028 51st St Rental", Kind = ReportKind.Domain, EntityId = "rental-3028-51st", Generator = typeof(RentalReport),
        Perspective = "the property manager of 3028 51st St",
        Sections = [ReportSections.Summary, ReportSections.Changed, .. ReportSections.Rental.All],
    };

    public static readonly ReportRole YachtDelivery = new()
    {
        Id = "yacht-delivery", Title = "Expert Yacht Delivery", Kind = ReportKind.Domain, EntityId = "expert-yacht-delivery", Generator = typeof(YachtDeliveryReport),
        Perspective = "the delivery skipper's logistics desk",
        Sections = [ReportSections.Summary, ReportSections.Changed, .. ReportSections.YachtDelivery.All],
    };

    public static readonly ReportRole PortfolioBilling = new()
    {
        Id = "portfolio-billing", Title = "DangerousCentaur Client Portfolio", Kind = ReportKind.Domain, EntityId = "dangerouscentaur-portfolio",
        Generator = typeof(PortfolioBillingReport),
        Perspective = "the consultancy's billing auditor",
        Sections = [ReportSections.Summary, ReportSections.Changed, .. ReportSections.PortfolioBilling.All],
    };

    // Report order: how the engine writes, the pages list and dispatch sends them.
    public static readonly IReadOnlyList<ReportRole> All = [Ceo, Cto, Accounting, Cmo, Cfo, Rental, YachtDelivery, PortfolioBilling];
}

// The section headings users know from the original system, as handles a generator writes and the completeness
// check requires: a generator cannot write a section its registration does not list (ReportBuilder refuses it).
public static class ReportSections
{
    public const string ChangedSinceLastMonth = "Changed Since Last Month";
    public const string Appendix = "Appendix: Metrics Quoted";

    // Every report opens with it (ChangedSinceLastMonth.Write); it is listed in each registration for the check.
    public static readonly ReportSectionDefinition Changed = new("changed-since-last-month", ChangedSinceLastMonth);

    // Every report opens with it, above "Changed Since Last Month" (Summary.ExecutiveSummary.Write).
    public const string ExecutiveSummary = "Executive Summary";
    public static readonly ReportSectionDefinition Summary = new("executive-summary", ExecutiveSummary);

    public static IReadOnlyList<string> For(ReportRole role) => role.Sections.Select(s => s.Heading).ToList();

    public static class Ceo
    {
        public static readonly ReportSectionDefinition AssetInventory = new("asset-inventory", "Asset Inventory");
        public static readonly ReportSectionDefinition RevenueRecognitionGaps = new("revenue-recognition-gaps", "Revenue Recognition Gaps");
        public static readonly ReportSectionDefinition EquityRisk = new("equity-risk-assessment", "Equity Risk Assessment");
        public static readonly ReportSectionDefinition Pipeline = new("pipeline-analysis", "Pipeline Analysis");
        public static readonly ReportSectionDefinition Priorities = new("30-day-priorities", "30-Day Priorities");
        public static readonly IReadOnlyList<ReportSectionDefinition> All = [AssetInventory, RevenueRecognitionGaps, EquityRisk, Pipeline, Priorities];
    }

    public static class Cto
    {
        public static readonly ReportSectionDefinition SecurityAudit = new("security-audit", "Security Audit");
        public static readonly ReportSectionDefinition Resilience = new("resilience-audit", "Resilience Audit");
        public static readonly ReportSectionDefinition CostAnalysis = new("cost-analysis", "Cost Analysis");
        public static readonly ReportSectionDefinition UxAnalytics = new("ux-analytics-gaps", "UX & Analytics Gaps");
        public static readonly ReportSectionDefinition Cicd = new("ci-cd-maturity", "CI/CD Maturity");
        public static readonly ReportSectionDefinition Roadmap = new("engineering-roadmap", "Engineering Roadmap");
        public static readonly IReadOnlyList<ReportSectionDefinition> All = [SecurityAudit, Resilience, CostAnalysis, UxAnalytics, Cicd, Roadmap];
    }

    public static class Accounting
    {
        public static readonly ReportSectionDefinition ChartOfAccounts = new("chart-of-accounts", "Chart of Accounts");
        public static readonly ReportSectionDefinition ExpenseCategorization = new("expense-categorization", "Expense Categorization");
        public static readonly ReportSectionDefinition RecognitionIssues = new("revenue-recognition-issues", "Revenue Recognition Issues");
        public static readonly ReportSectionDefinition ProfitabilityRoadmap = new("profitability-roadmap", "Profitability Roadmap");
        public static readonly IReadOnlyList<ReportSectionDefinition> All = [ChartOfAccounts, ExpenseCategorization, RecognitionIssues, ProfitabilityRoadmap];
    }

    public static class Cmo
    {
        public static readonly ReportSectionDefinition ChannelVisibility = new("channel-visibility-matrix", "Channel Visibility Matrix");
        public static readonly ReportSectionDefinition EmailBlastRoi = new("email-blast-roi", "Email Blast ROI");
        public static readonly ReportSectionDefinition OtaSequencing = new("ota-sequencing", "OTA Sequencing");
        public static readonly ReportSectionDefinition Milestones = new("30-60-90-day-milestones", "30/60/90-Day Milestones");
        public static readonly IReadOnlyList<ReportSectionDefinition> All = [ChannelVisibility, EmailBlastRoi, OtaSequencing, Milestones];
    }

    public static class Cfo
    {
        public static readonly ReportSectionDefinition BurnRate = new("burn-rate", "Burn Rate");
        public static readonly ReportSectionDefinition Runway = new("runway", "Runway");
        public static readonly ReportSectionDefinition CapitalDeployment = new("capital-deployment", "Capital Deployment Framework");
        public static readonly ReportSectionDefinition BreakEven = new("break-even", "Break-Even Analysis");
        public static readonly ReportSectionDefinition RevenueTargets = new("revenue-targets", "Monthly Revenue Targets");
        public static readonly IReadOnlyList<ReportSectionDefinition> All = [BurnRate, Runway, CapitalDeployment, BreakEven, RevenueTargets];
    }

    public static class Rental
    {
        public static readonly ReportSectionDefinition Occupancy = new("occupancy", "Occupancy");
        public static readonly ReportSectionDefinition RentRoll = new("rent-roll", "Rent Roll");
        public static readonly ReportSectionDefinition DebtService = new("noi-and-debt-service", "NOI and Debt Service");
        public static readonly ReportSectionDefinition Deposits = new("deposits-and-cash", "Deposits and Cash");
        public static readonly ReportSectionDefinition LeaseEnds = new("lease-ends", "Lease Ends");
        public static readonly ReportSectionDefinition Maintenance = new("maintenance", "Maintenance");
        public static readonly IReadOnlyList<ReportSectionDefinition> All = [Occupancy, RentRoll, DebtService, Deposits, LeaseEnds, Maintenance];
    }

    public static class YachtDelivery
    {
        public static readonly ReportSectionDefinition Jobs = new("jobs", "Jobs");
        public static readonly ReportSectionDefinition RoutesAndCrew = new("routes-and-crew", "Routes and Crew");
        public static readonly ReportSectionDefinition BusinessResult = new("business-result", "Business Result");
        public static readonly ReportSectionDefinition Margins = new("job-gross-margin", "Job Gross Margin");
        public static readonly ReportSectionDefinition RateCard = new("cost-per-mile-and-rate-card", "Cost per Mile and Rate Card");
        public static readonly ReportSectionDefinition WorkingCapital = new("working-capital", "Working Capital");
        public static readonly ReportSectionDefinition OpenRisks = new("open-risks", "Open Risks");
        public static readonly IReadOnlyList<ReportSectionDefinition> All = [BusinessResult, Jobs, RoutesAndCrew, Margins, RateCard, WorkingCapital, OpenRisks];
    }

    public static class PortfolioBilling
    {
        public static readonly ReportSectionDefinition Clients = new("clients", "Clients");
        public static readonly ReportSectionDefinition Retainers = new("retainers-and-invoices", "Retainers and Invoices");
        public static readonly ReportSectionDefinition Overdue = new("overdue-receivables", "Overdue Receivables");
        public static readonly ReportSectionDefinition Unbilled = new("unbilled-hours", "Unbilled Hours");
        public static readonly ReportSectionDefinition Costs = new("costs-never-re-billed", "Costs Never Re-billed");
        public static readonly IReadOnlyList<ReportSectionDefinition> All = [Clients, Retainers, Overdue, Unbilled, Costs];
    }
}
