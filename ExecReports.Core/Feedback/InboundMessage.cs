namespace ExecReports.Core.Feedback;

// One raw message from a source: SourceKey is what the source knows it by (IMAP folder/UIDVALIDITY/UID, S3 key).
public sealed record InboundMessage(string SourceKey, byte[] Raw);

public sealed record PollResult(string MessageId, string From, string? Report, string? Period, MessageOutcome Outcome, string? Detail);

// The seam to a mailbox: IMAP or an S3 prefix. Fetch returns only messages the source has not marked as taken;
// MarkTaken is called once the message is recorded, so a crash in between only causes a "duplicate" next time.
public interface IFeedbackSource
{
    string Name { get; }

    Task<IReadOnlyList<InboundMessage>> FetchAsync(int max, Func<string, Task<bool>> alreadyTaken, CancellationToken cancellationToken);

    Task MarkTakenAsync(InboundMessage message, CancellationToken cancellationToken);
}
