using System.CommandLine;
using ExecReports.Cli.Commands;

namespace ExecReports.Cli;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var root = new RootCommand("ExecReports: generate, validate and send the monthly executive reports headless.")
        {
            HealthCommand.Create(),
            KpisCommand.Create(),
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

        return await parse.InvokeAsync();
    }
}
