using System.Runtime.ExceptionServices;

namespace ExecReports.Core.Ingestion;

// Gives one file's read and parse a deadline. The work runs on a thread of its own (with a generous stack);
// past the deadline the caller gets the timeout result at once and the work is cancelled: our own loops stop at
// the next check, and a third-party parser finishes its (size- and depth-bounded) input in the background.
public static class ParseBudget
{
    private const int StackBytes = 16 * 1024 * 1024;

    public static T Run<T>(TimeSpan budget, Func<CancellationToken, T> work, Func<T> timedOut)
    {
        var cancel = new CancellationTokenSource();
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = work(cancel.Token);
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                // Abandoned after its deadline: nobody waits for this result.
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
        }, StackBytes)
        {
            IsBackground = true,
            Name = "ExecReports parse",
        };
        thread.Start();
        if (!thread.Join(budget))
        {
            // Not disposed: the abandoned work may still read the token.
            cancel.Cancel();
            return timedOut();
        }

        cancel.Dispose();
        failure?.Throw();
        return result;
    }
}
