using ExecReports.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ExecReports.Core.Feedback;

public sealed record NewAnnotation(string Role, string Period, string Text)
{
    public string? Section { get; init; }
    public int? Line { get; init; }
    public string? MetricId { get; init; }
    public string? QuotedText { get; init; }
}

public sealed record AnnotationFilter(string? Role = null, string? Period = null, string? Author = null);

public sealed record QuarantineResult(bool Ok, string Message, ReportAnnotation? Annotation);

// Notes made in the app on a report preview. Who may write one is decided here, not by the page alone.
public sealed class Annotations(AppDbContext db, FeedbackText cleaner, FeedbackPermissions permissions, IOptions<FeedbackOptions> options, TimeProvider clock)
{
    public async Task<ReportAnnotation> AddAsync(NewAnnotation request, FeedbackActor author, CancellationToken cancellationToken)
    {
        permissions.DemandComment(author, "annotate a report");
        var text = cleaner.Clean(request.Text, options.Value.MaxTextChars);
        if (text.Length == 0)
        {
            throw new ArgumentException("An annotation needs some text.", nameof(request));
        }

        if (request.Section is null && request.Line is null && request.MetricId is null)
        {
            throw new ArgumentException("An annotation is anchored to a section, a line or a figure.", nameof(request));
        }

        var annotation = new ReportAnnotation
        {
            Role = request.Role, Period = request.Period, Section = request.Section, Line = request.Line, MetricId = request.MetricId,
            QuotedText = request.QuotedText is { } quoted ? cleaner.Clean(quoted, 2000) : null, Text = text, Author = author.Email, Source = FeedbackSource.App, At = clock.GetUtcNow(),
        };
        db.Add(annotation);
        await db.SaveChangesAsync(cancellationToken);
        return annotation;
    }

    public async Task<IReadOnlyList<ReportAnnotation>> ListAsync(AnnotationFilter filter, CancellationToken cancellationToken)
    {
        var query = db.Set<ReportAnnotation>().AsNoTracking();
        if (filter.Role is { Length: > 0 } role)
        {
            query = query.Where(a => a.Role == role);
        }

        if (filter.Period is { Length: > 0 } period)
        {
            query = query.Where(a => a.Period == period);
        }

        if (filter.Author is { Length: > 0 } author)
        {
            query = query.Where(a => a.Author == author);
        }

        return await query.OrderByDescending(a => a.Id).ToListAsync(cancellationToken);
    }

    public async Task<ReportAnnotation?> FindAsync(long id, CancellationToken cancellationToken) =>
        await db.Set<ReportAnnotation>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);

    // The archived plain text a line anchor counts in: the mailed item the reply answered, else the latest archive of
    // that report and period (a note on a preview, or a reply matched before the item was archived).
    public async Task<string?> ArchivedStemAsync(ReportAnnotation annotation, CancellationToken cancellationToken)
    {
        var texts = db.ArchiveIndex.AsNoTracking().Where(e => e.Extension == "txt");
        var key = annotation.DispatchItemId is { } item
            ? await texts.Where(e => e.ItemId == item).OrderByDescending(e => e.Id).Select(e => e.Key).FirstOrDefaultAsync(cancellationToken)
            : null;
        key ??= await texts.Where(e => e.Role == annotation.Role && e.Period == annotation.Period).OrderByDescending(e => e.Id).Select(e => e.Key).FirstOrDefaultAsync(cancellationToken);
        return key?[..key.LastIndexOf('.')];
    }

    // Let through by an Admin: the reply's text becomes an annotation of the report it answered, by its sender.
    public async Task<QuarantineResult> ReleaseAsync(long messageId, FeedbackActor admin, CancellationToken cancellationToken)
    {
        FeedbackPermissions.DemandAdmin(admin, "release a reply");
        var message = await db.Set<FeedbackMessage>().FirstOrDefaultAsync(m => m.Id == messageId && m.Outcome == MessageOutcome.Quarantined, cancellationToken);
        if (message is null)
        {
            return new QuarantineResult(false, $"there is no quarantined reply #{messageId}", null);
        }

        if (message.Role is null || message.Period is null || string.IsNullOrWhiteSpace(message.Text))
        {
            return new QuarantineResult(false, $"reply #{messageId} answers no report or has no text: it can only be discarded", null);
        }

        var annotation = new ReportAnnotation
        {
            Role = message.Role, Period = message.Period, Text = message.Text, Author = message.From, Source = FeedbackSource.Email, At = clock.GetUtcNow(),
        };
        db.Add(annotation);
        await db.SaveChangesAsync(cancellationToken);
        message.Outcome = MessageOutcome.Annotated;
        message.AnnotationId = annotation.Id;
        message.Reason = Shorten($"released by {admin.Email}; was: {message.Reason}", 500);
        await db.SaveChangesAsync(cancellationToken);
        return new QuarantineResult(true, $"reply #{messageId} from {message.From} is now annotation #{annotation.Id}", annotation);
    }

    // The record stays, so the same message is never taken again; its text goes.
    public async Task<QuarantineResult> DiscardAsync(long messageId, FeedbackActor admin, CancellationToken cancellationToken)
    {
        FeedbackPermissions.DemandAdmin(admin, "discard a reply");
        var message = await db.Set<FeedbackMessage>().FirstOrDefaultAsync(m => m.Id == messageId && m.Outcome == MessageOutcome.Quarantined, cancellationToken);
        if (message is null)
        {
            return new QuarantineResult(false, $"there is no quarantined reply #{messageId}", null);
        }

        message.Outcome = MessageOutcome.Discarded;
        message.Text = null;
        message.Reason = Shorten($"discarded by {admin.Email}; was: {message.Reason}", 500);
        await db.SaveChangesAsync(cancellationToken);
        return new QuarantineResult(true, $"reply #{messageId} from {message.From} was discarded", null);
    }

    private static string Shorten(string value, int max) => value.Length <= max ? value : value[..max];

    // Quarantined replies, for an Admin to look at.
    public async Task<IReadOnlyList<FeedbackMessage>> QuarantineAsync(CancellationToken cancellationToken) =>
        await db.Set<FeedbackMessage>().AsNoTracking().Where(m => m.Outcome == MessageOutcome.Quarantined).OrderByDescending(m => m.Id).ToListAsync(cancellationToken);
}
