using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ExecReports.Core;
using ExecReports.Core.Configuration;
using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace ExecReports.Benchmarks;

// What a user waits for in the browser: the published Release web app (ReadyToRun) as its own process on 127.0.0.1,
// driven by headless Debian chromium, signed in as the bootstrap admin. For each page it times, over N loads, the
// browser's first contentful paint (navigation start → first paint with content, from the Paint Timing API) and the
// time until the page's own content is on screen. "warm" loads repeat the same page; "after edit" loads follow a
// KPI save each (through Core's KpiService on the app's own database), so the report set has to be rebuilt.
//   dotnet run -c Release --project bench/ExecReports.Benchmarks -- pages [--web DLL] [--loads 20]
public static class PageBenchmark
{
    private const string Password = "Bench-Admin-Passw0rd!";
    private const string Admin = "admin@example.com";
    private const string Chromium = "/usr/bin/chromium";
    private static readonly Period BenchPeriod = new(2026, 11);

    private sealed record PageCase(string Name, string Url, string ContentSelector);

    private static readonly PageCase[] Cases =
    [
        new("Dashboard", "/", ".entity-tile"),
        new("Reports", $"/reports/{BenchPeriod}", ".report-card"),
        new("CFO preview", $"/reports/{BenchPeriod}/cfo", "#report-html"),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var loads = int.Parse(ProcessBenchmark.Option(args, "--loads") ?? "20", CultureInfo.InvariantCulture);
        var repo = AppConfiguration.FindBaseDirectory();
        var root = Path.Combine(Path.GetTempPath(), "execreports-page-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var data = Path.Combine(root, "data");
        Process? app = null;
        try
        {
            var web = ProcessBenchmark.Option(args, "--web") ?? await ProcessBenchmark.PublishAsync(repo, "ExecReports.Web", "ExecReports.Web.dll", Path.Combine(root, "web"));
            var port = FreePort();
            var baseUrl = $"http://127.0.0.1:{port}";
            var started = Stopwatch.StartNew();
            app = StartApp(web, repo, data, baseUrl);
            await WaitUntilServingAsync(app, baseUrl);
            Console.WriteLine($"web app {web}; {Environment.ProcessorCount} cores; load average {ProcessBenchmark.LoadAverage()}; serving after {started.Elapsed.TotalSeconds:F2} s");

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Chromium,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            var page = await browser.NewPageAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = 1400, Height = 900 } });
            await page.AddInitScriptAsync(SeenScript);
            await SignInAsync(page);

            using var core = CoreServices(repo, data);
            Console.WriteLine($"{"page",-14} {"state",-11} {"loads",5} {"FCP p50",9} {"FCP p95",9} {"content p50",12} {"content p95",12}");
            foreach (var pageCase in Cases)
            {
                // The first load of each page pays for the first report generation; it is reported apart.
                var cold = await LoadAsync(page, pageCase);
                Print(pageCase.Name, "first", [cold]);

                var warm = new List<Load>();
                for (var i = 0; i < loads; i++)
                {
                    warm.Add(await LoadAsync(page, pageCase));
                }

                Print(pageCase.Name, "warm", warm);

                var afterEdit = new List<Load>();
                for (var i = 0; i < loads; i++)
                {
                    await EditKpiAsync(core, i);
                    afterEdit.Add(await LoadAsync(page, pageCase));
                }

                Print(pageCase.Name, "after edit", afterEdit);
            }

