using System.Globalization;

namespace ExecReports.Core.Schedule;

// An EventBridge cron in words for the schedule page: "0 0 1 * ? *" is "at 00:00 on day 1 of every month".
// Covers what a monthly-report schedule uses (single times, lists, ranges, L, W, #); anything else is described as
// a custom schedule rather than guessed at.
public static class CronDescription
{
    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
    private static readonly string[] Ordinals = ["first", "second", "third", "fourth", "fifth"];

    public static string Describe(string? cron, string timeZone)
    {
        var parts = (cron ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 6 || Time(parts[0], parts[1]) is not { } time || Days(parts[2], parts[4]) is not { } days
            || Months(parts[3], dayOfMonthSet: parts[2] is not ("?" or "*")) is not { } months || Years(parts[5]) is not { } years)
        {
            return $"on a custom schedule ({timeZone})";
        }

        return $"at {time} {timeZone} {days}{months}{years}";
    }

    private static string? Time(string minutes, string hours) =>
        Number(minutes, 0, 59) is { } m && Number(hours, 0, 23) is { } h ? $"{h:00}:{m:00}" : null;

    private static string? Days(string dayOfMonth, string dayOfWeek)
    {
        if (dayOfMonth != "?")
        {
            return dayOfMonth switch
            {
                "*" => "every day",
                "L" => "on the last day",
                "LW" => "on the last weekday",
                _ when dayOfMonth.EndsWith('W') && Number(dayOfMonth[..^1], 1, 31) is { } near => $"on the weekday nearest day {near}",
                _ => List(dayOfMonth, d => Number(d, 1, 31)?.ToString(CultureInfo.InvariantCulture)) is { } list
                    ? $"on day{(dayOfMonth.Contains(',') || dayOfMonth.Contains('-') ? "s" : "")} {list}"
                    : null,
            };
        }

        var day = dayOfWeek.ToUpperInvariant();
        if (day == "*")
        {
            return "every day";
        }

        if (day.Split('#') is [var weekday, var nth] && Weekday(weekday) is { } name && Number(nth, 1, 5) is { } n)
        {
            return $"on the {Ordinals[n - 1]} {name}";
        }

        if (day.Length > 1 && day.EndsWith('L') && Weekday(day[..^1]) is { } last)
        {
            return $"on the last {last}";
        }

        return List(day, Weekday) is { } days ? $"every {days}" : null;
    }

    // "of every month" only reads right after a day of the month: "every Monday of every month" says nothing more.
    private static string? Months(string month, bool dayOfMonthSet) =>
        month == "*" ? (dayOfMonthSet ? " of every month" : "") : List(month.ToUpperInvariant(), MonthName) is { } list ? $" in {list}" : null;

    private static string? Years(string year) =>
        year == "*" ? "" : List(year, y => Number(y, 1970, 2199)?.ToString(CultureInfo.InvariantCulture)) is { } list ? $", {list} only" : null;

    // "1,4,7" -> "1, 4 and 7"; "MON-FRI" -> "Monday to Friday".
    private static string? List(string text, Func<string, string?> name)
    {
        var items = new List<string>();
        foreach (var item in text.Split(','))
        {
            var bounds = item.Split('-');
            var named = bounds.Select(name).ToList();
            if (bounds.Length > 2 || named.Any(n => n is null))
            {
                return null;
            }

            items.Add(string.Join(" to ", named));
        }

        return items.Count == 1 ? items[0] : string.Join(", ", items[..^1]) + " and " + items[^1];
    }

    private static string? Weekday(string text)
    {
        var index = Array.IndexOf(DayNames, text);
        if (index < 0 && Number(text, 1, 7) is { } n)
        {
            index = n - 1;
        }

        return index < 0 ? null : CultureInfo.InvariantCulture.DateTimeFormat.GetDayName((DayOfWeek)index);
    }

    private static string? MonthName(string text)
    {
        var index = Array.IndexOf(MonthNames, text);
        if (index < 0 && Number(text, 1, 12) is { } n)
        {
            index = n - 1;
        }

        return index < 0 ? null : CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(index + 1);
    }

    private static int? Number(string text, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max ? value : null;
}
