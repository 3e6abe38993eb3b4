using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ExecReports.Core.Alerts;
using ExecReports.Core.Archive;
using ExecReports.Core.Data;
using ExecReports.Core.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ExecReports.Core.Dispatch;

// Takes one item from queued to sent or failed: claim (lease), mail, archive, mark sent.
//
// Exactly-once argument. An item is claimed by a conditional UPDATE (queued, or sending with an expired lease,
// or failed after mailing with the archive still missing); only the process whose UPDATE hit the row works on it.
// A successful SMTP reply is committed (attempt row + MailedAt) before archiving, so a later claim archives
// without mailing again. The Message-ID is chosen when the item is created and reused on every try.
// Remaining window, honestly: if the process dies after the server answered 250 and before that commit, the
// next claim cannot know the mail went out and sends it again, with the same Message-ID (most mail clients then
// show one message, but it is a second delivery). SMTP offers no way to ask "did you get <id>?"; the window is
// the few milliseconds between reading the reply and the commit.
public sealed class ItemDispatcher(
    IServiceScopeFactory scopes,
    MailSender mail,
    AlertService alerts,
    IMailTransport transport,
    IArchiveStore archive,
    IOptions<EmailOptions> email,
    IOptions<DispatchOptions> options,
    IOptions<Feedback.FeedbackOptions> feedback,
    TimeProvider clock,
    ILogger<ItemDispatcher> logger)
{
    public string Node { get; } = string.IsNullOrWhiteSpace(options.Value.NodeId)
        ? $"{Environment.MachineName}:{Environment.ProcessId}:{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}"
        : options.Value.NodeId;

    private TimeSpan Lease => TimeSpan.FromSeconds(options.Value.LeaseSeconds);

    // A claimable item: never claimed, abandoned by a process whose lease ran out, or mailed but not yet archived.
    internal static IQueryable<DispatchItem> Claimable(IQueryable<DispatchItem> items, DateTimeOffset now) =>
        items.Where(i => i.Status == ItemStatus.Queued
            || (i.Status == ItemStatus.Sending && i.LeaseExpiresAt < now)
            || (i.Status == ItemStatus.Failed && i.MailedAt != null && i.ArchivedAt == null));

    // One UPDATE with the old state in its WHERE: atomic on SQLite and on PostgreSQL alike.
    public async Task<bool> TryClaimAsync(AppDbContext db, long itemId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var until = now + Lease;
        var node = Node;
        var rows = await Claimable(db.DispatchItems.Where(i => i.Id == itemId), now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Status, ItemStatus.Sending)
                .SetProperty(i => i.LeaseOwner, node)
                .SetProperty(i => i.LeaseExpiresAt, until)
                .SetProperty(i => i.Claims, i => i.Claims + 1), cancellationToken);
        return rows == 1;
    }

    // Null when another process holds the item (or it is already finished).
    public async Task<ItemSummary?> ProcessAsync(long itemId, IProgress<ItemProgress>? progress, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (!await TryClaimAsync(db, itemId, cancellationToken))
        {
            return null;
        }

        var item = await db.DispatchItems.Include(i => i.Batch).Include(i => i.Attempts).SingleAsync(i => i.Id == itemId, cancellationToken);
        var batch = item.Batch!;
        Report(progress, item, item.MailedAt is null ? "sending" : "archiving");

        if (item.MailedAt is null && !AdoptRecordedDelivery(item))
        {
            MimeMessage message;
            try
            {
                message = BuildMessage(item);
            }
            catch (Exception ex) when (ex is ArgumentException or ParseException or FormatException)
            {
                await FailAsync(db, item, FailureKind.Permanent, $"could not build the message: {ex.Message}", "check Email:From and the stored recipients", progress, cancellationToken);
                return ItemSummary.Of(item);
            }

            var outcome = await mail.SendAsync(message, cancellationToken);
            var number = item.Attempts.Count(a => a.Step == AttemptStep.Mail);
            foreach (var attempt in outcome.Attempts)
            {
                item.Attempts.Add(new DispatchAttempt
                {
                    Step = AttemptStep.Mail,
                    Number = ++number,
                    At = attempt.At,
                    StatusCode = attempt.Failure == SendFailureKind.None ? 250 : attempt.StatusCode,
                    Detail = attempt.Detail,
                    Failure = Map(attempt.Failure),
                    Hint = attempt.Hint,
                    MessageId = item.MessageId,
                    Node = Node,
                });
            }

            if (!outcome.Delivered)
            {
                var kind = outcome.IsPermanentFailure ? FailureKind.Permanent : FailureKind.Transient;
                var why = kind == FailureKind.Permanent
                    ? $"rejected permanently: {outcome.LastAttempt.Detail}"
                    : $"not delivered after {outcome.Attempts.Count} attempt(s): {outcome.LastAttempt.Detail}";
                await FailAsync(db, item, kind, why, outcome.Hint, progress, cancellationToken);
                return ItemSummary.Of(item);
            }

            item.MailedAt = clock.GetUtcNow();
            item.Reply = outcome.Reply;
            // Committed before archiving: from here on no claim will mail this item again.
            await db.SaveChangesAsync(cancellationToken);
        }

        try
        {
            await ArchiveAsync(scope.ServiceProvider, item, batch, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            item.Attempts.Add(new DispatchAttempt
            {
                Step = AttemptStep.Archive,
                Number = item.Attempts.Count(a => a.Step == AttemptStep.Archive) + 1,
                At = clock.GetUtcNow(),
                Detail = ex.Message,
                Failure = FailureKind.Transient,
                Node = Node,
            });
            await FailAsync(db, item, FailureKind.Transient,
                $"mailed but not archived ({archive.Name}): {ex.Message}",
                "the archive is retried automatically when the dispatcher resumes; the mail is not sent again", progress, cancellationToken);
            return ItemSummary.Of(item);
        }

        item.Attempts.Add(new DispatchAttempt
        {
            Step = AttemptStep.Archive,
            Number = item.Attempts.Count(a => a.Step == AttemptStep.Archive) + 1,
            At = clock.GetUtcNow(),
            Detail = $"archived to {archive.Name} as {item.ArchiveStem}.*",
            Failure = FailureKind.None,
            Node = Node,
        });
        var now = clock.GetUtcNow();
        item.ArchivedAt = now;
        item.SentAt = now;
        item.Status = ItemStatus.Sent;
        item.Failure = FailureKind.None;
        item.LastError = null;
        item.Hint = null;
        item.LeaseOwner = null;
        item.LeaseExpiresAt = null;
        await db.Alerts.Where(a => a.ItemId == item.Id && a.ResolvedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ResolvedAt, now), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        Report(progress, item, item.Reply);
        return ItemSummary.Of(item);
    }

    // A previous claim recorded a positive reply for this Message-ID but died before marking the item mailed.
    private bool AdoptRecordedDelivery(DispatchItem item)
    {
        var delivered = item.Attempts
            .Where(a => a.Step == AttemptStep.Mail && a.Succeeded && a.MessageId == item.MessageId)
            .OrderBy(a => a.Number)
            .FirstOrDefault();
        if (delivered is null)
        {
            return false;
        }

        logger.AlreadyDelivered(item.Id, item.Role, item.MessageId);
        item.MailedAt = delivered.At;
        item.Reply = delivered.Detail;
        return true;
    }

    public MimeMessage BuildMessage(DispatchItem item)
    {
        var builder = new ReportMessageBuilder(email);
        var message = builder.Build(new ReportMail(item.Role, item.Period, item.TextBody, item.HtmlBody));
        // Recipients, subject and id are the ones stored with the item, not today's configuration.
        message.To.Clear();
        message.To.AddRange(item.To.Select(MailboxAddress.Parse));
        message.Bcc.Clear();
        message.Bcc.AddRange(item.Bcc.Select(MailboxAddress.Parse));
        message.Subject = item.Subject;
        message.MessageId = item.MessageId;
        // Replies come back to a per-message address (Feedback:ReplyAddress), which is how they find this report.
        if (Feedback.ReplyToken.Address(feedback.Value.ReplyAddress, item.MessageId) is { } replyTo)
        {
            message.ReplyTo.Add(replyTo);
        }

        return message;
    }

    private async Task ArchiveAsync(IServiceProvider services, DispatchItem item, DispatchBatch batch, CancellationToken cancellationToken)
    {
        var index = services.GetRequiredService<ArchiveIndex>();
        var db = services.GetRequiredService<AppDbContext>();
        if (item.ArchiveStem is null)
        {
            // A second report of the same role on the same day (another period, a resend) must not overwrite the first.
            var date = DateOnly.FromDateTime(batch.CreatedAt.UtcDateTime);
            var stem = ArchiveKey.StemFor(date, item.Role, null);
            if (await index.StemTakenAsync(stem, item.Id, cancellationToken) || await archive.GetAsync(stem + ".json", cancellationToken) is not null)
            {
                stem = ArchiveKey.StemFor(date, item.Role, item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            item.ArchiveStem = stem;
            await db.SaveChangesAsync(cancellationToken);
        }

        var files = DispatchFiles.For(item, batch, transport.Name);
        foreach (var (extension, content, contentType) in files)
        {
            await archive.PutAsync($"{item.ArchiveStem}.{extension}", content, contentType, cancellationToken);
        }

        foreach (var (extension, content, _) in files)
        {
            await index.UpsertAsync($"{item.ArchiveStem}.{extension}", content, item.Period, batch.Id, item.Id, cancellationToken);
        }
    }

    // Never silent: an error log line here, and an alert (row, log line, mail to the audit address) through AlertService.
    private async Task FailAsync(
        AppDbContext db, DispatchItem item, FailureKind kind, string why, string? hint, IProgress<ItemProgress>? progress, CancellationToken cancellationToken)
    {
        item.Status = ItemStatus.Failed;
        item.Failure = kind;
        item.LastError = why;
        item.Hint = hint;
        item.LeaseOwner = null;
        item.LeaseExpiresAt = null;
        logger.ItemFailed(item.Id, item.Role, item.Period, item.BatchId, kind, why, hint is null ? "" : $" — {hint}");

        await db.SaveChangesAsync(cancellationToken);
        Report(progress, item, hint is null ? why : $"{why} — {hint}");
        await alerts.RaiseAsync(new AlertNotice(AlertSource.Dispatch, item.Period, $"Not delivered: {item.Subject}", AlertBody(item, why, hint))
        {
            Message = $"{item.Subject}: {why}", BatchId = item.BatchId, ItemId = item.Id, Role = item.Role, Hint = hint,
        }, cancellationToken);
    }

    private static string AlertBody(DispatchItem item, string why, string? hint)
    {
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"The {item.RoleTitle} report for {item.Period} (batch {item.BatchId}, item {item.Id}) failed.")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Error: {why}");
        if (hint is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Hint: {hint}");
        }

        return text.AppendLine(CultureInfo.InvariantCulture, $"Recipients: {string.Join(", ", item.To)} (Bcc {item.Bcc.Count})")
            .AppendLine(CultureInfo.InvariantCulture, $"Message-ID: {item.MessageId}")
            .AppendLine()
            .AppendLine("Open Dispatches in ExecReports to see every attempt and to resend.")
            .ToString();
    }

    private static void Report(IProgress<ItemProgress>? progress, DispatchItem item, string? detail) =>
        progress?.Report(new ItemProgress(item.Id, item.Role, item.Status, detail, item.MessageId));

    private static FailureKind Map(SendFailureKind kind) => kind switch
    {
        SendFailureKind.None => FailureKind.None,
        SendFailureKind.Transient => FailureKind.Transient,
        _ => FailureKind.Permanent,
    };
}
