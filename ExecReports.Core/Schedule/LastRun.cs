using ExecReports.Core.Dispatch;

namespace ExecReports.Core.Schedule;

// The last run of the chain, whatever started it: the schedule or Run now (a ScheduleRun), or a send from the Send
// dialog, the CLI or a resend (a dispatch batch outside any run). Detail is what happened, never just "sent".
public sealed record LastRun(string Period, RunOutcome Outcome, DateTimeOffset At, string Source, string Detail)
{
    public string OutcomeText => Outcome switch
    {
        RunOutcome.Unchanged => "nothing sent",
        var outcome => outcome.ToString().ToLowerInvariant(),
    };

    public static LastRun Of(ScheduleRun run) => new(run.Period, run.Outcome, run.StartedAt,
        run.Trigger == RunTrigger.Schedule ? "scheduled" : $"run now by {run.StartedBy}", run.Detail);

    public static LastRun Of(DispatchBatch batch)
    {
        var result = new BatchResult(batch.Id, batch.Period, batch.Items.OrderBy(i => i.Id).Select(ItemSummary.Of).ToList());
        var outcome = batch.Items.Any(i => i.Status is ItemStatus.Queued or ItemStatus.Sending) ? RunOutcome.Running
            : batch.Items.Any(i => i.Status == ItemStatus.Failed) ? RunOutcome.Failed
            : batch.Items.Any(i => i.Status == ItemStatus.Sent) ? RunOutcome.Sent
            : RunOutcome.Unchanged;
        var source = batch.IsResend ? "resend" : batch.Trigger switch
        {
            DispatchTrigger.Cli => "CLI send",
            DispatchTrigger.Schedule => "scheduled",
            _ => "Send dialog",
        };
        return new LastRun(batch.Period, outcome, batch.CreatedAt, $"{source} by {batch.RequestedBy}", $"batch {batch.Id}: {result.Outcome}");
    }
}
