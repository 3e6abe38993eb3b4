using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ExecReports.Core.Dispatch;

public enum DispatchTrigger { Manual, Cli, Schedule }

// Unchanged: the same content already reached the same recipients. Skipped: another batch is sending it right now.
public enum ItemStatus { Queued, Sending, Sent, Failed, Skipped, Unchanged }

public enum AttemptStep { Mail, Archive }

public enum FailureKind { None, Transient, Permanent }

// One click (or CLI run, or schedule tick) for one period. Its items are written before anything is sent.
public sealed class DispatchBatch
{
    public long Id { get; set; }
    public required string Period { get; set; }
    public required DispatchTrigger Trigger { get; set; }
    public required string RequestedBy { get; set; }
    public required DateTimeOffset CreatedAt { get; set; }
    public bool IsResend { get; set; }
    public long? ResendOfBatchId { get; set; }
    public required string ValidationSummary { get; set; }
    public List<DispatchItem> Items { get; set; } = [];
}

// One report to one recipient set. Bodies are stored as validated so a resume or resend sends exactly them.
public sealed class DispatchItem
{
    public long Id { get; set; }
    public long BatchId { get; set; }
    public DispatchBatch? Batch { get; set; }
    public required string Period { get; set; }
    public required string Role { get; set; }
    public required string RoleTitle { get; set; }

    // Newline-separated: an address can hold a comma in its display name, never a line break (validated).
    public required string ToAddresses { get; set; }
    public required string BccAddresses { get; set; }

    // Role + normalised recipients: what "the same report to the same people" means for idempotency.
    public required string RecipientKey { get; set; }
    public required string Subject { get; set; }
    public required string ContentDigest { get; set; }
    public required string TextBody { get; set; }
    public required string HtmlBody { get; set; }
    public required string MarkdownBody { get; set; }

    // ReportFiles.Describe(report) as JSON; the archived .json adds the dispatch facts to it.
    public required string ReportJson { get; set; }

    // Chosen before the first send and reused on every retry, so a copy that did get through carries the same id.
    public required string MessageId { get; set; }

    public ItemStatus Status { get; set; }
    public FailureKind Failure { get; set; }
    public string? LastError { get; set; }
    public string? Hint { get; set; }
    public long? AlreadySentInBatchId { get; set; }
    public long? ResendOfItemId { get; set; }

    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseExpiresAt { get; set; }
    public int Claims { get; set; }

    public DateTimeOffset? MailedAt { get; set; }
    public string? Reply { get; set; }
    public string? ArchiveStem { get; set; }
    public DateTimeOffset? ArchivedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }

    public List<DispatchAttempt> Attempts { get; set; } = [];

    public IReadOnlyList<string> To => Split(ToAddresses);
    public IReadOnlyList<string> Bcc => Split(BccAddresses);

    private static string[] Split(string addresses) => addresses.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

// Append-only record of every SMTP attempt and archive attempt of an item.
public sealed class DispatchAttempt
{
    public long Id { get; set; }
    public long ItemId { get; set; }
    public required AttemptStep Step { get; set; }
    public required int Number { get; set; }
    public required DateTimeOffset At { get; set; }
    public int? StatusCode { get; set; }
    public required string Detail { get; set; }
    public required FailureKind Failure { get; set; }
    public string? Hint { get; set; }
    public string? MessageId { get; set; }
    public string? Node { get; set; }

    public bool Succeeded => Failure == FailureKind.None;
}

internal static class DispatchModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        // Stored as ticks so SQLite can compare instants in SQL (lease expiry in the claim's WHERE).
        var instant = new DateTimeOffsetToBinaryConverter();

        modelBuilder.Entity<DispatchBatch>(e =>
        {
            e.ToTable("DispatchBatches");
            e.HasKey(x => x.Id);
            e.Property(x => x.Period).HasMaxLength(7);
            e.Property(x => x.Trigger).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.RequestedBy).HasMaxLength(256);
            e.Property(x => x.CreatedAt).HasConversion(instant);
            e.HasIndex(x => x.Period);
            e.HasMany(x => x.Items).WithOne(x => x.Batch).HasForeignKey(x => x.BatchId);
        });

        modelBuilder.Entity<DispatchItem>(e =>
        {
            e.ToTable("DispatchItems");
            e.HasKey(x => x.Id);
            e.Property(x => x.Period).HasMaxLength(7);
            e.Property(x => x.Role).HasMaxLength(50);
            e.Property(x => x.RecipientKey).HasMaxLength(4000);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Failure).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.MessageId).HasMaxLength(500);
            // A save by a process whose lease was taken over fails instead of overwriting the new owner's work.
            e.Property(x => x.LeaseOwner).HasMaxLength(200).IsConcurrencyToken();
            e.Property(x => x.LeaseExpiresAt).HasConversion(instant);
            e.Property(x => x.MailedAt).HasConversion(instant);
            e.Property(x => x.ArchivedAt).HasConversion(instant);
            e.Property(x => x.SentAt).HasConversion(instant);
            e.Ignore(x => x.To);
            e.Ignore(x => x.Bcc);
            e.HasIndex(x => new { x.Period, x.Role, x.Status });
            e.HasIndex(x => x.Status);
            e.HasMany(x => x.Attempts).WithOne().HasForeignKey(x => x.ItemId);
        });

        modelBuilder.Entity<DispatchAttempt>(e =>
        {
            e.ToTable("DispatchAttempts");
            e.HasKey(x => x.Id);
            e.Property(x => x.Step).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Failure).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.At).HasConversion(instant);
            e.Property(x => x.Node).HasMaxLength(200);
            e.Ignore(x => x.Succeeded);
            e.HasIndex(x => new { x.ItemId, x.Id });
        });
    }
}
