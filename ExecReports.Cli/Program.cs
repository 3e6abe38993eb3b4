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
            FeedbackCommand.Create(),
            ActionsCommand.Create(),
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
            // Without this System.CommandLine prints its own "Unhandled exception" and exits 1 before these handlers run.
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (CliConfigurationException e)
        {
            // Like a broken catalog: the run cannot start (exit 1); exit 2 stays for a bad command line.
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
        catch (CatalogException e)
        {
            // The message already names file, line and field; a stack trace would only bury it.
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
    }
}
