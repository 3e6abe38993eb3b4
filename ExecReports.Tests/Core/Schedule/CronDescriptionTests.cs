using ExecReports.Core.Schedule;

namespace ExecReports.Tests.Core.Schedule;

public class CronDescriptionTests
{
    [Theory]
    [InlineData("0 0 1 * ? *", "at 00:00 UTC on day 1 of every month")]
    [InlineData("30 6 2 * ? *", "at 06:30 UTC on day 2 of every month")]
    [InlineData("0 9 1,15 * ? *", "at 09:00 UTC on days 1 and 15 of every month")]
    [InlineData("0 8 L * ? *", "at 08:00 UTC on the last day of every month")]
    [InlineData("0 8 3W * ? *", "at 08:00 UTC on the weekday nearest day 3 of every month")]
    [InlineData("0 7 ? * MON-FRI *", "at 07:00 UTC every Monday to Friday")]
    [InlineData("0 7 ? * 2#1 *", "at 07:00 UTC on the first Monday")]
    [InlineData("0 7 ? * FRIL *", "at 07:00 UTC on the last Friday")]
    [InlineData("0 0 1 1,4,7,10 ? *", "at 00:00 UTC on day 1 in January, April, July and October")]
    [InlineData("0 0 1 * ? 2027", "at 00:00 UTC on day 1 of every month, 2027 only")]
    public void DescribesTheScheduleInWords(string cron, string expected) =>
        Assert.Equal(expected, CronDescription.Describe(cron, "UTC"));

    [Theory]
    [InlineData("*/15 * * * ? *")]
    [InlineData("0 0 1 * ?")]
    [InlineData("")]
    public void CallsAnythingItCannotReadACustomScheduleRatherThanGuessing(string cron) =>
        Assert.Equal("on a custom schedule (UTC)", CronDescription.Describe(cron, "UTC"));
}
