using System.Diagnostics;

namespace ExecReports.Tests.Support;

public sealed record CliResult(int ExitCode, string StdOut, string StdErr);

// Runs the built CLI (execreports.dll of the same configuration as the tests) as a real process.
public static class CliRunner
{
    public static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    public static string DllPath { get; } = FindDll();

    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string?>(), args);

    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(DllPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(HangGuard);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"execreports {string.Join(' ', args)} did not exit within {HangGuard}");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    // .../ExecReports.Tests/bin/<Configuration>/<tfm>/ → .../ExecReports.Cli/bin/<Configuration>/<tfm>/execreports.dll
    private static string FindDll()
    {
        var tfmDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = tfmDir.Parent!.Name;
        var candidate = Path.Combine(RepoPaths.Root, "ExecReports.Cli", "bin", configuration, tfmDir.Name, "execreports.dll");
        if (File.Exists(candidate))
        {
            return candidate;
        }

        var beside = Path.Combine(AppContext.BaseDirectory, "execreports.dll");
        return File.Exists(beside) && File.Exists(Path.Combine(AppContext.BaseDirectory, "execreports.runtimeconfig.json"))
            ? beside
            : throw new FileNotFoundException($"Build ExecReports.Cli first: {candidate} not found");
    }
}
