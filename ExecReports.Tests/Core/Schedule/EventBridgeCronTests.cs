using ExecReports.Core.Schedule;

namespace ExecReports.Tests.Core.Schedule;

public class EventBridgeCronTests
{
    [Theory]
    [InlineData("0 0 1 * ? *", "0 0 0 1 * ? *")]
    [InlineData("30 8 ? * MON-FRI *", "0 30 8 ? * MON-FRI *")]
    [InlineData("0 6 L * ? 2027", "0 0 6 L * ? 2027")]
    [InlineData("0/15 * ? * 2#1 *", "0 0/15 * ? * 2#1 *")]
    [InlineData("0 0 1 jan,jul ? *", "0 0 0 1 JAN,JUL ? *")]
    public void ConvertsEventBridgeToQuartzByPrependingSeconds(string eventBridge, string quartz) =>
        Assert.Equal(quartz, EventBridgeCron.ToQuartz(eventBridge));

    [Theory]
    [InlineData("0 0 1 * ?", "has 5 field(s); EventBridge needs 6")]
    [InlineData("0 0 0 1 * ? *", "has 7 field(s); EventBridge needs 6")]
    [InlineData("", "cron is empty")]
    [InlineData("0 25 1 * ? *", "field 2 (hours) '25' is outside 0-23")]
    [InlineData("60 0 1 * ? *", "field 1 (minutes) '60' is outside 0-59")]
    [InlineData("0 0 32 * ? *", "field 3 (day-of-month) '32' is outside 1-31")]
    [InlineData("0 0 1 13 ? *", "field 4 (month) '13' is outside 1-12")]
    [InlineData("0 0 ? * 8 *", "field 5 (day-of-week) '8' is outside 1-7")]
    [InlineData("0 0 1 * ? 1969", "field 6 (year) '1969' is outside 1970-2199")]
    [InlineData("? 0 1 * ? *", "field 1 (minutes) '?' cannot be '?'")]
    [InlineData("0 0 1 * * *", "day-of-month '1' and day-of-week '*' are both set")]
    [InlineData("0 0 ? * ? *", "day-of-month and day-of-week are both '?'")]
    [InlineData("0/0 0 1 * ? *", "field 1 (minutes) '0/0' has a step that is not a positive whole number")]
    public void RejectsInvalidExpressionsNamingTheField(string expression, string expected)
    {
        Assert.False(EventBridgeCron.TryToQuartz(expression, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Throws<CronFormatException>(() => EventBridgeCron.ToQuartz(expression));
    }
}
