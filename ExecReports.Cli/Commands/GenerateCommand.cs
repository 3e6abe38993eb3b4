using System.CommandLine;
using System.Globalization;
using ExecReports.Core.Ingestion;
using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Cli.Commands;

internal static class GenerateCommand
{
    public static Command Create()
    {
        var period = new Option<string>("--period") { Description = "Month to report on, YYYY-MM.", Required = true };
        var output = new Option<string>("--out") { Description = "Folder to write ROLE-report.md/.txt/.html/.json into.", Required = true };
        var role = new Option<string?>("--role") { Description = "Only this report: ceo, cto, accounting, cmo, cfo, rental, yacht-delivery, portfolio-billing." };
        var handoffs = new Option<string?>("--handoffs") { Description = "Handoff folder to read instead of Data:HandoffsPath." };
        var now = new Option<string?>("--now") { Description = "Fix the clock, e.g. 2026-12-01T00:00:00Z, for repeatable output." };
        var command = new Command("generate", "Generate the period's reports and write each as Markdown, plain text, HTML and JSON.")
        {
            period, output, role, handoffs, now,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!Period.TryParse(parse.GetValue(period), out var month))
            {
                return Usage($"--period must be a month like 2026-11, not '{parse.GetValue(period)}'.");
            }

            ReportRole? only = null;
            if (parse.GetValue(role) is { } roleId && (only = ReportRole.Find(roleId)) is null)
            {
                return Usage($"--role '{roleId}' is not one of {string.Join(", ", ReportRole.All.Select(r => r.Id))}.");
            }

            DateTimeOffset? clock = null;
            if (parse.GetValue(now) is { } nowText)
            {
                if (!DateTimeOffset.TryParse(nowText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var fixedNow))
                {
                    return Usage($"--now must be an ISO-8601 time like 2026-12-01T00:00:00Z, not '{nowText}'.");
                }

                clock = fixedNow;
            }

            using var host = await CliHost.StartAsync(cancellationToken);
            var stages = System.Diagnostics.Stopwatch.StartNew();
            using var otherHandoffs = parse.GetValue(handoffs) is { } folder
                ? IngestionServiceCollectionExtensions.ForFolder(host.Services, Path.GetFullPath(folder))
                : null;
            var snapshot = otherHandoffs?.GetSnapshot();
            if (snapshot?.FolderProblem is { } problem)
            {
                return Usage(problem);
            }

            CliTimings.Mark("handoffs read", stages);
            await using var scope = host.Services.CreateAsyncScope();
            var inputs = await scope.ServiceProvider.GetRequiredService<ReportInputsLoader>().LoadAsync(month, snapshot, clock, cancellationToken);
            CliTimings.Mark("inputs loaded", stages);
            var set = host.Services.GetRequiredService<ReportEngine>().Generate(inputs, only is null ? null : [only]);
            CliTimings.Mark("reports generated", stages);

            var outDir = Path.GetFullPath(parse.GetValue(output)!);
            Directory.CreateDirectory(outDir);
            foreach (var report in set.Reports)
            {
                foreach (var (name, content, _) in ReportFiles.For(report))
                {
                    await File.WriteAllBytesAsync(Path.Combine(outDir, name), content, cancellationToken);
                }

                var missing = report.Sections.Sum(s => s.MissingInputs.Count);
                Console.WriteLine($"{report.FileStem}: {report.Sections.Count} sections, {report.Metrics.Count} metrics{(missing > 0 ? $", {missing} missing input(s)" : "")}");
            }

            CliTimings.Mark("files written", stages);
            Console.WriteLine($"wrote {set.Reports.Count * 4} files to {outDir}");
            return 0;
        });
        return command;
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }
}
