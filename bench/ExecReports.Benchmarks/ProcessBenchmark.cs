using System.Diagnostics;
using System.Globalization;
using ExecReports.Core;
using ExecReports.Core.Configuration;
using ExecReports.Core.Ingestion;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ExecReports.Benchmarks;

// What users run: the published Release CLI as a process, timed from outside (wall clock and peak RSS from
// /usr/bin/time), median of N runs. The first `health` creates the database and is reported apart.
//   dotnet run -c Release --project bench/ExecReports.Benchmarks -- process [--cli DLL] [--runs 5] [--sizes 1000,4000,16000] [--only health,samples,1000] [--keep]
// --keep leaves the published CLI, the data folder and the corpora in place (the path is printed), so a slow case can
// be profiled by hand with the same inputs.
public static class ProcessBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var runs = int.Parse(Option(args, "--runs") ?? "5", CultureInfo.InvariantCulture);
        var sizes = (Option(args, "--sizes") ?? "1000,4000,16000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var only = Option(args, "--only")?.Split(',').ToHashSet(StringComparer.OrdinalIgnoreCase);
        var keep = args.Contains("--keep");
        var repo = AppConfiguration.FindBaseDirectory();
        var root = Path.Combine(Path.GetTempPath(), "execreports-process-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            var cli = Option(args, "--cli") ?? await PublishAsync(repo, "ExecReports.Cli", "execreports.dll", Path.Combine(root, "cli"));
            var data = Path.Combine(root, "data");
            var output = Path.Combine(root, "out");
            var entities = Entities(repo, data);

            Console.WriteLine($"CLI {cli}; {Environment.ProcessorCount} cores; load average {LoadAverage()}; {runs} runs each");
            Console.WriteLine($"{"case",-34} {"median s",9} {"min s",7} {"max s",7} {"peak RSS MB",12} {"CPU s",9}");
            var first = await TimeAsync(cli, repo, data, ["health"]);
            Console.WriteLine($"{"health (first run, creates the DB)",-34} {first.Seconds,9:F2} {"",7} {"",7} {first.PeakRssMb,12:F0} {first.CpuSeconds,9:F2}");

            var cases = new List<(string Key, string Name, string[] Args)>
            {
                ("health", "health", ["health"]),
                ("samples", "generate samples", ["generate", "--period", "2026-11", "--now", "2026-12-01T00:00:00Z", "--out", output]),
            };
            foreach (var size in sizes)
            {
                var folder = Path.Combine(root, $"handoffs-{size}");
                Corpus.WriteHandoffs(folder, entities, size);
                var bytes = Directory.EnumerateFiles(folder).Sum(f => new FileInfo(f).Length);
                cases.Add((size.ToString(CultureInfo.InvariantCulture), $"generate {size:N0} ({bytes / 1_048_576.0:F0} MB)",
                    ["generate", "--period", "2026-11", "--now", "2026-12-01T00:00:00Z", "--out", output, "--handoffs", folder]));
            }

            foreach (var (key, name, caseArgs) in cases.Where(c => only is null || only.Contains(c.Key)))
            {
                var samples = new List<Sample>();
                for (var i = 0; i < runs; i++)
                {
                    samples.Add(await TimeAsync(cli, repo, data, caseArgs));
                }

                var ordered = samples.OrderBy(s => s.Seconds).ToList();
                Console.WriteLine($"{name,-34} {ordered[ordered.Count / 2].Seconds,9:F2} {ordered[0].Seconds,7:F2} {ordered[^1].Seconds,7:F2} {samples.Max(s => s.PeakRssMb),12:F0} {samples.OrderBy(s => s.CpuSeconds).ElementAt(samples.Count / 2).CpuSeconds,9:F2}");
                if (caseArgs[0] == "generate")
                {
                    Console.WriteLine($"{"",-34} {EmailParts(output)}");
                }
            }

            Console.WriteLine($"load average after: {LoadAverage()}");
            return 0;
        }
        finally
        {
            if (keep)
            {
                Console.WriteLine($"kept: {root}");
            }
            else
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    // CPU seconds (user + system) beside wall time: on a shared machine they move far less with the load.
    private sealed record Sample(double Seconds, double PeakRssMb, double CpuSeconds);

    private static async Task<Sample> TimeAsync(string cli, string repo, string data, string[] args)
    {
        var metrics = Path.GetTempFileName();
        try
        {
            var start = new ProcessStartInfo("/usr/bin/time")
            {
                WorkingDirectory = repo,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var a in (string[])["-q", "-f", "%e %M %U %S", "-o", metrics, "dotnet", cli, .. args])
            {
                start.ArgumentList.Add(a);
            }

            start.Environment["ExecReports__DataPath"] = data;
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"`{string.Join(' ', args)}` exited {process.ExitCode}: {await stderr}{await stdout}");
            }

            var fields = (await File.ReadAllTextAsync(metrics)).Trim().Split(' ');
            return new Sample(double.Parse(fields[0], CultureInfo.InvariantCulture), double.Parse(fields[1], CultureInfo.InvariantCulture) / 1024,
                double.Parse(fields[2], CultureInfo.InvariantCulture) + double.Parse(fields[3], CultureInfo.InvariantCulture));
        }
        finally
        {
            File.Delete(metrics);
        }
    }

    // Release, -r linux-x64, ReadyToRun: what a deployment runs, not the Debug build.
    internal static async Task<string> PublishAsync(string repo, string project, string dll, string folder)
    {
        Console.WriteLine($"publishing {project} (Release, ReadyToRun) to {folder} ...");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = repo };
        foreach (var a in (string[])["publish", $"{project}/{project}.csproj", "-c", "Release", "-r", "linux-x64", "--self-contained", "false", "-o", folder, "-m:1", "-nodeReuse:false", "-nologo", "-v", "q"])
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? Path.Combine(folder, dll) : throw new InvalidOperationException($"dotnet publish {project} failed");
    }

    private static IReadOnlyList<(string Id, string Name)> Entities(string repo, string data)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(repo, AppConfiguration.FileName))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ExecReports:DataPath"] = data, ["ExecReports:BaseDirectory"] = repo })
            .Build();
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddExecReportsCore(configuration)
            .BuildServiceProvider();
        return services.GetRequiredService<EntityCatalogProvider>().Current.Entities.Select(e => (e.Id, e.Name)).ToList();
    }

    // The email limits (issue 16): the largest HTML and text part of the reports just generated, against 100 / 60 KB.
    private static string EmailParts(string output)
    {
        static (string Role, long Bytes) Largest(string folder, string pattern) => Directory.GetFiles(folder, pattern)
            .Select(f => (Path.GetFileName(f).Split("-report.")[0], new FileInfo(f).Length))
            .MaxBy(x => x.Length);
        var html = Largest(output, "*-report.email.html");
        var text = Largest(output, "*-report.email.txt");
        return $"email parts: largest HTML {html.Bytes / 1024.0:F1} KB ({html.Role}, limit 100), text {text.Bytes / 1024.0:F1} KB ({text.Role}, limit 60)";
    }

    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    internal static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
