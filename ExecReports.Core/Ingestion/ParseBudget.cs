using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace ExecReports.Core.Ingestion;

// Gives one file's read and parse a deadline. The work runs on a worker thread with a generous stack; past the
// deadline the caller gets the timeout result at once and the work is cancelled: our own loops stop at the next
// check, and a third-party parser finishes its (size- and depth-bounded) input in the background.
// Workers are reused: a thread per file cost more than parsing the file (16,000 handoffs, issue 19). A worker whose
// job overran is not waited for; it rejoins the idle set when that job ends, and the caller takes another.
public static class ParseBudget
{
    private const int StackBytes = 16 * 1024 * 1024;

    // Enough for every caller running at once (a scan uses one per core); more idle threads than that only hold stacks.
    private static readonly int MaxIdle = Math.Max(4, Environment.ProcessorCount * 2);
    private static readonly ConcurrentBag<Worker> Idle = [];

    public static T Run<T>(TimeSpan budget, Func<CancellationToken, T> work, Func<T> timedOut)
    {
        var job = new Job<T>(work);
        var worker = Idle.TryTake(out var idle) ? idle : new Worker();
        worker.Start(job);
        if (!job.Done.Wait(budget))
        {
            // Neither the event nor the token is disposed: the abandoned work still holds both.
            job.Abandon();
            return timedOut();
        }

        job.Done.Dispose();
        job.DisposeToken();
        job.Failure?.Throw();
        return job.Result;
    }

    private abstract class JobBase
    {
        public abstract void Execute();

        public abstract void Complete();
    }

    // Not IDisposable: an abandoned job's token and event outlive the caller; a job that ends in time has both
    // disposed by its caller.
#pragma warning disable CA1001
    private sealed class Job<T>(Func<CancellationToken, T> work) : JobBase
#pragma warning restore CA1001
    {
        private readonly CancellationTokenSource _cancel = new();

        public ManualResetEventSlim Done { get; } = new();

        public T Result { get; private set; } = default!;

        public ExceptionDispatchInfo? Failure { get; private set; }

        public void Abandon() => _cancel.Cancel();

        public override void Execute()
        {
            try
            {
                Result = work(_cancel.Token);
            }
            catch (OperationCanceledException) when (_cancel.IsCancellationRequested)
            {
                // Abandoned after its deadline: nobody waits for this result.
            }
            catch (Exception e)
            {
                Failure = ExceptionDispatchInfo.Capture(e);
            }

        }

        // Only the caller that saw the job end in time disposes its token: the worker disposing it raced a caller whose
        // deadline passed at that moment and cancelled a disposed token.
        public void DisposeToken() => _cancel.Dispose();

        public override void Complete() => Done.Set();
    }

    private sealed class Worker
    {
        // A plain object, not a Lock: the worker waits on it with Monitor.Wait.
        private readonly object _gate = new();
        private JobBase? _job;

        public Worker()
        {
            new Thread(Loop, StackBytes) { IsBackground = true, Name = "ExecReports parse" }.Start();
        }

        public void Start(JobBase job)
        {
            lock (_gate)
            {
                _job = job;
                Monitor.Pulse(_gate);
            }
        }

        private void Loop()
        {
            while (true)
            {
                JobBase job;
                lock (_gate)
                {
                    while (_job is null)
                    {
                        Monitor.Wait(_gate);
                    }

                    job = _job;
                    _job = null;
                }

                job.Execute();
                // Back to the idle set only after the job ends, so an overrunning parse never shares its thread; and
                // before the caller is told, so the caller's next file finds this thread rather than starting one.
                var keep = Idle.Count < MaxIdle;
                if (keep)
                {
                    Idle.Add(this);
                }

                job.Complete();
                if (!keep)
                {
                    return;
                }
            }
        }
    }
}