            Console.WriteLine($"load average after: {ProcessBenchmark.LoadAverage()}");
            return 0;
        }
        finally
        {
            if (app is { HasExited: false })
            {
                app.Kill(entireProcessTree: true);
                await app.WaitForExitAsync();
            }

            app?.Dispose();
            Directory.Delete(root, recursive: true);
        }
    }

    // Where a load's time goes, in the page's own clock (from navigation start): the first byte of the HTML, its last
    // byte, the document parsed, and the first frame in which the content had a size.
    private static readonly string SeenScript = $$"""
        window.__seen = {};
        const watch = () => {
          for (const s of {{System.Text.Json.JsonSerializer.Serialize(Cases.Select(c => c.ContentSelector))}}) {
            const e = document.querySelector(s);
            if (!(s in window.__seen) && e && e.getBoundingClientRect().height > 0) window.__seen[s] = performance.now();
          }
          requestAnimationFrame(watch);
        };
        requestAnimationFrame(watch);
        """;

    private sealed record Load(double FirstContentfulPaintMs, double ContentMs, double FirstByteMs, double HtmlMs, double ParsedMs, double SeenMs);

    private static async Task<Load> LoadAsync(IPage page, PageCase pageCase)
    {
        var clock = Stopwatch.StartNew();
        await page.GotoAsync(pageCase.Url, new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForSelectorAsync(pageCase.ContentSelector, new() { State = WaitForSelectorState.Visible, Timeout = 60_000 });
        var content = clock.Elapsed.TotalMilliseconds;
        // The paint entry is written a frame after the paint itself, so wait for it instead of reading it once.
        var fcp = await page.EvaluateAsync<double>("""
            () => new Promise(resolve => {
              const find = () => performance.getEntriesByType('paint').find(e => e.name === 'first-contentful-paint');
              const poll = () => { const e = find(); if (e) resolve(e.startTime); else requestAnimationFrame(poll); };
              poll();
            })
            """);
        var split = await page.EvaluateAsync<double[]>("""
            selector => new Promise(resolve => {
              const poll = () => {
                const n = performance.getEntriesByType('navigation')[0];
                const seen = window.__seen && window.__seen[selector];
                if (n && n.domInteractive > 0 && seen !== undefined) resolve([n.responseStart, n.responseEnd, n.domInteractive, seen]);
                else requestAnimationFrame(poll);
              };
              poll();
            })
            """, pageCase.ContentSelector);
        return new Load(fcp, content, split[0], split[1], split[2], split[3]);
    }

    private static void Print(string name, string state, IReadOnlyList<Load> loads)
    {
        var fcp = loads.Select(l => l.FirstContentfulPaintMs).Order().ToList();
        var content = loads.Select(l => l.ContentMs).Order().ToList();
        double P50(Func<Load, double> of) => Percentile(loads.Select(of).Order().ToList(), 50);
        Console.WriteLine($"{name,-14} {state,-11} {loads.Count,5} {Percentile(fcp, 50),7:F0}ms {Percentile(fcp, 95),7:F0}ms {Percentile(content, 50),10:F0}ms {Percentile(content, 95),10:F0}ms"
            + $"   p50 in page: first byte {P50(l => l.FirstByteMs):F0}ms, HTML {P50(l => l.HtmlMs):F0}ms, parsed {P50(l => l.ParsedMs):F0}ms, content sized {P50(l => l.SeenMs):F0}ms (p95 {Percentile(loads.Select(l => l.SeenMs).Order().ToList(), 95):F0}ms)");
    }

    // Nearest-rank percentile: with 20 loads p95 is the 19th, so one outlier does not hide.
    private static double Percentile(IReadOnlyList<double> sorted, int percent) =>
        sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];

    // Moves JADA's November cash by a dollar each time, so every load after an edit sees a new input digest.
    private static async Task EditKpiAsync(ServiceProvider core, int round)
    {
        await using var scope = core.CreateAsyncScope();
        var kpis = scope.ServiceProvider.GetRequiredService<KpiService>();
        var month = await kpis.GetAsync("jada", BenchPeriod) ?? throw new InvalidOperationException("no JADA KPI month for 2026-11 in the sample database");
        var result = await kpis.SaveAsync(month with { CashOnHand = month.CashOnHand + (round % 2 == 0 ? 1 : -1) }, "bench");
        if (!result.Saved)
        {
            throw new InvalidOperationException($"the benchmark's KPI edit was refused: {string.Join("; ", result.Errors)}");
        }
    }

    private static ServiceProvider CoreServices(string repo, string data)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(repo, AppConfiguration.FileName))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ExecReports:DataPath"] = data, ["ExecReports:BaseDirectory"] = repo })
            .Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddExecReportsCore(configuration)
            .BuildServiceProvider();
    }

    private static async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/");
        await page.FillAsync("#email", Admin);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("#sign-in");
        await page.WaitForSelectorAsync("[data-interactive='true']", new() { Timeout = 60_000 });
    }

    private static Process StartApp(string web, string repo, string data, string baseUrl)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = repo, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(web);
        start.Environment["ASPNETCORE_URLS"] = baseUrl;
        start.Environment["ExecReports__DataPath"] = data;
        start.Environment["Auth__BootstrapAdmin__Email"] = Admin;
        start.Environment["Auth__BootstrapAdmin__Password"] = Password;
        var process = Process.Start(start)!;
        // Drained so a chatty log cannot fill the pipe and stall the app.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) Console.Error.WriteLine($"[web] {line}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilServingAsync(Process app, string baseUrl)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (app.HasExited)
            {
                throw new InvalidOperationException($"the web app exited with {app.ExitCode} before serving");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/account/login", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the web app did not serve /account/login within 2 minutes");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
