using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ExecReports.Core.Alerts;

// Archive: a file that no longer matches its recorded hash (recorded by ArchiveIndex, not mailed yet).
public enum AlertSource { Dispatch, Schedule, Archive }

// One row per alert, whoever raised it: shown as a banner until resolved (a dispatch item that later succeeds resolves
// its own). Dispatch alerts name their batch and item; schedule alerts only their period.
public sealed class Alert
{
    public long Id { get; set; }
    public required AlertSource Source { get; set; }
    public long? BatchId { get; set; }
    public long? ItemId { get; set; }
    public string? Role { get; set; }
    public required string Period { get; set; }
    public required DateTimeOffset At { get; set; }

    // The banner's line; Detail is the mail's body.
    public required string Message { get; set; }
    public string? Detail { get; set; }
    public string? Hint { get; set; }
    public bool Mailed { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
}

internal static class AlertModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        var instant = new DateTimeOffsetToBinaryConverter();
        modelBuilder.Entity<Alert>(e =>
        {
            // The table keeps the name it had when only dispatch raised alerts.
            e.ToTable("DispatchAlerts");
            e.HasKey(x => x.Id);
            e.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Role).HasMaxLength(50);
            e.Property(x => x.Period).HasMaxLength(7);
            e.Property(x => x.At).HasConversion(instant);
            e.Property(x => x.ResolvedAt).HasConversion(instant);
            e.HasIndex(x => new { x.ResolvedAt, x.Id });
        });
    }
}
