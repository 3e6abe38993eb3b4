using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ExecReports.Core.Primitives;

// A calendar month, written "YYYY-MM". default(Period) is deliberately invalid (month 0) so an unset
// period is caught by validation instead of passing as year 1.
[JsonConverter(typeof(PeriodJsonConverter))]
public readonly record struct Period : IComparable<Period>, IParsable<Period>
{
    public const int MinYear = 1;
    public const int MaxYear = 9999;

    public Period(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        Year = year;
        Month = month;
    }

    public int Year { get; }
    public int Month { get; }

    public bool IsSet => Month != 0;

    public DateOnly FirstDay => new(Year, Month, 1);
    public DateOnly LastDay => new(Year, Month, DaysInMonth);
    public int DaysInMonth => DateTime.DaysInMonth(Year, Month);
    public Quarter Quarter => new(Year, (Month - 1) / 3 + 1);

    public static Period Of(DateOnly date) => new(date.Year, date.Month);
    public static Period Of(DateTimeOffset instant) => new(instant.Year, instant.Month);

    public Period AddMonths(int months)
    {
        var index = Year * 12 + (Month - 1) + months;
        return new Period(index / 12, index % 12 + 1);
    }

    public Period Previous() => AddMonths(-1);
    public Period Next() => AddMonths(1);
    public Period SameMonthLastYear() => AddMonths(-12);

    public bool Contains(DateOnly date) => date.Year == Year && date.Month == Month;

    // Positive when `to` is later: 2026-01 minus 2025-11 is 2.
    public static int MonthsBetween(Period from, Period to) => (to.Year * 12 + to.Month) - (from.Year * 12 + from.Month);

    // Inclusive at both ends; empty when `to` is before `from`.
    public static IEnumerable<Period> Range(Period from, Period to)
    {
        for (var p = from; p <= to; p = p.Next())
        {
            yield return p;
        }
    }

    public static Period Parse(string s) =>
        TryParse(s, null, out var period)
            ? period
            : throw new FormatException($"'{s}' is not a month in the form YYYY-MM (e.g. 2026-11).");

    // The format is culture-free, so the provider overload stays on the interface only (callers need no culture).
    static Period IParsable<Period>.Parse(string s, IFormatProvider? provider) => Parse(s);

    public static bool TryParse([NotNullWhen(true)] string? s, out Period result) => TryParse(s, null, out result);

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Period result)
    {
        result = default;
        if (s is null || s.Length != 7 || s[4] != '-'
            || !int.TryParse(s.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(s.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || year < MinYear || month is < 1 or > 12)
        {
            return false;
        }

        result = new Period(year, month);
        return true;
    }

    public int CompareTo(Period other) => (Year, Month).CompareTo((other.Year, other.Month));

    public static bool operator <(Period left, Period right) => left.CompareTo(right) < 0;
    public static bool operator >(Period left, Period right) => left.CompareTo(right) > 0;
    public static bool operator <=(Period left, Period right) => left.CompareTo(right) <= 0;
    public static bool operator >=(Period left, Period right) => left.CompareTo(right) >= 0;

    public override string ToString() => IsSet ? $"{Year:D4}-{Month:D2}" : "(unset)";
}

// "Q4 2026". Reports compare quarter-to-date figures and targets "through Q4 2026".
public readonly record struct Quarter : IComparable<Quarter>
{
    public Quarter(int year, int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 4);
        Year = year;
        Number = number;
    }

    public int Year { get; }
    public int Number { get; }

    public Period FirstMonth => new(Year, (Number - 1) * 3 + 1);
    public Period LastMonth => FirstMonth.AddMonths(2);
    public IReadOnlyList<Period> Months => [FirstMonth, FirstMonth.Next(), LastMonth];

    public Quarter Next() => FirstMonth.AddMonths(3).Quarter;
    public Quarter Previous() => FirstMonth.AddMonths(-3).Quarter;
    public bool Contains(Period period) => period.Quarter == this;

    public int CompareTo(Quarter other) => (Year, Number).CompareTo((other.Year, other.Number));

    public static bool operator <(Quarter left, Quarter right) => left.CompareTo(right) < 0;
    public static bool operator >(Quarter left, Quarter right) => left.CompareTo(right) > 0;
    public static bool operator <=(Quarter left, Quarter right) => left.CompareTo(right) <= 0;
    public static bool operator >=(Quarter left, Quarter right) => left.CompareTo(right) >= 0;

    public override string ToString() => $"Q{Number} {Year}";
}

public sealed class PeriodJsonConverter : JsonConverter<Period>
{
    public override Period Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return Period.TryParse(text, out var period)
            ? period
            : throw new JsonException($"must be a month in the form YYYY-MM (e.g. 2026-11), not {(text is null ? reader.TokenType.ToString() : $"'{text}'")}.");
    }

    public override void Write(Utf8JsonWriter writer, Period value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
