using System.Text.RegularExpressions;

namespace ExecReports.Core.Reports;

// Which reports read a KPI money field, said once: the editor's hint under each field and the "see what changed" links
// after a save both come from here, and KpiFieldUsesTests checks every entry against the generators (change the input,
// see which reports change), so this table cannot drift from what the reports really read.
public sealed record KpiFieldUse(string Field, string Figures, IReadOnlyList<ReportRole> Roles)
{
    // "Drives CEO, Accounting, CMO: booked revenue, revenue mix and margin".
    public string Hint => Roles.Count == 0 ? $"Drives no report: {Figures}" : $"Drives {string.Join(", ", Roles.Select(r => r.Title))}: {Figures}";
}

public static partial class KpiFieldUses
{
    private static readonly ReportRole Ceo = ReportRole.Ceo, Accounting = ReportRole.Accounting, Cmo = ReportRole.Cmo, Cfo = ReportRole.Cfo;

    public static IReadOnlyList<KpiFieldUse> All { get; } =
    [
        new("revenue[].amount", "booked revenue, revenue mix, margin and budget against target", [Ceo, Accounting, Cmo, Cfo]),
        new("revenue[].received", "cash received, burn and runway", [Ceo, Accounting, Cmo, Cfo]),
        new("revenue[].commission", "OTA commission and net revenue", [Cmo]),
        new("expenses[].amount", "expenses, burn, runway and P&L", [Ceo, Accounting, Cfo]),
        new("cashOnHand", "cash position and runway", [Ceo, Accounting, Cfo]),
        new("customerDeposits", "deposits held and free cash", [Ceo, Accounting, Cfo]),
        new("securityDeposits", "free cash, the deposit liability and deposits held in operating cash (never revenue)", [Ceo, Accounting, Cfo, ReportRole.Rental]),
        new("ownerDraws", "owner draws, burn including draws and draws against earnings", [Ceo, Accounting, Cfo]),
        new("capitalInjections", "financing in the cash bridge", [Accounting, Cfo]),
        new("targets.monthlyRevenueTarget", "revenue against target", [Accounting, Cmo, Cfo]),
        new("targets.burnCeiling", "net burn against the ceiling (budget against actual)", [Cfo]),
        new("pipeline[].value", "pipeline value and weighted forecast", [Ceo]),
        new("channels[].revenue", "channel revenue and ROI", [Ceo, Cmo, Cfo]),
        new("emailBlasts[].revenue", "email revenue and ROI", [Cmo]),
        new("emailBlasts[].cost", "email cost and ROI", [Ceo, Cmo]),
        new("rental.units[].rent", "rent roll, occupancy, the property in the asset inventory and rent in the 13-week cash forecast", [Ceo, Cfo, ReportRole.Rental]),
        new("rental.units[].maintenanceCost", "maintenance cost and net operating income", [ReportRole.Rental]),
        new("yachtDelivery.jobs[].quote", "quoted revenue, job margin and scheduled jobs in the 13-week cash forecast", [Cfo, ReportRole.YachtDelivery]),
        new("yachtDelivery.jobs[].actualCost", "job cost and margin", [ReportRole.YachtDelivery]),
        new("portfolio.clients[].invoiced", "billing, collection, receivables and the booked-to-received bridge", [Accounting, Cfo, ReportRole.PortfolioBilling]),
        new("portfolio.clients[].paid", "collections, receivables and the booked-to-received bridge", [Accounting, Cfo, ReportRole.PortfolioBilling]),
        new("portfolio.clients[].overdue", "receivables overdue", [Ceo, ReportRole.PortfolioBilling]),
    ];

    // "expenses[3].amount" and "expenses[].amount" name the same field.
    public static KpiFieldUse? For(string fieldPath)
    {
        var field = Index().Replace(fieldPath, "[]");
        return All.FirstOrDefault(u => u.Field == field);
    }

    // Reports a save with these changed fields may have moved, in the registry's order.
    public static IReadOnlyList<ReportRole> AffectedBy(IEnumerable<string> fieldPaths)
    {
        var roles = fieldPaths.Select(For).OfType<KpiFieldUse>().SelectMany(u => u.Roles).ToHashSet();
        return ReportRole.All.Where(roles.Contains).ToList();
    }

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Index();
}
