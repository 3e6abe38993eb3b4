using ExecReports.Core.Presentation;
using ExecReports.Core.Primitives;

namespace ExecReports.Tests.Core.Presentation;

public class HumanTimeTests
{
    [Fact]
    public void WritesAFireTimeWithTheMonthItCovers()
    {
        var fire = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal("Fri 1 Jan 2027, 00:00 UTC · covers December 2026", HumanTime.Covering(fire, new Period(2026, 12)));
    }

    [Fact]
    public void ShowsAnInstantWithAnOffsetInUtc()
    {
        // 17:25 in San Diego (UTC-8) on 30 Nov is 01:25 UTC on Tue 1 Dec.
        var local = new DateTimeOffset(2026, 11, 30, 17, 25, 0, TimeSpan.FromHours(-8));

        Assert.Equal("Tue 1 Dec 2026, 01:25 UTC", HumanTime.Instant(local));
    }

    [Fact]
    public void WritesDaysAndMonthsInEnglishWhateverTheServerCulture()
    {
        var before = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            Assert.Equal("Mon 30 Nov 2026", HumanTime.Day(new DateOnly(2026, 11, 30)));
            Assert.Equal("February 2027", HumanTime.Month(new Period(2027, 2)));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = before;
        }
    }

    [Fact]
    public void ShowsADashForAMissingValue()
    {
        Assert.Equal("—", HumanTime.Instant((DateTimeOffset?)null));
        Assert.Equal("unknown", HumanTime.Day((DateOnly?)null, "unknown"));
    }
}
