using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;

namespace ExecReports.Tests.Core.Primitives;

public class PeriodTests
{
    [Fact]
    public void QuarterOfNovember2026IsQ4AndTheNextQuarterIsQ1Of2027()
    {
        var quarter = Period.Parse("2026-11").Quarter;

        Assert.Equal(new Quarter(2026, 4), quarter);
        Assert.Equal("Q4 2026", quarter.ToString());
        Assert.Equal("Q1 2027", quarter.Next().ToString());
        Assert.Equal("Q3 2026", quarter.Previous().ToString());
        Assert.Equal([Period.Parse("2026-10"), Period.Parse("2026-11"), Period.Parse("2026-12")], quarter.Months);
    }

    [Theory]
    [InlineData("2026-11", 1, "2026-12")]
    [InlineData("2026-12", 1, "2027-01")]
    [InlineData("2026-01", -1, "2025-12")]
    [InlineData("2026-03", -15, "2024-12")]
    [InlineData("2025-12", 11, "2026-11")]
    public void AddsMonthsAcrossYearEnds(string start, int months, string expected) =>
        Assert.Equal(expected, Period.Parse(start).AddMonths(months).ToString());

    [Fact]
    public void NextAndPreviousStepOneMonth()
    {
        var period = Period.Parse("2026-01");

        Assert.Equal("2026-02", period.Next().ToString());
        Assert.Equal("2025-12", period.Previous().ToString());
        Assert.Equal("2025-01", period.SameMonthLastYear().ToString());
    }

    [Fact]
    public void ComparesChronologicallyNotAlphabeticallyByMonthNumber()
    {
        Assert.True(Period.Parse("2025-12") < Period.Parse("2026-01"));
        Assert.True(Period.Parse("2026-10") > Period.Parse("2026-09"));
        Assert.Equal(11, Period.MonthsBetween(Period.Parse("2025-12"), Period.Parse("2026-11")));
        Assert.Equal(12, Period.Range(Period.Parse("2025-12"), Period.Parse("2026-11")).Count());
    }

    [Fact]
    public void KnowsItsFirstAndLastDay()
    {
        Assert.Equal(new DateOnly(2028, 2, 29), Period.Parse("2028-02").LastDay);
        Assert.Equal(new DateOnly(2026, 11, 1), Period.Parse("2026-11").FirstDay);
        Assert.True(Period.Parse("2026-11").Contains(new DateOnly(2026, 11, 30)));
        Assert.False(Period.Parse("2026-11").Contains(new DateOnly(2026, 12, 1)));
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("2026-1")]
    [InlineData("26-11")]
    [InlineData("2026/11")]
    [InlineData("2026-11-01")]
    [InlineData("")]
    [InlineData(null)]
    public void RejectsMalformedMonthText(string? text)
    {
        Assert.False(Period.TryParse(text, out _));
        if (text is not null)
        {
            Assert.Throws<FormatException>(() => Period.Parse(text));
        }
    }

    [Fact]
    public void DefaultPeriodIsUnset()
    {
        Assert.False(default(Period).IsSet);
        Assert.True(Period.Parse("2026-11").IsSet);
    }
}
