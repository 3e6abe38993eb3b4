using System.CommandLine;
using ExecReports.Cli.Commands;
using ExecReports.Core.Ingestion;

namespace ExecReports.Cli;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var root = new RootCommand("ExecReports: generate, validate and send the monthly executive reports headless.")
        {
            HealthCommand.Create(),
            HandoffsCommand.Create(),
            KpisCommand.Create(),
            GenerateCommand.Create(),
            ValidateCommand.Create(),
            ScheduleCommand.Create(),
            SendCommand.Create(),
            ArchiveCommand.Create(),
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                Console.Error.WriteLine(error.Message);
            }

            Console.Error.WriteLine("Run with --help for usage.");
            return 2;
        }

        try
        {
            return await parse.InvokeAsync();
        }
        catch (CatalogException e)
        {
            // The message already names file, line and field; a stack trace would only bury it.
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
    }
}
