using System.Globalization;
using Quartz;

namespace ExecReports.Core.Schedule;

public sealed class CronFormatException(string message) : Exception(message);

// AWS EventBridge cron: "minutes hours day-of-month month day-of-week year", e.g. "0 0 1 * ? *".
// Quartz reads the same dialect once seconds are prepended; the checks here exist so a mistake names its field
// instead of surfacing as Quartz's generic parse error.
public static class EventBridgeCron
{
    private sealed record Field(string Name, int Min, int Max, IReadOnlyList<string> Names, bool QuestionMark, bool Special);

    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private static readonly Field[] Fields =
    [
        new("minutes", 0, 59, [], false, false),
        new("hours", 0, 23, [], false, false),
        new("day-of-month", 1, 31, [], true, true),
        new("month", 1, 12, MonthNames, false, false),
        new("day-of-week", 1, 7, DayNames, true, true),
        new("year", 1970, 2199, [], false, false),
    ];

    public static string ToQuartz(string expression) =>
        TryToQuartz(expression, out var quartz, out var error) ? quartz : throw new CronFormatException(error);

    public static bool TryToQuartz(string? expression, out string quartz, out string error)
    {
        quartz = "";
        error = Check(expression);
        if (error.Length > 0)
        {
            return false;
        }

        var candidate = "0 " + string.Join(' ', expression!.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
        if (!CronExpression.TryParse(candidate, out _))
        {
            error = $"cron '{expression}' is not a valid schedule (Quartz could not read '{candidate}')";
            return false;
        }

        quartz = candidate;
        return true;
    }

    private static string Check(string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return "cron is empty; expected 6 fields: minutes hours day-of-month month day-of-week year, e.g. '0 0 1 * ? *'";
        }

        var parts = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != Fields.Length)
        {
            return $"cron '{expression}' has {parts.Length} field(s); EventBridge needs 6: minutes hours day-of-month month day-of-week year, e.g. '0 0 1 * ? *'";
        }

        for (var i = 0; i < parts.Length; i++)
        {
            if (CheckField(Fields[i], parts[i].ToUpperInvariant()) is { } problem)
            {
                return $"cron '{expression}': field {i + 1} ({Fields[i].Name}) '{parts[i]}' {problem}";
            }
        }

        var dayOfMonthOpen = parts[2] == "?";
        var dayOfWeekOpen = parts[4] == "?";
        if (dayOfMonthOpen == dayOfWeekOpen)
        {
            return dayOfMonthOpen
                ? $"cron '{expression}': day-of-month and day-of-week are both '?'; set exactly one of them"
                : $"cron '{expression}': day-of-month '{parts[2]}' and day-of-week '{parts[4]}' are both set; EventBridge needs '?' in one of them";
        }

        return "";
    }

    private static string? CheckField(Field field, string text)
    {
        if (text == "?")
        {
            return field.QuestionMark ? null : "cannot be '?' (only day-of-month or day-of-week can)";
        }

        foreach (var item in text.Split(','))
        {
            if (CheckItem(field, item) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? CheckItem(Field field, string item)
    {
        if (item.Length == 0)
        {
            return "has an empty list item";
        }

        if (field.Special && field.Name == "day-of-month" && (item is "L" or "LW" || (item.EndsWith('W') && IsValue(field, item[..^1]))))
        {
            return null;
        }

        if (field.Special && field.Name == "day-of-week")
        {
            if (item == "L" || (item.EndsWith('L') && IsValue(field, item[..^1])))
            {
                return null;
            }

            if (item.Split('#') is [var day, var nth])
            {
                return IsValue(field, day) && int.TryParse(nth, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 5
                    ? null
                    : "needs DAY#N with N from 1 to 5";
            }
        }

        var (range, step) = item.Split('/') switch
        {
            [var r] => (r, (string?)null),
            [var r, var s] => (r, s),
            _ => (item, "?"),
        };
        if (step is not null && (!int.TryParse(step, NumberStyles.None, CultureInfo.InvariantCulture, out var increment) || increment < 1))
        {
            return $"has a step that is not a positive whole number";
        }

        if (range == "*")
        {
            return null;
        }

        var bounds = range.Split('-');
        if (bounds.Length > 2 || bounds.Any(b => !IsValue(field, b)))
        {
            var names = field.Names.Count > 0 ? $" or {field.Names[0]}-{field.Names[^1]}" : "";
            return $"is outside {field.Min}-{field.Max}{names} (allowed: values, ranges a-b, lists a,b, steps */n{(field.Special ? ", L, W, #" : "")})";
        }

        return null;
    }

    private static bool IsValue(Field field, string text) =>
        field.Names.Contains(text, StringComparer.Ordinal)
        || (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= field.Min && value <= field.Max);
}
