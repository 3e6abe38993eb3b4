using System.CommandLine;
using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Cli.Commands;

internal static class KpisCommand
{
    // Who the history records for edits made from the command line.
    private const string CliUser = "cli";

    public static Command Create() => new("kpis", "Export or import monthly KPI and financial inputs as JSON.")
    {
        Export(),
        Import(),
    };

    private static Command Export()
    {
        var entity = new Option<string?>("--entity") { Description = "Only this entity id." };
        var period = new Option<string?>("--period") { Description = "Only this month, YYYY-MM." };
        var output = new Option<FileInfo?>("--out") { Description = "Write to this file instead of stdout." };
        var command = new Command("export", "Write KPI months as a JSON array (the import format).") { entity, period, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            Period? only = null;
            if (parse.GetValue(period) is { } text)
            {
                if (!Period.TryParse(text, out var parsed))
                {
                    Console.Error.WriteLine($"--period: '{text}' is not a month in the form YYYY-MM.");
                    return 2;
                }

                only = parsed;
            }

            using var host = await CliHost.StartAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var kpis = scope.ServiceProvider.GetRequiredService<KpiService>();
            var file = parse.GetValue(output);
            await using var stream = file is null ? Console.OpenStandardOutput() : file.Create();
            var count = await kpis.ExportJsonAsync(stream, parse.GetValue(entity), only, cancellationToken);
            Console.Error.WriteLine($"Exported {count} KPI month(s){(file is null ? "" : $" to {file.FullName}")}.");
            return 0;
        });
        return command;
    }

    private static Command Import()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "JSON file: an array of KPI months (as exported) or one month." };
        var command = new Command("import", "Validate and save each KPI month in FILE; prints one line per record. Exit 1 if any record was rejected.") { file };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var input = parse.GetValue(file)!;
            if (!input.Exists)
            {
                Console.Error.WriteLine($"{input.FullName}: file not found.");
                return 2;
            }

            using var host = await CliHost.StartAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var kpis = scope.ServiceProvider.GetRequiredService<KpiService>();
            await using var stream = input.OpenRead();
            var result = await kpis.ImportJsonAsync(stream, CliUser, cancellationToken);
            foreach (var record in result.Records)
            {
                Console.WriteLine(record);
            }

            Console.WriteLine($"{result.Records.Count - result.Rejected} imported, {result.Rejected} rejected.");
            return result.AllImported ? 0 : 1;
        });
        return command;
    }
}
