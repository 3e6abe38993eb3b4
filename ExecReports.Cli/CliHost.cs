using System.Diagnostics;
using ExecReports.Core;
using ExecReports.Core.Configuration;
using ExecReports.Core.Data;
using ExecReports.Core.Ingestion;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ExecReports.Cli;

// The CLI runs the same Core services as the web app, against the same appsettings.json and data folder.
internal static class CliHost
{
    public static async Task<IHost> StartAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = false });
        builder.Configuration.AddExecReportsFiles();
        // stdout is for results (JSON, lists); diagnostics go to stderr.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddExecReportsCore(builder.Configuration);

        var host = builder.Build();
        CliTimings.Mark("host built", clock);
        // The host is never started (a verb is one unit of work, not a service), so its start-up checks run here,
        // before anything touches the data folder: a misspelt key or an invalid option stops every verb.
        ValidateOptions(host.Services);
        CliTimings.Mark("options validated", clock);
        await host.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
        CliTimings.Mark("database ready", clock);
        host.Services.GetRequiredService<EntityCatalogProvider>().EnsureLoaded();
        CliTimings.Mark("catalog loaded", clock);
        return host;
    }

    private static void ValidateOptions(IServiceProvider services)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
        }
        catch (OptionsValidationException e)
        {
            throw new CliConfigurationException(e.Failures);
        }
        catch (AggregateException e) when (e.InnerExceptions.All(i => i is OptionsValidationException))
        {
            throw new CliConfigurationException(e.InnerExceptions.SelectMany(i => ((OptionsValidationException)i).Failures));
        }
        catch (InvalidOperationException e) when (e.Message.Contains("ErrorOnUnknownConfiguration", StringComparison.Ordinal))
        {
            // The binder names the unknown key and the options type; the key is what the user has to fix.
            throw new CliConfigurationException([e.Message]);
        }
    }
}

// Configuration no verb can run with; Program reports it with exit code 1, like a broken catalog.
internal sealed class CliConfigurationException(IEnumerable<string> failures)
    : Exception("Invalid configuration (appsettings.json, environment variables):" + Environment.NewLine
        + string.Join(Environment.NewLine, failures.Select(f => "  " + f)));

// EXECREPORTS_TIMINGS=1 prints where a process's start-up time went, to stderr (see bench/README.md).
internal static class CliTimings
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("EXECREPORTS_TIMINGS") == "1";

    public static void Mark(string stage, Stopwatch clock)
    {
        if (Enabled)
        {
            Console.Error.WriteLine($"[timing] {stage,-20} {clock.Elapsed.TotalMilliseconds,8:F0} ms (process {(DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds:F0} ms)");
        }

        clock.Restart();
    }
}
