using System.Diagnostics;
using BenchmarkDotNet.Running;
using ExecReports.Benchmarks;

if (args is ["stages", ..])
{
    // A quick breakdown of where one warm regeneration spends its time, to aim optimisation; not a benchmark.
    var bench = new GenerationBenchmarks();
    bench.Setup();
    try
    {
        for (var round = 0; round < 5; round++)
        {
            foreach (var (name, time) in bench.Stages())
            {
                Console.WriteLine($"round {round} {name,-28} {time.TotalMilliseconds,8:F1} ms");
            }
        }
    }
    finally
    {
        bench.Cleanup();
    }

    return 0;
}

if (args is ["process", ..])
{
    return await ProcessBenchmark.RunAsync(args[1..]);
}

if (args is ["dashboard-stages", ..])
{
    return await DashboardStages.RunAsync(args[1..]);
}

if (args is ["pages", ..])
{
    return await PageBenchmark.RunAsync(args[1..]);
}

if (args is ["send-rate", ..])
{
    return await SendRateBenchmark.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(GenerationBenchmarks).Assembly).Run(args);
return 0;
