namespace ExecReports.Core.Email;

public sealed record SendAttempt(
    int Number,
    DateTimeOffset At,
    int? StatusCode,
    string Detail,
    SendFailureKind Failure,
    string? Hint);

public sealed record SendOutcome(bool Delivered, string? MessageId, string? Reply, IReadOnlyList<SendAttempt> Attempts)
{
    public SendAttempt LastAttempt => Attempts[^1];

    public bool IsPermanentFailure => !Delivered && LastAttempt.Failure == SendFailureKind.Permanent;

    public string? Hint => Delivered ? null : LastAttempt.Hint;
}
