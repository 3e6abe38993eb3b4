using System.CommandLine;
using System.Text.Json;
using ExecReports.Core.Health;
using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Cli.Commands;

internal static class HealthCommand
{
    public static Command Create()
    {
        var command = new Command("health", "Initialise the data folder if needed and print the state of the database, mail transport and archive as JSON.");
        command.SetAction(async (_, cancellationToken) =>
        {
            using var host = await CliHost.StartAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var report = await scope.ServiceProvider.GetRequiredService<HealthService>().CheckAsync(cancellationToken);
            Console.WriteLine(JsonSerializer.Serialize(report, CliJson.Options));
            return report.Status == "ok" ? 0 : 1;
        });
        return command;
    }
}
