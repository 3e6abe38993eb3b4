using System.Globalization;

namespace ExecReports.Web.Components.Pages.Kpis;

public static class KpiFormat
{
    // Amounts are shown the way the reports print them: "USD 12,000" or "USD 310.50".
    public static string Money(decimal amount, string currency) =>
        $"{currency} {amount.ToString(decimal.Truncate(amount) == amount ? "N0" : "N2", CultureInfo.InvariantCulture)}";

    public static string Money(decimal? amount, string currency) => amount is { } value ? Money(value, currency) : "—";
}
