using BenchmarkDotNet.Attributes;
using ExecReports.Core.Primitives;
using ExecReports.Core;
using ExecReports.Core.Configuration;
using ExecReports.Core.Ingestion;
using ExecReports.Core.Kpis;
using ExecReports.Core.Reports;
using Markdig;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ExecReports.Benchmarks;

// Targets on a 2-core machine: ingest + generate all eight reports cold under 1 s;
// one handoff changed → regenerate under 100 ms; Markdig alone is the floor.
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 8)]
public class GenerationBenchmarks
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "execreports-bench", Guid.NewGuid().ToString("N"));
    private ServiceProvider _services = null!;
    private ReportEngine _engine = null!;
    private EntityCatalog _catalog = null!;
    private IReadOnlyList<KpiMonth> _kpis = null!;
    private ChartOfAccounts _accounts = null!;
    private IReadOnlyList<string> _files = null!;
    private string[] _texts = null!;
    private HandoffStore _warm = null!;
    private int _edits;

    private string Handoffs => Path.Combine(_root, "handoffs");

    [GlobalSetup]
    public void Setup()
    {
        var repo = AppConfiguration.FindBaseDirectory();
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(repo, AppConfiguration.FileName))
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ExecReports:DataPath"] = Path.Combine(_root, "data"),
                ["ExecReports:BaseDirectory"] = repo,
                ["Data:HandoffsPath"] = Handoffs,
            })
            .Build();
        _services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddExecReportsCore(configuration)
            .BuildServiceProvider();

        _catalog = _services.GetRequiredService<EntityCatalogProvider>().Current;
        _files = Corpus.WriteHandoffs(Handoffs, _catalog.Entities.Select(e => (e.Id, e.Name)).ToList(), Corpus.DefaultHandoffs);
        _texts = _files.Select(File.ReadAllText).ToArray();
        _kpis = Corpus.Kpis(Path.Combine(repo, "samples", "kpis"));
        _accounts = _services.GetRequiredService<ChartOfAccounts>();
        _engine = _services.GetRequiredService<ReportEngine>();
        _warm = IngestionServiceCollectionExtensions.ForFolder(_services, Handoffs);
        _warm.GetSnapshot();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _warm.Dispose();
        _services.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "Markdig alone: parse the corpus")]
    public int MarkdigParseCorpus()
    {
        var blocks = 0;
        foreach (var text in _texts)
        {
            blocks += Markdown.Parse(text).Count;
        }

        return blocks;
    }

    [Benchmark(Description = "Cold: ingest 1,050 handoffs + generate 8 reports")]
    public int ColdIngestAndGenerate()
    {
        ExecReports.Core.Reports.Rendering.ReportRenderer.ClearCache();
        using var store = IngestionServiceCollectionExtensions.ForFolder(_services, Handoffs);
        return Generate(store.GetSnapshot());
    }

    [Benchmark(Description = "Warm: one handoff changed → regenerate 8 reports")]
    public int RegenerateAfterOneHandoffChange()
    {
        File.AppendAllText(_files[_edits++ % _files.Count], $"\n- Edit {_edits} noted.\n");
        return Generate(_warm.Refresh());
    }

    public IEnumerable<(string Stage, TimeSpan Time)> Stages()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        File.AppendAllText(_files[_edits++ % _files.Count], $"\n- Edit {_edits} noted.\n");
        var snapshot = _warm.Refresh();
        yield return ("refresh after one edit", clock.Elapsed);
        var inputs = Inputs(snapshot);
        clock.Restart();
        _ = inputs.Digest();
        yield return ("input digest", clock.Elapsed);
        clock.Restart();
        _ = _engine.Metrics(inputs);
        yield return ("metric book", clock.Elapsed);
        clock.Restart();
        _ = _engine.Generate(inputs);
        yield return ("generate (all)", clock.Elapsed);
    }

    private ReportInputs Inputs(HandoffSnapshot snapshot) => new()
    {
        Period = Period.Parse("2026-11"),
        Catalog = _catalog,
        Handoffs = snapshot,
        Kpis = _kpis,
        Accounts = _accounts,
        KpisLastEdited = null,
        Now = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero),
    };

    private int Generate(HandoffSnapshot snapshot)
    {
        var set = _engine.Generate(new ReportInputs
        {
            Period = Period.Parse("2026-11"),
            Catalog = _catalog,
            Handoffs = snapshot,
            Kpis = _kpis,
            Accounts = _accounts,
            KpisLastEdited = null,
            Now = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero),
        });
        return set.Reports.Sum(r => r.Rendered.Html.Length);
    }
}
