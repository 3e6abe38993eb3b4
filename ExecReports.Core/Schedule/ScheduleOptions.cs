using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ExecReports.Core.Schedule;

public enum PeriodRule { PreviousMonth, CurrentMonth }

// "Schedule": { "Enabled": true, "Cron": "0 0 1 * ? *", "TimeZone": "UTC", "PeriodRule": "PreviousMonth", "AlarmGraceMinutes": 60 }
public sealed class ScheduleOptions
{
    public const string SectionName = "Schedule";

    public bool Enabled { get; init; } = true;

    // AWS EventBridge syntax, six fields: minutes hours day-of-month month day-of-week year.
    [Required]
    public required string Cron { get; init; }

    // An IANA or Windows id; the cron's hours are read in this zone.
    [Required]
    public required string TimeZone { get; init; }

    public PeriodRule PeriodRule { get; init; } = PeriodRule.PreviousMonth;

    // How long after a fire time a run may still be starting or finishing before the alarm goes off.
    [Range(1, 7 * 24 * 60)]
    public int AlarmGraceMinutes { get; init; } = 60;

    // A month is sent (by the schedule, Send or the CLI) only once every entity's inputs are closed, or an Admin released it.
    public bool RequireClosedMonths { get; init; } = true;

    // How often a held run checks again whether its month is ready.
    [Range(1, 7 * 24 * 60)]
    public int ReadinessCheckMinutes { get; init; } = 60;
}

// Runs at start-up (ValidateOnStart), so a bad expression stops the app with the field named.
public sealed class ScheduleOptionsValidator : IValidateOptions<ScheduleOptions>
{
    public ValidateOptionsResult Validate(string? name, ScheduleOptions options)
    {
        var failures = new List<string>();
        if (!EventBridgeCron.TryToQuartz(options.Cron, out _, out var error))
        {
            failures.Add($"Schedule:Cron — {error}");
        }

        if (!ScheduleCalculator.TryFindTimeZone(options.TimeZone, out _))
        {
            failures.Add($"Schedule:TimeZone — '{options.TimeZone}' is not a known time zone id (use e.g. 'UTC' or 'America/Los_Angeles')");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
