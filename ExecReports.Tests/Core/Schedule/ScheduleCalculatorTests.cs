using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Core.Schedule;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ExecReports.Tests.Core.Schedule;

public class ScheduleCalculatorTests
{
    private static readonly DateTimeOffset November25 = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    internal static ScheduleCalculator Calculator(TimeProvider clock, string cron = "0 0 1 * ? *", string zone = "UTC", PeriodRule rule = PeriodRule.PreviousMonth) =>
        new(Options.Create(new ScheduleOptions { Cron = cron, TimeZone = zone, PeriodRule = rule }), clock);

    [Fact]
    public void DefaultScheduleFiresOnTheFirstOfEachMonthAtMidnightUtc()
    {
        var calculator = Calculator(new FakeTimeProvider(November25));

        Assert.Equal(
            [new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.Zero)],
            calculator.NextFireTimes(3));
    }

    [Fact]
    public void NextFireTimesFollowTheClock()
    {
        var clock = new FakeTimeProvider(November25);
        var calculator = Calculator(clock);
        clock.Advance(TimeSpan.FromDays(10));

        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), calculator.NextFireTimes(1)[0]);
    }

    [Fact]
    public void ReadsTheHoursInTheConfiguredTimeZone()
    {
        var calculator = Calculator(new FakeTimeProvider(November25), "0 6 1 * ? *", "America/Los_Angeles");

        // 06:00 Pacific Standard Time is 14:00 UTC in December; in July (daylight time) it is 13:00 UTC.
        var times = calculator.NextFireTimes(8);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 14, 0, 0, TimeSpan.Zero), times[0]);
        Assert.Equal(new DateTimeOffset(2027, 7, 1, 13, 0, 0, TimeSpan.Zero), times[7]);
    }

    [Fact]
    public void ThePeriodIsTheMonthThatJustEndedOnTheSchedulesOwnWallClock()
    {
        var utc = Calculator(new FakeTimeProvider(November25));
        var pacific = Calculator(new FakeTimeProvider(November25), zone: "America/Los_Angeles");
        var current = Calculator(new FakeTimeProvider(November25), rule: PeriodRule.CurrentMonth);
        var december1Utc = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(Period.Parse("2026-11"), utc.PeriodFor(december1Utc));
        // Still 30 November 16:00 in Los Angeles: the month that just ended there is October.
        Assert.Equal(Period.Parse("2026-10"), pacific.PeriodFor(december1Utc));
        Assert.Equal(Period.Parse("2026-12"), current.PeriodFor(december1Utc));
    }

    [Fact]
    public void FindsTheLatestFireTimeAtOrBeforeAnInstant()
    {
        var calculator = Calculator(new FakeTimeProvider(November25));

        Assert.Equal(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), calculator.LastFireTimeAtOrBefore(November25));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), calculator.LastFireTimeAtOrBefore(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
            Calculator(new FakeTimeProvider(November25), "0 0 1 1 ? *").LastFireTimeAtOrBefore(November25));
    }

    [Theory]
    [InlineData("0 0 1 * * *", "UTC", "Schedule:Cron — cron '0 0 1 * * *': day-of-month '1' and day-of-week '*' are both set")]
    [InlineData("0 0 1 * ? *", "Mars/Olympus_Mons", "Schedule:TimeZone — 'Mars/Olympus_Mons' is not a known time zone id")]
    public void StartUpValidationRejectsABadScheduleWithAClearMessage(string cron, string zone, string expected)
    {
        var result = new ScheduleOptionsValidator().Validate(null, new ScheduleOptions { Cron = cron, TimeZone = zone });

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }
}
