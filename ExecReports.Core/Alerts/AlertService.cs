using ExecReports.Core.Data;
using ExecReports.Core.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ExecReports.Core.Alerts;

// What went wrong, for a person. Message is the banner's line (the subject when not given).
public sealed record AlertNotice(AlertSource Source, string Period, string Subject, string Body)
{
    public string? Message { get; init; }
    public long? BatchId { get; init; }
    public long? ItemId { get; init; }
    public string? Role { get; init; }
    public string? Hint { get; init; }
}

// The one way an alert leaves the app: logged as an error, recorded as a row, mailed to Email:AuditAddress (never to
// report recipients). A mail that cannot go out is itself logged and leaves the row unmailed, for the banner to show.
public sealed class AlertService(IServiceScopeFactory scopes, MailSender mail, IOptions<EmailOptions> email, TimeProvider clock, ILogger<AlertService> logger)
{
    public const string SubjectPrefix = "[ExecReports] ";

    public async Task<Alert> RaiseAsync(AlertNotice notice, CancellationToken cancellationToken = default)
    {
        logger.Raised(notice.Source, notice.Period, notice.Message ?? notice.Subject);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        // A dispatch item failing again while its alert is still open is in that alert already: no second mail.
        if (notice.ItemId is { } itemId
            && await db.Alerts.AsNoTracking().Where(a => a.ItemId == itemId && a.ResolvedAt == null).OrderBy(a => a.Id).FirstOrDefaultAsync(cancellationToken) is { } open)
        {
            return open;
        }

        var alert = new Alert
        {
            Source = notice.Source, Period = notice.Period, BatchId = notice.BatchId, ItemId = notice.ItemId, Role = notice.Role,
            At = clock.GetUtcNow(), Message = notice.Message ?? notice.Subject, Detail = notice.Body, Hint = notice.Hint,
        };
        db.Alerts.Add(alert);
        await db.SaveChangesAsync(cancellationToken);
        alert.Mailed = await MailAsync(alert, notice, cancellationToken);
        await db.SaveChangesAsync(CancellationToken.None);
        return alert;
    }

    // What the banners show: alerts nobody has resolved yet, newest first.
    public async Task<IReadOnlyList<Alert>> OpenAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Alerts.AsNoTracking().Where(a => a.ResolvedAt == null).OrderByDescending(a => a.Id).ToListAsync(cancellationToken);
    }

    private async Task<bool> MailAsync(Alert alert, AlertNotice notice, CancellationToken cancellationToken)
    {
        var settings = email.Value;
        try
        {
            var from = MailboxAddress.Parse(settings.From);
            var message = new MimeMessage { Subject = SubjectPrefix + notice.Subject, Body = new TextPart("plain") { Text = notice.Body } };
            message.From.Add(from);
            message.To.Add(MailboxAddress.Parse(settings.EffectiveAuditAddress));
            message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(from.Domain);
            var outcome = await mail.SendAsync(message, cancellationToken);
            if (!outcome.Delivered)
            {
                logger.NotMailed(alert.Id, outcome.LastAttempt.Detail);
            }

            return outcome.Delivered;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // No audit address (nor a default Bcc), or one that does not parse: the row and the log line still hold the alert.
            logger.NotMailed(alert.Id, SmtpFailure.Describe(ex));
            return false;
        }
    }
}
