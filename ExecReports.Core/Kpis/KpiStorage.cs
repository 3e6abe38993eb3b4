using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ExecReports.Core.Kpis;

// The current document for one entity and month.
public sealed class KpiRecord
{
    public long Id { get; set; }
    public required string EntityId { get; set; }

    // "YYYY-MM" text so ranges compare in SQL.
    public required string Period { get; set; }
    public required string Json { get; set; }
    public required DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }

    // SQLite has no rowversion; a counter bumped on every save detects lost updates.
    public int Version { get; set; }
}

// Append-only: one row per changed field. Triggers in the migration refuse UPDATE and DELETE.
public sealed record KpiEdit
{
    public long Id { get; init; }
    public required string EntityId { get; init; }
    public required string Period { get; init; }
    public required DateTimeOffset At { get; init; }
    public required string By { get; init; }
    public required string FieldPath { get; init; }
    public string? OldValue { get; init; }
    public string? NewValue { get; init; }
}

internal static class KpiModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        // SQLite cannot compare DateTimeOffset in SQL; stored as ticks it can (ORDER BY, MAX).
        var instant = new DateTimeOffsetToBinaryConverter();

        modelBuilder.Entity<KpiRecord>(e =>
        {
            e.ToTable("KpiRecords");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.EntityId, x.Period }).IsUnique();
            e.HasIndex(x => x.Period);
            e.Property(x => x.EntityId).HasMaxLength(100);
            e.Property(x => x.Period).HasMaxLength(7);
            e.Property(x => x.UpdatedBy).HasMaxLength(256);
            e.Property(x => x.UpdatedAt).HasConversion(instant);
            e.Property(x => x.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<KpiEdit>(e =>
        {
            e.ToTable("KpiEdits");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.EntityId, x.Period, x.Id });
            e.Property(x => x.EntityId).HasMaxLength(100);
            e.Property(x => x.Period).HasMaxLength(7);
            e.Property(x => x.By).HasMaxLength(256);
            e.Property(x => x.FieldPath).HasMaxLength(500);
            e.Property(x => x.At).HasConversion(instant);
        });
    }
}
