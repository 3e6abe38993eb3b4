using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ExecReports.Core.Schedule;

public enum RunTrigger { Schedule, Manual }

public enum RunOutcome
{
    Running,
    Sent,
    // Validation found errors: nothing was sent and an alert went out.
    Blocked,
    // The period was already handled; a second run for it does nothing.
    Skipped,
    Failed,
    // The month is not ready (entities not closed, or not approved): nothing sent, checked again every
    // Schedule:ReadinessCheckMinutes until it is ready or an Admin releases it.
    Held,
    // The run went through and every report was unchanged since it was sent: nothing sent, nothing owed.
    Unchanged,
}

// One attempt at the whole chain for a period: generate → validate → archive → send.
public sealed class ScheduleRun
{
    public int Id { get; set; }
    public required string Period { get; set; }
    public required RunTrigger Trigger { get; set; }
    // The cron fire time this run answers; null for "run now".
    public DateTimeOffset? ScheduledFor { get; set; }
    public required DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public required RunOutcome Outcome { get; set; }
    public required string StartedBy { get; set; }
    public string Detail { get; set; } = "";
}

// The schedule's own state, one row: when it began (no catch-up or alarm for fire times before that) and pause.
public sealed class ScheduleState
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public required DateTimeOffset Since { get; set; }
    public bool Paused { get; set; }
    public string? ChangedBy { get; set; }
    public DateTimeOffset? ChangedAt { get; set; }
}

// An alarm that has been mailed, so each missed or unfinished run is announced once.
public sealed class ScheduleAlarmSent
{
    public required string Key { get; set; }
    public required DateTimeOffset SentAt { get; set; }
    public required string Message { get; set; }
}

public static class ScheduleModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        // SQLite cannot compare DateTimeOffset in SQL; stored as ticks it can.
        var instant = new DateTimeOffsetToBinaryConverter();
        modelBuilder.Entity<ScheduleRun>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Period).HasMaxLength(7);
            e.Property(x => x.Trigger).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.StartedBy).HasMaxLength(200);
            e.Property(x => x.ScheduledFor).HasConversion(instant);
            e.Property(x => x.StartedAt).HasConversion(instant);
            e.Property(x => x.FinishedAt).HasConversion(instant);
            e.HasIndex(x => x.Period);
            e.HasIndex(x => x.StartedAt);
        });
        modelBuilder.Entity<ScheduleState>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Since).HasConversion(instant);
            e.Property(x => x.ChangedAt).HasConversion(instant);
            e.Property(x => x.ChangedBy).HasMaxLength(200);
        });
        modelBuilder.Entity<ScheduleAlarmSent>(e =>
        {
            e.HasKey(x => x.Key);
            e.Property(x => x.Key).HasMaxLength(100);
            e.Property(x => x.SentAt).HasConversion(instant);
        });
    }
}
