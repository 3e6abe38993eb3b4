using ExecReports.Core.Alerts;
using ExecReports.Core.Archive;
using ExecReports.Core.Close;
using ExecReports.Core.Dispatch;
using ExecReports.Core.Feedback;
using ExecReports.Core.Kpis;
using ExecReports.Core.Schedule;
using Microsoft.EntityFrameworkCore;

namespace ExecReports.Core.Data;

// The SQLite context. PostgresAppDbContext derives from it only so each provider has its own migrations;
// the model is the same (instants are stored as ticks on both, so ordering and lease expiry compare integers).
public class AppDbContext : DbContext
{
    public AppDbContext(DbContextOptions<AppDbContext> options) : base(options)
    {
    }

    protected AppDbContext(DbContextOptions options) : base(options)
    {
    }

    public DbSet<SeedRun> SeedRuns => Set<SeedRun>();
    public DbSet<KpiRecord> KpiRecords => Set<KpiRecord>();
    public DbSet<KpiEdit> KpiEdits => Set<KpiEdit>();
    public DbSet<ScheduleRun> ScheduleRuns => Set<ScheduleRun>();
    public DbSet<ScheduleState> ScheduleStates => Set<ScheduleState>();
    public DbSet<ScheduleAlarmSent> ScheduleAlarmsSent => Set<ScheduleAlarmSent>();
    public DbSet<DispatchBatch> DispatchBatches => Set<DispatchBatch>();
    public DbSet<DispatchItem> DispatchItems => Set<DispatchItem>();
    public DbSet<DispatchAttempt> DispatchAttempts => Set<DispatchAttempt>();
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<ArchiveIndexEntry> ArchiveIndex => Set<ArchiveIndexEntry>();
    public DbSet<MonthClose> MonthCloses => Set<MonthClose>();
    public DbSet<PeriodSignoff> PeriodSignoffs => Set<PeriodSignoff>();
    public DbSet<ReportAnnotation> Annotations => Set<ReportAnnotation>();
    public DbSet<ActionItem> ActionItems => Set<ActionItem>();
    public DbSet<FeedbackMessage> FeedbackMessages => Set<FeedbackMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SeedRun>(e =>
        {
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(100);
        });
        KpiModel.Configure(modelBuilder);
        ScheduleModel.Configure(modelBuilder);
        DispatchModel.Configure(modelBuilder);
        AlertModel.Configure(modelBuilder);
        ArchiveIndexModel.Configure(modelBuilder);
        CloseModel.Configure(modelBuilder);
        FeedbackModel.Configure(modelBuilder);
    }
}

// One row per seed step that has run, so sample data is loaded once and never over a user's edits.
public sealed class SeedRun
{
    public required string Name { get; set; }
    public required DateTimeOffset RanAt { get; set; }
}
