using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(ExecReports.Benchmarks.GenerationBenchmarks).Assembly).Run(args);
