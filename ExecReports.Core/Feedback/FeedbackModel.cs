using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ExecReports.Core.Feedback;

public enum FeedbackSource { App, Email }

public enum ActionStatus { Open, InProgress, Done, WontDo }

// Discarded: only ever set by an Admin on a quarantined reply, never by a poll.
public enum MessageOutcome { Annotated, Action, Resolved, Quarantined, Duplicate, Discarded }

// A note on one report of one period, anchored to a section, a line of the archived text and/or a figure (metric id).
public sealed class ReportAnnotation
{
    public long Id { get; set; }
    public required string Role { get; set; }
    public required string Period { get; set; }

    // The dispatch item the reply answered (email), or null for a note on a preview.
    public long? DispatchItemId { get; set; }
    public string? Section { get; set; }

    // 1-based line of the archived .txt the anchor was found on.
    public int? Line { get; set; }
    public string? MetricId { get; set; }
    public string? QuotedText { get; set; }
    public required string Text { get; set; }
    public required string Author { get; set; }
    public required FeedbackSource Source { get; set; }
    public required DateTimeOffset At { get; set; }
}

public sealed class ActionItem
{
    public long Id { get; set; }
    public required string Title { get; set; }
    public required ActionStatus Status { get; set; }

    // A user's email or an executive role id (cfo, ceo, …).
    public string? Owner { get; set; }
    public DateOnly? Due { get; set; }
    public string? Entity { get; set; }
    public required string Role { get; set; }
    public required string Period { get; set; }
    public long? AnnotationId { get; set; }
    public required FeedbackSource Source { get; set; }
    public required string CreatedBy { get; set; }
    public required DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public List<ActionItemChange> History { get; set; } = [];

    public bool IsClosed => Status is ActionStatus.Done or ActionStatus.WontDo;
}

// Append-only: every change to an item, who made it and what it was.
public sealed class ActionItemChange
{
    public long Id { get; set; }
    public long ActionItemId { get; set; }
    public required DateTimeOffset At { get; set; }
    public required string By { get; set; }
    public required string Change { get; set; }
    public string? Note { get; set; }
}

// One row per inbound message ever looked at, so none is taken twice (by Message-ID and by source key).
public sealed class FeedbackMessage
{
    public long Id { get; set; }
    public required string MessageId { get; set; }
    public required string SourceKey { get; set; }
    public required string From { get; set; }
    public string? Role { get; set; }
    public string? Period { get; set; }
    public required MessageOutcome Outcome { get; set; }

    // Why it was quarantined, and the SPF/DKIM/DMARC verdicts the receiving server recorded.
    public string? Reason { get; set; }
    public string? Authentication { get; set; }
    public string? Subject { get; set; }
    public string? Text { get; set; }
    public long? AnnotationId { get; set; }
    public required DateTimeOffset ReceivedAt { get; set; }
}

internal static class FeedbackModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        var instant = new DateTimeOffsetToBinaryConverter();
        modelBuilder.Entity<ReportAnnotation>(e =>
        {
            e.ToTable("FeedbackAnnotations");
            e.HasKey(x => x.Id);
            e.Property(x => x.Role).HasMaxLength(50);
            e.Property(x => x.Period).HasMaxLength(7);
            e.Property(x => x.Section).HasMaxLength(200);
            e.Property(x => x.MetricId).HasMaxLength(200);
            e.Property(x => x.QuotedText).HasMaxLength(2000);
            e.Property(x => x.Author).HasMaxLength(320);
            e.Property(x => x.Source).HasConversion<string>().HasMaxLength(10);
            e.Property(x => x.At).HasConversion(instant);
            e.HasIndex(x => new { x.Role, x.Period });
        });

        modelBuilder.Entity<ActionItem>(e =>
        {
            e.ToTable("FeedbackActionItems");
            e.HasKey(x => x.Id);
            e.Property(x => x.Title).HasMaxLength(500);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Owner).HasMaxLength(320);
            e.Property(x => x.Entity).HasMaxLength(100);
            e.Property(x => x.Role).HasMaxLength(50);
            e.Property(x => x.Period).HasMaxLength(7);
            e.Property(x => x.Source).HasConversion<string>().HasMaxLength(10);
            e.Property(x => x.CreatedBy).HasMaxLength(320);
            e.Property(x => x.CreatedAt).HasConversion(instant);
            e.Property(x => x.ClosedAt).HasConversion(instant);
            e.Ignore(x => x.IsClosed);
            e.HasIndex(x => x.Status);
            e.HasMany(x => x.History).WithOne().HasForeignKey(x => x.ActionItemId);
        });

        modelBuilder.Entity<ActionItemChange>(e =>
        {
            e.ToTable("FeedbackActionItemChanges");
            e.HasKey(x => x.Id);
            e.Property(x => x.By).HasMaxLength(320);
            e.Property(x => x.Change).HasMaxLength(500);
            e.Property(x => x.At).HasConversion(instant);
            e.HasIndex(x => new { x.ActionItemId, x.Id });
        });

        modelBuilder.Entity<FeedbackMessage>(e =>
        {
            e.ToTable("FeedbackMessages");
            e.HasKey(x => x.Id);
            e.Property(x => x.MessageId).HasMaxLength(1000);
            e.Property(x => x.SourceKey).HasMaxLength(1100);
            e.Property(x => x.From).HasMaxLength(320);
            e.Property(x => x.Role).HasMaxLength(50);
            e.Property(x => x.Period).HasMaxLength(7);
            e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Reason).HasMaxLength(500);
            e.Property(x => x.Authentication).HasMaxLength(500);
            e.Property(x => x.Subject).HasMaxLength(1000);
            e.Property(x => x.ReceivedAt).HasConversion(instant);
            e.HasIndex(x => x.MessageId);
            e.HasIndex(x => x.SourceKey).IsUnique();
        });
    }
}
