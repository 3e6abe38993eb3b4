using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ExecReports.Core.Close;

// An Editor's word that one entity's inputs for one month are final. Reopening deletes the row.
public sealed class MonthClose
{
    public long Id { get; set; }
    public required string EntityId { get; set; }
    public required string Period { get; set; }
    public required string ClosedBy { get; set; }
    public required DateTimeOffset ClosedAt { get; set; }
}

public enum SignoffKind { Approved, Released }

// An Admin's decision about a month's set: approval of exactly one content digest, or a release of a held month
// (send although not every entity is closed). Append-only; the latest of a kind counts.
public sealed class PeriodSignoff
{
    public long Id { get; set; }
    public required string Period { get; set; }
    public required SignoffKind Kind { get; set; }
    public required string Digest { get; set; }
    public required string By { get; set; }
    public required DateTimeOffset At { get; set; }
}

internal static class CloseModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        var instant = new DateTimeOffsetToBinaryConverter();
        modelBuilder.Entity<MonthClose>(e =>
        {
            e.ToTable("MonthCloses");
            e.HasKey(x => x.Id);
            e.Property(x => x.EntityId).HasMaxLength(100);
            e.Property(x => x.Period).HasMaxLength(7);
            e.Property(x => x.ClosedBy).HasMaxLength(256);
            e.Property(x => x.ClosedAt).HasConversion(instant);
            e.HasIndex(x => new { x.Period, x.EntityId }).IsUnique();
        });
        modelBuilder.Entity<PeriodSignoff>(e =>
        {
            e.ToTable("PeriodSignoffs");
            e.HasKey(x => x.Id);
            e.Property(x => x.Period).HasMaxLength(7);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Digest).HasMaxLength(64);
            e.Property(x => x.By).HasMaxLength(256);
            e.Property(x => x.At).HasConversion(instant);
            e.HasIndex(x => new { x.Period, x.Kind, x.Id });
        });
    }
}
