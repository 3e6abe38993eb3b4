namespace ExecReports.Core.Reports;

public enum ReportKind { Executive, Domain }

// A domain report is about one catalog entity; an executive report covers the whole portfolio (EntityId null).
public sealed record ReportRole(string Id, string Title, string Perspective, ReportKind Kind, string? EntityId = null)
{
    public static readonly ReportRole Ceo = new("ceo", "CEO", "the chief executive: assets, risk, pipeline and what to do first", ReportKind.Executive);
    public static readonly ReportRole Cto = new("cto", "CTO", "the chief technology officer: security, cost, delivery and the engineering roadmap", ReportKind.Executive);
    public static readonly ReportRole Accounting = new("accounting", "Accounting", "the accountant: accounts, categorisation and recognition", ReportKind.Executive);
    public static readonly ReportRole Cmo = new("cmo", "CMO", "the chief marketing officer: channels, campaigns and launches", ReportKind.Executive);
    public static readonly ReportRole Cfo = new("cfo", "CFO", "the chief financial officer: burn, runway, break-even and targets", ReportKind.Executive);
    public static readonly ReportRole Rental = new("rental", "3028 51st St Rental", "the property manager of 3028 51st St", ReportKind.Domain, "rental-3028-51st");
    public static readonly ReportRole YachtDelivery = new("yacht-delivery", "Expert Yacht Delivery", "the delivery skipper's logistics desk", ReportKind.Domain, "expert-yacht-delivery");
    public static readonly ReportRole PortfolioBilling = new("portfolio-billing", "DangerousCentaur Client Portfolio", "the consultancy's billing auditor", ReportKind.Domain, "dangerouscentaur-portfolio");

    public static readonly IReadOnlyList<ReportRole> All = [Ceo, Cto, Accounting, Cmo, Cfo, Rental, YachtDelivery, PortfolioBilling];

    public static ReportRole? Find(string id) => All.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));

    // "CFO report — 2026-11", "Expert Yacht Delivery report — 2026-11"
    public string ReportTitle(string period) => $"{Title} report — {period}";
}
