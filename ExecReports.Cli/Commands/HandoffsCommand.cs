using System.CommandLine;
using System.Text.Json;
using ExecReports.Core.Ingestion;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ExecReports.Cli.Commands;

internal static class HandoffsCommand
{
    public static Command Create()
    {
        var pathOption = new Option<string?>("--path") { Description = "Handoffs folder to read instead of Data:HandoffsPath." };
        var jsonOption = new Option<bool>("--json") { Description = "Print one JSON array, an object per file." };
        var command = new Command("handoffs", "List the handoff notes with their entity, date, status, problems and fact counts.")
        {
            pathOption,
            jsonOption,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            IHost host;
            try
            {
                host = await CliHost.StartAsync(cancellationToken);
            }
            catch (CatalogException e)
            {
                // The message already names file, line and field; a stack trace would only bury it.
                await Console.Error.WriteLineAsync(e.Message);
                return 1;
            }

            using var _ = host;
            var path = parse.GetValue(pathOption);
            var catalog = host.Services.GetRequiredService<EntityCatalogProvider>().Current;
            using var store = path is null
                ? null
                : IngestionServiceCollectionExtensions.ForFolder(host.Services, Path.GetFullPath(path));
            var snapshot = (store ?? host.Services.GetRequiredService<HandoffStore>()).GetSnapshot();
            if (snapshot.FolderProblem is not null)
            {
                await Console.Error.WriteLineAsync(snapshot.FolderProblem);
                return 2;
            }

            if (parse.GetValue(jsonOption))
            {
                var rows = snapshot.Documents.Select(d => new HandoffRow(
                    d.File,
                    d.EntityId is null ? null : catalog.ById(d.EntityId)?.Name,
                    d.Updated?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    d.Status.ToString().ToLowerInvariant(),
                    d.Problems,
                    new SectionCounts(
                        d.FactCount(SectionKind.CurrentState),
                        d.FactCount(SectionKind.KnownIssues),
                        d.FactCount(SectionKind.Decisions),
                        d.FactCount(SectionKind.NextSteps),
                        d.FactCount(SectionKind.Stack),
                        d.FactCount(SectionKind.Metrics),
                        d.FactCount(SectionKind.Other))));
                Console.WriteLine(JsonSerializer.Serialize(rows, CliJson.Options));
                return 0;
            }

            PrintTable(snapshot, catalog);
            return 0;
        });
        return command;
    }

    private static void PrintTable(HandoffSnapshot snapshot, EntityCatalog catalog)
    {
        var rows = snapshot.Documents.Select(d => new[]
        {
            d.File,
            d.EntityId is null ? "-" : catalog.ById(d.EntityId)?.Name ?? d.EntityId,
            d.Updated is null ? "-" : $"{d.Updated:yyyy-MM-dd}{(snapshot.IsStale(d) ? " (stale)" : "")}",
            d.Status.ToString().ToLowerInvariant(),
            d.Facts.Count().ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).ToList();
        string[] header = ["FILE", "ENTITY", "UPDATED", "STATUS", "FACTS"];
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        string Line(string[] cells) => string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd();

        Console.WriteLine($"{snapshot.Folder}: {snapshot.Documents.Count} file(s)");
        Console.WriteLine(Line(header));
        rows.ForEach(r => Console.WriteLine(Line(r)));
        var problems = snapshot.Documents.SelectMany(d => d.Problems).ToList();
        if (problems.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine("Problems:");
            problems.ForEach(p => Console.WriteLine($"  {p}"));
        }
    }

    private sealed record HandoffRow(string File, string? Entity, string? Updated, string Status, IReadOnlyList<string> Problems, SectionCounts Sections);

    private sealed record SectionCounts(int CurrentState, int KnownIssues, int Decisions, int NextSteps, int Stack, int Metrics, int Other);
}
