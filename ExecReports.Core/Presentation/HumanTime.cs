using System.Globalization;
using ExecReports.Core.Primitives;

namespace ExecReports.Core.Presentation;

// The one way a page or the CLI shows an instant, a day or a month to a person: "Fri 1 Jan 2027, 00:00 UTC",
// "covers December 2026". Invariant English so a server's locale never changes what the owner reads.
public static class HumanTime
{
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    public static string Instant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("ddd d MMM yyyy, HH:mm", English) + " UTC";

    public static string Instant(DateTimeOffset? instant, string none = "—") => instant is { } value ? Instant(value) : none;

    // A scheduled run and the month it reports on: "Fri 1 Jan 2027, 00:00 UTC · covers December 2026".
    public static string Covering(DateTimeOffset instant, Period covers) => $"{Instant(instant)} · covers {Month(covers)}";

    public static string Day(DateOnly date) => date.ToString("ddd d MMM yyyy", English);

    public static string Day(DateOnly? date, string none = "—") => date is { } value ? Day(value) : none;

    public static string Day(DateTimeOffset instant) => Day(DateOnly.FromDateTime(instant.UtcDateTime));

    public static string Month(Period period) => new DateOnly(period.Year, period.Month, 1).ToString("MMMM yyyy", English);
}
