using System.Runtime.ExceptionServices;

namespace ExecReports.Core.Primitives;

// Runs independent pieces of work on the calling thread and on idle pool threads. Unlike Parallel and PLINQ, the
// caller never waits for a pool thread that has not started: it takes every piece nobody else has, then waits only for
// pieces already running. A Blazor circuit or a busy test host whose pool is short of threads gets the work done on
// one thread instead of waiting for the pool to grow (with Task.Run and a blocking wait, a cluster node's page once
// hung for over 100 s; starvation is the suspected cause, issue 19).
public static class SideBySide
{
    public static void Run(int count, Action<int> piece)
    {
        if (count <= 1)
        {
            if (count == 1)
            {
                piece(0);
            }

            return;
        }

        var next = -1;
        var unfinished = count;
        var failures = new ExceptionDispatchInfo?[count];
        using var finished = new ManualResetEventSlim();
        void Take()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                try
                {
                    piece(i);
                }
                catch (Exception e)
                {
                    failures[i] = ExceptionDispatchInfo.Capture(e);
                }

                if (Interlocked.Decrement(ref unfinished) == 0)
                {
                    finished.Set();
                }
            }
        }

        // A helper that starts after every piece is taken finds none and returns; it never touches the event.
        for (var helper = Math.Min(count, Environment.ProcessorCount) - 1; helper > 0; helper--)
        {
            ThreadPool.UnsafeQueueUserWorkItem(_ => Take(), null);
        }

        Take();
        finished.Wait();
        // The first failure in piece order, as it would have been thrown running them one after another.
        failures.FirstOrDefault(f => f is not null)?.Throw();
    }

    public static TResult[] Map<T, TResult>(IReadOnlyList<T> items, Func<T, TResult> map)
    {
        var results = new TResult[items.Count];
        Run(items.Count, i => results[i] = map(items[i]));
        return results;
    }
}
