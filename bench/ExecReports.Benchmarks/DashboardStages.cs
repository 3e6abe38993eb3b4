using System.Diagnostics;
using ExecReports.Core;
using ExecReports.Core.Configuration;
using ExecReports.Core.Dashboard;
using ExecReports.Core.Data;
using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reports;
using ExecReports.Core.Validation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ExecReports.Benchmarks;

// Where the Dashboard's time goes right after a KPI edit, in process on the sample database: the same steps
// DashboardService.BuildAsync takes, each timed, then the whole build (which then finds everything cached). A
// breakdown to explain the page figures, not a benchmark.
//   dotnet run -c Release --project bench/ExecReports.Benchmarks -- dashboard-stages [--rounds 5]
public static class DashboardStages
{
    private static readonly Period November = new(2026, 11);

    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = int.Parse(ProcessBenchmark.Option(args, "--rounds") ?? "5", System.Globalization.CultureInfo.InvariantCulture);
        var repo = AppConfiguration.FindBaseDirectory();
        var root = Path.Combine(Path.GetTempPath(), "execreports-dashboard-stages", Guid.NewGuid().ToString("N"));
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(repo, AppConfiguration.FileName))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ExecReports:DataPath"] = Path.Combine(root, "data"), ["ExecReports:BaseDirectory"] = repo })
            .Build();
        await using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddExecReportsCore(configuration)
            .BuildServiceProvider();
        try
        {
            await services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
            var reports = services.GetRequiredService<ReportService>();
            var gate = services.GetRequiredService<ValidationGate>();
            await Dashboard(services);
            for (var round = 0; round <= rounds; round++)
            {
                await using (var scope = services.CreateAsyncScope())
                {
                    var kpis = scope.ServiceProvider.GetRequiredService<KpiService>();
                    var jada = (await kpis.GetAsync("jada", November))!;
                    await kpis.SaveAsync(jada with { CashOnHand = jada.CashOnHand + (round % 2 == 0 ? 1 : -1) }, "bench");
                }

                var clock = Stopwatch.StartNew();
                var set = await reports.GetAsync(November);
                var generated = clock.Elapsed;
                await reports.GetAsync(November.Previous());
                var previous = clock.Elapsed;
                _ = set.Months.Count;
                var trends = clock.Elapsed;
                gate.Validate(set);
                var validated = clock.Elapsed;
                await Dashboard(services);
                var total = clock.Elapsed;
                // Round 0 pays for JIT; it is shown so the warm rounds can be compared with it.
                Console.WriteLine($"round {round}: this month's set {generated.TotalMilliseconds,7:F0} ms · last month's set {(previous - generated).TotalMilliseconds,6:F0} ms · " +
                    $"12 trend books {(trends - previous).TotalMilliseconds,6:F0} ms · validation {(validated - trends).TotalMilliseconds,6:F0} ms · " +
                    $"rest of the dashboard {(total - validated).TotalMilliseconds,6:F0} ms · total {total.TotalMilliseconds,7:F0} ms");
            }

            // The gate's parts, once more on the last set (the gate itself caches its result per set).
            var last = await reports.GetAsync(November);
            var secrets = services.GetRequiredService<SecretsCheck>();
            var finance = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ExecReports.Core.Reports.Finance.FinanceOptions>>().Value;
            var found = 0;
            var parts = new List<(string Name, Action Run)>();
            List<ReportText> texts = [];
            parts.Add(("report texts", () => texts = last.Reports.Select(ReportText.From).ToList()));
            parts.Add(("completeness", () => texts.ForEach(t => found += CompletenessCheck.Check(t).Count())));
            parts.Add(("secrets (reports)", () => texts.ForEach(t => found += secrets.Check(t).Count())));
            parts.Add(("names", () => texts.ForEach(t => found += NameCheck.Check(t, last.Inputs.Catalog).Count())));
            parts.Add(("figures", () => texts.ForEach(t => found += FigureCheck.Check(t, last.Metrics, last.Previous, finance).Count())));
            parts.Add(("secrets (handoffs)", () => found += secrets.CheckHandoffs(last.Inputs.Handoffs).Count()));
            foreach (var (name, run) in parts)
            {
                var timer = Stopwatch.StartNew();
                run();
                Console.WriteLine($"validation part {name,-20} {timer.Elapsed.TotalMilliseconds,7:F0} ms");
            }

            Console.WriteLine($"validation findings counted: {found}");
            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task Dashboard(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DashboardService>().BuildAsync(November);
    }
}
