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

// Notes made in the app on a report preview. Who may write one is decided here, not by the page alone.
public sealed class Annotations(AppDbContext db, FeedbackText cleaner, IOptions<FeedbackOptions> options, TimeProvider clock)
{
    public bool MayAnnotate(Func<string, bool> isInRole) =>
        isInRole("Admin") || isInRole("Editor") || (options.Value.ViewersMayComment && isInRole("Viewer"));

    public async Task<ReportAnnotation> AddAsync(NewAnnotation request, string author, CancellationToken cancellationToken)
    {
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
            QuotedText = request.QuotedText, Text = text, Author = author, Source = FeedbackSource.App, At = clock.GetUtcNow(),
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

    // Quarantined replies, for an Admin to look at.
    public async Task<IReadOnlyList<FeedbackMessage>> QuarantineAsync(CancellationToken cancellationToken) =>
        await db.Set<FeedbackMessage>().AsNoTracking().Where(m => m.Outcome == MessageOutcome.Quarantined).OrderByDescending(m => m.Id).ToListAsync(cancellationToken);
}
