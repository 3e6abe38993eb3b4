using System.Globalization;

using ExecReports.Core.Primitives;

namespace ExecReports.Core.Kpis;

// A stored month outside KpiLimits: left out of every report, and an error in the gate until it is fixed.
public sealed record KpiProblem(string EntityId, Period Period, IReadOnlyList<KpiError> Errors)
{
    public override string ToString() =>
        $"KPI inputs for {EntityId} {Period} are out of bounds and were left out of the reports: "
        + string.Join("; ", Errors.Take(3)) + (Errors.Count > 3 ? $"; and {Errors.Count - 3} more" : "") + ". Fix them on the KPIs page.";
}

// Bounds on one month's inputs, so no stored month can make a page or report slow, huge or overflow: 500 lines of
// 10^12 each still sum, average and multiply by a rate well inside decimal, and 500 counts of 10^6 inside int.
public static class KpiLimits
{
    public const int MaxLines = 500;
    public const int MaxTextLength = 200;
    public const int MaxNotesLength = 2_000;
    public const decimal MaxAmount = 1_000_000_000_000m;
    public const int MaxCount = 1_000_000;

    // One import (file or upload): its size and how many months it may hold.
    public const long MaxImportBytes = 5 * 1024 * 1024;
    public const int MaxImportRecords = 500;

    public static string Describe(decimal value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024m * 1024m)).ToString("0.#", CultureInfo.InvariantCulture) + " MB"
        : (bytes / 1024m).ToString("0.#", CultureInfo.InvariantCulture) + " KB";

    // Control characters hide text or break lines in a report; bidirectional overrides and isolates make a name read
    // differently from what it is ("Trojan Source"). Returns the first offending character and its index.
    public static (char Character, int Index)? Unsafe(string value, bool allowLineBreaks = false)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (allowLineBreaks && c is '\n' or '\r' or '\t')
            {
                continue;
            }

            if (char.IsControl(c) || c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'))
            {
                return (c, i);
            }
        }

        return null;
    }
}
