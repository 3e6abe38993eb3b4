using System.ComponentModel.DataAnnotations;

namespace ExecReports.Core.Dispatch;

// "Dispatch": { "LeaseSeconds": 600, "ResumeIntervalSeconds": 300, "NodeId": "", "RequireApproval": false, "FourEyes": false }
public sealed class DispatchOptions
{
    public const string SectionName = "Dispatch";

    // How long a claimed item belongs to one process. It must outlast one item's whole mail retry sequence
    // (MailSender: up to Email:Retry:MaxAttempts tries, 60 s timeout each, back-off up to 6 × base), or a
    // second node may take over an item that is still being sent.
    [Range(1, 86_400)]
    public int LeaseSeconds { get; init; } = 600;

    // How often the hosted resumer looks for unfinished items (expired leases, archive retries); 0 = only at start.
    [Range(0, 86_400)]
    public int ResumeIntervalSeconds { get; init; } = 300;

    // Lease owner name; empty = machine name + process id + a random suffix.
    public string NodeId { get; init; } = "";

    // A month's set is sent only after an Admin approved exactly its content (Close/MonthCloseService).
    public bool RequireApproval { get; init; }

    // With RequireApproval: the approver must be someone other than whoever last edited the month's inputs.
    public bool FourEyes { get; init; }
}
