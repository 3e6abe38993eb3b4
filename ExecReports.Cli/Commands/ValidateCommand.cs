using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using ExecReports.Core.Ingestion;
using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reports;
using ExecReports.Core.Reports.Metrics;
using ExecReports.Core.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ExecReports.Cli.Commands;

internal static class ValidateCommand
{
    private static readonly string[] ReportExtensions = [".md", ".txt", ".html", ".htm"];

    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Report files (.md, .txt, .html) or folders of them, validated as they are; .json files are skipped.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var period = new Option<string?>("--period") { Description = "Generate this month's reports (YYYY-MM) and validate them." };
        var rules = new Option<string?>("--rules") { Description = $"Only these rule families, comma-separated: {string.Join(",", RuleFamilies.All)}." };
        var json = new Option<bool>("--json") { Description = "Print one JSON array, an object per file." };
        var command = new Command("validate", "Validate reports: completeness, secrets, entity/domain/bucket names, CFO figures. Exit 1 on any error.")
        {
            paths, period, rules, json,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var given = parse.GetValue(paths) ?? [];
            var periodText = parse.GetValue(period);
            if ((periodText is null) == (given.Length == 0))
            {
                return Usage("Give either --period YYYY-MM or one or more report files/folders, not both.");
            }

            IReadOnlyCollection<string>? families = null;
            if (parse.GetValue(rules) is { } rulesText)
            {
                var names = rulesText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (names.FirstOrDefault(n => !RuleFamilies.All.Contains(n, StringComparer.OrdinalIgnoreCase)) is { } unknown)
                {
                    return Usage($"--rules: '{unknown}' is not a rule family (use {string.Join(", ", RuleFamilies.All)}).");
                }

                if (names.Length == 0)
                {
                    return Usage($"--rules needs at least one of {string.Join(", ", RuleFamilies.All)}.");
                }

                families = names.Select(n => n.ToLowerInvariant()).ToHashSet();
            }

            Period month = default;
            if (periodText is not null && !Period.TryParse(periodText, null, out month))
            {
                return Usage($"--period must be a month like 2026-11, not '{periodText}'.");
            }

            var missing = given.FirstOrDefault(p => !File.Exists(p) && !Directory.Exists(p));
            if (missing is not null)
            {
                return Usage($"no such file or folder: '{missing}'.");
            }

            using var host = await CliHost.StartAsync(cancellationToken);
            var gate = host.Services.GetRequiredService<ValidationGate>();
            var outcome = periodText is not null
                ? await ValidatePeriodAsync(host, gate, month, families, cancellationToken)
                : await ValidatePathsAsync(host, gate, given, families, cancellationToken);

            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(outcome.Files.Select(FileRow.From), CliJson.Options));
            }
            else
            {
                Print(outcome);
            }

            return outcome.Files.Any(f => f.Findings.Any(x => x.Severity == Severity.Error)) ? 1 : 0;
        });
        return command;
    }

    private sealed record FileOutcome(string File, IReadOnlyList<Finding> Findings);

    private sealed record Outcome(IReadOnlyList<FileOutcome> Files, IReadOnlyList<string> Skipped);

    private static async Task<Outcome> ValidatePeriodAsync(IHost host, ValidationGate gate, Period month, IReadOnlyCollection<string>? families, CancellationToken cancellationToken)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var inputs = await scope.ServiceProvider.GetRequiredService<ReportInputsLoader>().LoadAsync(month, cancellationToken: cancellationToken);
        var set = host.Services.GetRequiredService<ReportEngine>().Generate(inputs);
        var findings = gate.Validate(set).Findings
            .Where(f => families is null || families.Contains(f.Family))
            .ToList();
        var names = set.Reports.Select(r => ReportText.From(r).Name).ToList();
        return new Outcome(Group(names, findings), []);
    }

    private static async Task<Outcome> ValidatePathsAsync(IHost host, ValidationGate gate, IReadOnlyList<string> given, IReadOnlyCollection<string>? families, CancellationToken cancellationToken)
    {
        var catalog = host.Services.GetRequiredService<EntityCatalogProvider>().Current;
        var skipped = new List<string>();
        var batches = new List<(IReadOnlyList<ReportText> Files, string? Folder)>();
        foreach (var path in given)
        {
            if (Directory.Exists(path))
            {
                var files = Directory.EnumerateFiles(path).Order(StringComparer.Ordinal).ToList();
                skipped.AddRange(files.Where(f => !IsReport(f)));
                var texts = new List<ReportText>();
                foreach (var file in files.Where(IsReport))
                {
                    texts.Add(ReportText.FromFile(file, await File.ReadAllTextAsync(file, cancellationToken)));
                }

                batches.Add((texts, path));
            }
            else if (IsReport(path))
            {
                batches.Add(([ReportText.FromFile(path, await File.ReadAllTextAsync(path, cancellationToken))], null));
            }
            else
            {
                skipped.Add(path);
            }
        }

        var books = new Dictionary<Period, MetricBook>();
        if (families is null || families.Contains(RuleFamilies.Figures))
        {
            var loader = host.Services.GetRequiredService<ReportInputsLoader>();
            var engine = host.Services.GetRequiredService<ReportEngine>();
            var periods = batches.SelectMany(b => b.Files).Select(f => Period.TryParse(f.Period, null, out var p) ? p : default).Where(p => p.IsSet).SelectMany(p => new[] { p.Previous(), p }).Distinct().Order();
            foreach (var p in periods)
            {
                books[p] = engine.Metrics(await loader.LoadAsync(p, cancellationToken: cancellationToken));
            }
        }

        var outcomes = new List<FileOutcome>();
        foreach (var (files, folder) in batches)
        {
            var result = gate.ValidateFiles(files, catalog, p => books[p], families, folder is null ? null : gate.ExpectedRoles);
            // Set-level findings name the missing report ("ceo-report"); place it in the folder it is missing from.
            var findings = result.Findings
                .Select(f => folder is not null && f.Report is { } r && files.All(x => x.Name != r) ? f with { Report = Path.Combine(folder, r) } : f)
                .ToList();
            outcomes.AddRange(Group(files.Select(f => f.Name).ToList(), findings));
        }

        return new Outcome(outcomes, skipped);
    }

    private static bool IsReport(string path) => ReportExtensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    // One entry per file, in the order given; findings about something that is not a file (a missing report, a
    // handoff) get their own entry after them.
    private static List<FileOutcome> Group(IReadOnlyList<string> files, IReadOnlyList<Finding> findings)
    {
        var outcomes = files.Select(f => new FileOutcome(f, findings.Where(x => x.Report == f).ToList())).ToList();
        outcomes.AddRange(findings
            .Where(f => !files.Contains(f.Report ?? ""))
            .GroupBy(f => f.Report ?? "")
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new FileOutcome(g.Key, g.ToList())));
        return outcomes;
    }

    private static void Print(Outcome outcome)
    {
        foreach (var file in outcome.Files)
        {
            if (file.Findings.Count == 0)
            {
                Console.WriteLine($"{file.File}: ok");
                continue;
            }

            Console.WriteLine($"{file.File}:");
            foreach (var f in file.Findings)
            {
                var where = f.Line is { } line ? $"line {line}" : "-";
                Console.WriteLine($"  {Severe(f.Severity)} {f.Rule} ({where}{(f.Section is null ? "" : $", {f.Section}")}): {f.Message}");
                if (f.Suggestion is not null)
                {
                    Console.WriteLine($"      {f.Suggestion}");
                }
            }
        }

        foreach (var skip in outcome.Skipped)
        {
            Console.WriteLine($"{skip}: skipped (not a .md, .txt or .html report)");
        }

        var all = outcome.Files.SelectMany(f => f.Findings).ToList();
        var families = RuleFamilies.All.Select(family =>
            $"{family} {all.Count(f => f.Family == family && f.Severity == Severity.Error)}/{all.Count(f => f.Family == family && f.Severity == Severity.Warning)}");
        Console.WriteLine();
        Console.WriteLine($"{outcome.Files.Count} file(s): {all.Count(f => f.Severity == Severity.Error)} error(s), {all.Count(f => f.Severity == Severity.Warning)} warning(s) " +
                          $"(errors/warnings: {string.Join(", ", families)})");
    }

    private static string Severe(Severity severity) => severity == Severity.Error ? "error  " : "warning";

    private static int Usage(string message)
    {
        Console.Error.WriteLine(message);
        Console.Error.WriteLine("Usage: validate --period YYYY-MM [--rules LIST] [--json]  |  validate PATH... [--rules LIST] [--json]");
        return 2;
    }

    private sealed record FindingRow(
        string Rule,
        string Severity,
        int? Line,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Section,
        string Message,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Suggestion);

    private sealed record FileRow(string File, IReadOnlyList<FindingRow> Findings)
    {
        public static FileRow From(FileOutcome outcome) => new(
            outcome.File,
            outcome.Findings.Select(f => new FindingRow(f.Rule, f.Severity == Severity.Error ? "error" : "warning", f.Line, f.Section, f.Message, f.Suggestion)).ToList());
    }
}
