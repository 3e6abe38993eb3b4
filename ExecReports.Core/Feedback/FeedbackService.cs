using System.Security.Cryptography;
using ExecReports.Core.Data;
using ExecReports.Core.Dispatch;
using ExecReports.Core.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Cryptography;

namespace ExecReports.Core.Feedback;

// Turns one inbound reply into an annotation, an action item or a resolution, or quarantines it; records it either way.
public sealed class FeedbackService(AppDbContext db, FeedbackText cleaner, ActionItems actions, IOptions<FeedbackOptions> options, TimeProvider clock)
{
    // Where a receiving server leaves the address it delivered to, which may be the only place the token survives.
    private static readonly string[] DeliveryHeaders = ["Delivered-To", "X-Original-To"];

    public async Task<PollResult?> ProcessAsync(InboundMessage inbound, CancellationToken cancellationToken)
    {
        if (await db.Set<FeedbackMessage>().AnyAsync(m => m.SourceKey == inbound.SourceKey, cancellationToken))
        {
            return null;
        }

        var settings = options.Value;
        MimeMessage message;
        try
        {
            using var stream = new MemoryStream(inbound.Raw, writable: false);
            message = await MimeMessage.LoadAsync(stream, cancellationToken);
        }
        catch (FormatException e)
        {
            var why = inbound.Raw.Length > settings.MaxMessageBytes ? $"larger than Feedback:MaxMessageBytes ({settings.MaxMessageBytes} bytes)" : $"not a MIME message: {e.Message}";
            return await RecordAsync(inbound, HashId(inbound.Raw), "", null, MessageOutcome.Quarantined, why, null, null, null, cancellationToken);
        }

        var messageId = string.IsNullOrWhiteSpace(message.MessageId) ? HashId(inbound.Raw) : Shorten(message.MessageId, 1000);
        var from = message.From.Mailboxes.FirstOrDefault()?.Address.Trim().ToLowerInvariant() ?? "";
        var subject = Shorten(message.Subject ?? "", 1000);
        var authentication = AuthenticationSummary(message);

        if (await db.Set<FeedbackMessage>().AnyAsync(m => m.MessageId == messageId, cancellationToken))
        {
            return await RecordAsync(inbound, messageId, from, null, MessageOutcome.Duplicate, "this Message-ID was taken before", authentication, subject, null, cancellationToken);
        }

        if (inbound.Raw.Length > settings.MaxMessageBytes)
        {
            return await RecordAsync(inbound, messageId, from, null, MessageOutcome.Quarantined,
                $"larger than Feedback:MaxMessageBytes ({settings.MaxMessageBytes} bytes)", authentication, subject, null, cancellationToken);
        }

        var item = await ReportFor(message, cancellationToken);
        if (item is null)
        {
            return await RecordAsync(inbound, messageId, from, null, MessageOutcome.Quarantined, "answers no report that was sent (no matching token, In-Reply-To or References)",
                authentication, subject, null, cancellationToken);
        }

        var reply = ReplyParser.Parse(message, settings.MaxTextChars);
        var text = cleaner.Clean(reply.NewText, settings.MaxTextChars);
        var recipients = item.To.Concat(item.Bcc).Select(a => MailboxAddress.TryParse(a, out var m) ? m.Address.ToLowerInvariant() : a.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        if (!recipients.Contains(from))
        {
            return await RecordAsync(inbound, messageId, from, item, MessageOutcome.Quarantined, "the sender did not receive this report (not among its To or Bcc)",
                authentication, subject, text, cancellationToken);
        }

        if (text.Length == 0)
        {
            return await RecordAsync(inbound, messageId, from, item, MessageOutcome.Quarantined, "the reply has no new text", authentication, subject, null, cancellationToken);
        }

        var anchor = ReportAnchor.Find(item.TextBody, reply.QuotedLines);
        var annotation = new ReportAnnotation
        {
            Role = item.Role, Period = item.Period, DispatchItemId = item.Id, Section = anchor?.Section, Line = anchor?.Line,
            QuotedText = anchor is null ? null : Shorten(anchor.Quoted, 2000), Text = text, Author = from, Source = FeedbackSource.Email, At = clock.GetUtcNow(),
        };
        db.Add(annotation);
        await db.SaveChangesAsync(cancellationToken);

        var outcome = MessageOutcome.Annotated;
        var details = new List<string>();
        foreach (var id in reply.Done)
        {
            var resolved = await actions.ResolveAsync(id, from, $"DONE by email reply {messageId}", cancellationToken);
            details.Add(resolved.Message);
            if (resolved.Ok)
            {
                outcome = MessageOutcome.Resolved;
            }
        }

        if (reply.ActionTitle is { } title)
        {
            var opened = await actions.OpenAsync(new NewActionItem(cleaner.Clean(title, 500), item.Role, item.Period, ReportRole.Find(item.Role)?.EntityId)
            {
                Owner = from, AnnotationId = annotation.Id, Source = FeedbackSource.Email,
            }, from, cancellationToken);
            details.Add($"opened action item #{opened.Id}");
            outcome = MessageOutcome.Action;
        }

        if (reply.HadAttachments)
        {
            details.Add("attachments were not stored");
        }

        return await RecordAsync(inbound, messageId, from, item, outcome, details.Count == 0 ? null : string.Join("; ", details), authentication, subject, text, cancellationToken,
            annotation.Id);
    }

    // In-Reply-To and References name the report's own Message-ID; the Reply-To token survives clients that drop both.
    private async Task<DispatchItem?> ReportFor(MimeMessage message, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        if (message.InReplyTo is { Length: > 0 } inReplyTo)
        {
            ids.Add(inReplyTo);
        }

        ids.AddRange(message.References.Take(50));
        var items = db.DispatchItems.AsNoTracking().Where(i => i.MailedAt != null || i.Status == ItemStatus.Sent);
        if (ids.Count > 0 && await items.Where(i => ids.Contains(i.MessageId)).OrderByDescending(i => i.Id).FirstOrDefaultAsync(cancellationToken) is { } byId)
        {
            return byId;
        }

        var addressed = message.To.Mailboxes.Concat(message.Cc.Mailboxes).Select(m => m.Address)
            .Concat(DeliveryHeaders.SelectMany(h => message.Headers.Where(x => x.Field.Equals(h, StringComparison.OrdinalIgnoreCase)).Select(x => x.Value.Trim().Trim('<', '>'))));
        var tokens = ReplyToken.Find(addressed).ToHashSet(StringComparer.Ordinal);
        if (tokens.Count == 0)
        {
            return null;
        }

        // Tokens are hashes of Message-IDs; a few hundred sent items a year make the scan cheap.
        var candidates = await items.Select(i => new { i.Id, i.MessageId }).ToListAsync(cancellationToken);
        var match = candidates.Where(c => tokens.Contains(ReplyToken.For(c.MessageId))).OrderByDescending(c => c.Id).FirstOrDefault();
        return match is null ? null : await items.FirstAsync(i => i.Id == match.Id, cancellationToken);
    }

    private async Task<PollResult> RecordAsync(InboundMessage inbound, string messageId, string from, DispatchItem? item, MessageOutcome outcome, string? reason,
        string? authentication, string? subject, string? text, CancellationToken cancellationToken, long? annotationId = null)
    {
        db.Add(new FeedbackMessage
        {
            MessageId = messageId, SourceKey = Shorten(inbound.SourceKey, 1100), From = Shorten(from, 320), Role = item?.Role, Period = item?.Period, Outcome = outcome,
            Reason = reason is null ? null : Shorten(reason, 500), Authentication = authentication, Subject = subject, Text = text, AnnotationId = annotationId,
            ReceivedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return new PollResult(messageId, from, item?.Role, item?.Period, outcome, reason);
    }

    // "spf=pass dkim=fail dmarc=none", from the receiving server's Authentication-Results, when it wrote one.
    internal static string? AuthenticationSummary(MimeMessage message)
    {
        var verdicts = new List<string>();
        foreach (var header in message.Headers.Where(h => h.Id == HeaderId.AuthenticationResults))
        {
            if (!AuthenticationResults.TryParse(header.RawValue, out var results))
            {
                continue;
            }

            foreach (var result in results.Results)
            {
                var method = result.Method.ToLowerInvariant();
                if (method is "spf" or "dkim" or "dmarc")
                {
                    verdicts.Add($"{method}={result.Result}");
                }
            }
        }

        return verdicts.Count == 0 ? null : Shorten(string.Join(' ', verdicts.Distinct()), 500);
    }

    private static string HashId(byte[] raw) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(raw));

    private static string Shorten(string value, int max) => value.Length <= max ? value : value[..max];
}
