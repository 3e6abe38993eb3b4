using ExecReports.Core.Close;
using ExecReports.Core.Primitives;
using ExecReports.Core.Schedule;
using ExecReports.Core.Validation;
using System.Security.Cryptography;
using System.Text;
using ExecReports.Core.Data;
using ExecReports.Core.Email;
using ExecReports.Core.Kpis;
using ExecReports.Core.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ExecReports.Core.Dispatch;

// The outbox: a dispatch writes its batch and items before anything is sent, then works the items one by one.
public sealed class DispatchService(
    IServiceScopeFactory scopes,
    ReportService reports,
    ValidationGate gate,
    ReportMessageBuilder messages,
    ItemDispatcher dispatcher,
    MonthCloseService close,
    IOptions<DispatchOptions> options,
    IOptions<ScheduleOptions> schedule,
    IOptions<EmailOptions> email,
    TimeProvider clock,
    ILogger<DispatchService> logger)
{
    public async Task<DispatchPlan> PlanAsync(Period period, bool resend = false, IReadOnlyCollection<string>? roles = null, CancellationToken cancellationToken = default)
    {
        var set = await reports.GetAsync(period, cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var planned = new List<PlannedItem>();
        foreach (var draft in DraftsFor(set, roles))
        {
            planned.Add(await PlanItemAsync(db, draft, resend, cancellationToken));
        }

        return new DispatchPlan(period.ToString(), planned, Validate(set))
        {
            Readiness = await close.ReadinessAsync(set, cancellationToken),
            Released = await close.LatestAsync(period, SignoffKind.Released, cancellationToken),
            RequireClosedMonths = schedule.Value.RequireClosedMonths,
            RequireApproval = options.Value.RequireApproval,
            Approval = await close.ApprovalForAsync(set, cancellationToken),
        };
    }

    // Why the set may not go out yet, whatever asked for it: the month not closed (and not released), or not approved.
    public async Task<DispatchHold?> HeldBecauseAsync(ReportSet set, CancellationToken cancellationToken = default)
    {
        if (schedule.Value.RequireClosedMonths
            && await close.ReadinessAsync(set, cancellationToken) is { IsReady: false } readiness
            && await close.LatestAsync(set.Period, SignoffKind.Released, cancellationToken) is null)
        {
            return new DispatchHold(readiness.Summary,
                $"not ready: {readiness.Detail}; close them on the Dashboard, or an Admin releases the month");
        }

        return options.Value.RequireApproval && await close.ApprovalForAsync(set, cancellationToken) is null
            ? new DispatchHold($"{set.Period}: waiting for approval",
                $"{set.Period} is not approved in its current content (Dispatch:RequireApproval); an Admin approves it on the Dashboard")
            : null;
    }

    public async Task<BatchResult> DispatchAsync(
        Period period, DispatchTrigger trigger, string requestedBy, bool resend = false,
        IProgress<ItemProgress>? progress = null, IReadOnlyCollection<string>? roles = null, CancellationToken cancellationToken = default) =>
        await DispatchAsync(gate.Check(await reports.GetAsync(period, cancellationToken)), trigger, requestedBy, resend, progress, roles, cancellationToken);

    // The set exactly as it was validated (the scheduled run's): neither generated nor validated again here.
    public async Task<BatchResult> DispatchAsync(
        ValidatedSet validated, DispatchTrigger trigger, string requestedBy, bool resend = false,
        IProgress<ItemProgress>? progress = null, IReadOnlyCollection<string>? roles = null, CancellationToken cancellationToken = default)
    {
        var (set, validation) = (validated.Set, validated.Result);
        var period = set.Period;
// The close first: a month still being entered says which entities are not ready, not which reports are empty.
        if (await HeldBecauseAsync(set, cancellationToken) is { } held)
        {
            logger.DispatchHeld(period, held.Reason);
            return new BatchResult(null, period.ToString(), [], held.Reason);
        }

        if (validation.HasErrors)
        {
            logger.DispatchRefused(period, validation.Errors);
            return new BatchResult(null, period.ToString(), [], $"validation found {validation.Errors} error(s); fix them before sending");
        }

        var drafts = DraftsFor(set, roles);
        if (drafts.Count == 0)
        {
            return new BatchResult(null, period.ToString(), [], $"no report matches {string.Join(", ", roles ?? [])}");
        }

        long batchId;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // One transaction: the idempotency check and the new rows are seen together by any other writer.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await TransactionLock.TakeAsync(db, $"dispatch:{period}", cancellationToken);
            var batch = new DispatchBatch
            {
                Period = period.ToString(),
                Trigger = trigger,
                RequestedBy = requestedBy,
                CreatedAt = clock.GetUtcNow(),
                IsResend = resend,
                ValidationSummary = validation.Summary,
            };
            foreach (var draft in drafts)
            {
                var plan = await PlanItemAsync(db, draft, resend, cancellationToken);
                var item = draft.Item;
                if (plan.Action != PlannedAction.Send)
                {
                    item.Status = plan.Action == PlannedAction.Unchanged ? ItemStatus.Unchanged : ItemStatus.Skipped;
                    item.AlreadySentInBatchId = plan.ExistingBatchId;
                    item.LastError = plan.ActionText;
                }

                batch.Items.Add(item);
            }

            db.DispatchBatches.Add(batch);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            batchId = batch.Id;
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.BatchQueued(batchId, period, requestedBy, trigger, resend ? ", resend" : "",
                    batch.Items.Count(i => i.Status == ItemStatus.Queued), batch.Items.Count(i => i.Status is ItemStatus.Skipped or ItemStatus.Unchanged));
            }
            foreach (var skipped in batch.Items.Where(i => i.Status is ItemStatus.Skipped or ItemStatus.Unchanged))
            {
                progress?.Report(new ItemProgress(skipped.Id, skipped.Role, skipped.Status, skipped.LastError, skipped.MessageId));
            }
        }

        await WorkBatchAsync(batchId, progress, cancellationToken);
        return await ResultAsync(batchId, cancellationToken);
    }

    // A new batch that sends the given batch's items (or one of them) again, exactly as they were stored.
    public async Task<BatchResult> ResendAsync(
        long batchId, long? itemId, DispatchTrigger trigger, string requestedBy,
        IProgress<ItemProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        long newBatchId;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var source = await db.DispatchBatches.AsNoTracking().Include(b => b.Items)
                .SingleOrDefaultAsync(b => b.Id == batchId, cancellationToken)
                ?? throw new ArgumentException($"There is no dispatch batch {batchId}.", nameof(batchId));
            var items = source.Items.Where(i => itemId is null || i.Id == itemId).OrderBy(i => i.Id).ToList();
            if (items.Count == 0)
            {
                throw new ArgumentException($"Batch {batchId} has no item {itemId}.", nameof(itemId));
            }

            var batch = new DispatchBatch
            {
                Period = source.Period,
                Trigger = trigger,
                RequestedBy = requestedBy,
                CreatedAt = clock.GetUtcNow(),
                IsResend = true,
                ResendOfBatchId = source.Id,
                ValidationSummary = $"as validated for batch {source.Id}: {source.ValidationSummary}",
            };
            foreach (var old in items)
            {
                batch.Items.Add(new DispatchItem
                {
                    Period = old.Period, Role = old.Role, RoleTitle = old.RoleTitle,
                    ToAddresses = old.ToAddresses, BccAddresses = old.BccAddresses, RecipientKey = old.RecipientKey,
                    Subject = old.Subject, ContentDigest = old.ContentDigest,
                    TextBody = old.TextBody, HtmlBody = old.HtmlBody, MarkdownBody = old.MarkdownBody, ReportJson = old.ReportJson,
                    MessageId = NewMessageId(),
                    ResendOfItemId = old.Id,
                });
            }

            db.DispatchBatches.Add(batch);
            await db.SaveChangesAsync(cancellationToken);
            newBatchId = batch.Id;
            logger.ResendQueued(batchId, newBatchId, requestedBy, items.Count);
        }

        await WorkBatchAsync(newBatchId, progress, cancellationToken);
        return await ResultAsync(newBatchId, cancellationToken);
    }

    // Unfinished items of any batch: never claimed, abandoned by a dead process (lease expired), or mailed but
    // not archived. Called at start by DispatchResumer (web) and by the CLI's send.
    public async Task<IReadOnlyList<ItemSummary>> ResumeAsync(IProgress<ItemProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        List<long> ids;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            ids = await ItemDispatcher.Claimable(db.DispatchItems, clock.GetUtcNow()).OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(cancellationToken);
        }

        var done = new List<ItemSummary>();
        foreach (var id in ids)
        {
            if (await ProcessSafelyAsync(id, progress, cancellationToken) is { } summary)
            {
                done.Add(summary);
            }
        }

        if (done.Count > 0)
        {
            logger.ItemsResumed(done.Count);
        }

        return done;
    }

    public async Task<IReadOnlyList<DispatchBatch>> ListBatchesAsync(int take = 50, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.DispatchBatches.AsNoTracking().Include(b => b.Items).ThenInclude(i => i.Attempts)
            .OrderByDescending(b => b.Id).Take(take).AsSplitQuery().ToListAsync(cancellationToken);
    }

    public async Task<BatchResult> ResultAsync(long batchId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var batch = await db.DispatchBatches.AsNoTracking().Include(b => b.Items).SingleAsync(b => b.Id == batchId, cancellationToken);
        return new BatchResult(batch.Id, batch.Period, batch.Items.OrderBy(i => i.Id).Select(ItemSummary.Of).ToList());
    }

    // Errors block sending; warnings are shown in the plan and go out with the batch.
    private ValidationResult Validate(ReportSet set) => gate.Validate(set);

    private async Task WorkBatchAsync(long batchId, IProgress<ItemProgress>? progress, CancellationToken cancellationToken)
    {
        List<long> ids;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            ids = await db.DispatchItems.Where(i => i.BatchId == batchId && i.Status == ItemStatus.Queued)
                .OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(cancellationToken);
        }

        foreach (var id in ids)
        {
            await ProcessSafelyAsync(id, progress, cancellationToken);
        }
    }

    // One broken item never stops the rest; it keeps its lease and is resumed once the lease runs out.
    private async Task<ItemSummary?> ProcessSafelyAsync(long itemId, IProgress<ItemProgress>? progress, CancellationToken cancellationToken)
    {
        try
        {
            return await dispatcher.ProcessAsync(itemId, progress, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.ItemStopped(ex, itemId);
            return null;
        }
    }

    private sealed record Draft(DispatchItem Item);

    private List<Draft> DraftsFor(ReportSet set, IReadOnlyCollection<string>? roles = null)
    {
        var drafts = new List<Draft>();
        foreach (var report in set.Reports.Where(r => roles is null || roles.Contains(r.Role.Id, StringComparer.OrdinalIgnoreCase)))
        {
            var message = messages.Build(new ReportMail(report.Role.Id, report.Period, report.Email.Text, report.Email.Html));
            var to = message.To.Mailboxes.Select(m => m.ToString()).ToList();
            var bcc = message.Bcc.Mailboxes.Select(m => m.ToString()).ToList();
            var subject = message.Subject ?? report.Role.ReportTitle(report.Period);
            drafts.Add(new Draft(new DispatchItem
            {
                Period = report.Period,
                Role = report.Role.Id,
                RoleTitle = report.Role.Title,
                ToAddresses = string.Join('\n', to),
                BccAddresses = string.Join('\n', bcc),
                RecipientKey = RecipientKey(report.Role.Id, message),
                Subject = subject,
                ContentDigest = Digest(subject, report.ContentDigest),
                TextBody = report.Email.Text,
                HtmlBody = report.Email.Html,
                MarkdownBody = report.Rendered.Markdown,
                ReportJson = DispatchFiles.DescribeJson(report),
                MessageId = message.MessageId ?? NewMessageId(),
            }));
        }

        return drafts;
    }

    private static async Task<PlannedItem> PlanItemAsync(AppDbContext db, Draft draft, bool resend, CancellationToken cancellationToken)
    {
        var item = draft.Item;
        var same = db.DispatchItems.AsNoTracking().Where(i => i.Period == item.Period && i.Role == item.Role && i.RecipientKey == item.RecipientKey);
        // Mailed counts as sent even if archiving is still pending: the recipients already have it.
        var sent = await same.Where(i => i.Status == ItemStatus.Sent || i.MailedAt != null)
            .OrderByDescending(i => i.Id).Select(i => new { i.Id, i.BatchId, i.ContentDigest, i.SentAt, i.MailedAt }).FirstOrDefaultAsync(cancellationToken);
        var inFlight = await same.Where(i => i.Status == ItemStatus.Queued || i.Status == ItemStatus.Sending)
            .OrderBy(i => i.Id).Select(i => (long?)i.BatchId).FirstOrDefaultAsync(cancellationToken);
        var (action, existing) = inFlight is not null ? (PlannedAction.InProgress, inFlight)
            : sent is not null && sent.ContentDigest == item.ContentDigest && !resend ? (PlannedAction.Unchanged, sent.BatchId)
            : (PlannedAction.Send, (long?)null);
        var changed = sent is not null && sent.ContentDigest != item.ContentDigest;
        var sentJson = changed
            ? await db.DispatchItems.AsNoTracking().Where(i => i.Id == sent!.Id).Select(i => i.ReportJson).SingleAsync(cancellationToken)
            : null;
        return new PlannedItem(item.Role, item.RoleTitle, item.To, item.Bcc, item.Subject, item.ContentDigest, action, existing)
        {
            LastSentBatchId = sent?.BatchId,
            LastSentAt = sent?.SentAt ?? sent?.MailedAt,
            ChangedSinceSent = changed,
            FiguresMoved = sentJson is null ? null : FiguresMoved(sentJson, item.ReportJson),
        };
    }

    // Quoted figures whose displayed value differs between the sent and the current report (added and dropped count too).
    internal static int FiguresMoved(string sentJson, string currentJson)
    {
        static Dictionary<string, string> Figures(string json)
        {
            var figures = new Dictionary<string, string>(StringComparer.Ordinal);
            if (System.Text.Json.Nodes.JsonNode.Parse(json)?["metrics"] is System.Text.Json.Nodes.JsonArray metrics)
            {
                foreach (var metric in metrics)
                {
                    if (metric?["id"]?.GetValue<string>() is { } id)
                    {
                        figures[id] = metric["display"]?.GetValue<string>() ?? "";
                    }
                }
            }

            return figures;
        }

        var before = Figures(sentJson);
        var after = Figures(currentJson);
        return after.Count(a => !before.TryGetValue(a.Key, out var was) || was != a.Value) + before.Keys.Count(k => !after.ContainsKey(k));
    }

    internal static string RecipientKey(string role, MimeMessage message)
    {
        static string Normalise(IEnumerable<MailboxAddress> list) =>
            string.Join(',', list.Select(m => m.Address.Trim().ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal));
        return $"{role}|to:{Normalise(message.To.Mailboxes)}|bcc:{Normalise(message.Bcc.Mailboxes)}";
    }

    // The subject and what the report says; the footer's generated-at and input digest are left out, so a report no
    // input of which changed is "unchanged" however often it is generated.
    private static string Digest(string subject, string reportDigest) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{subject}\n\0{reportDigest}")));

    private string NewMessageId() =>
        MimeKit.Utils.MimeUtils.GenerateMessageId(MailboxAddress.TryParse(email.Value.From, out var from) ? from.Domain : "localhost");
}
