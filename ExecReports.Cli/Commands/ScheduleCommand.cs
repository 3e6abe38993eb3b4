using System.CommandLine;
using System.Globalization;
using ExecReports.Core.Schedule;
using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Cli.Commands;

internal static class ScheduleCommand
{
    public static Command Create()
    {
        var next = new Option<int>("--next") { Description = "How many upcoming fire times to print.", DefaultValueFactory = _ => 3 };
        var now = new Option<string?>("--now") { Description = "Fix the clock, e.g. 2026-11-25T12:00:00Z; default is the system clock." };
        var command = new Command("schedule", "Print the next fire times of Schedule:Cron as ISO-8601 UTC, one per line.") { next, now };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var count = parse.GetValue(next);
            if (count < 1)
            {
                return Usage($"--next must be 1 or more, not {count}.");
            }

            DateTimeOffset? after = null;
            if (parse.GetValue(now) is { } nowText)
            {
                if (!DateTimeOffset.TryParse(nowText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var fixedNow))
                {
                    return Usage($"--now must be an ISO-8601 time like 2026-11-25T12:00:00Z, not '{nowText}'.");
                }

                after = fixedNow;
            }

            using var host = await CliHost.StartAsync(cancellationToken);
            // An invalid Schedule:Cron has already stopped CliHost with the field named (exit 1).
            var calculator = host.Services.GetRequiredService<ScheduleCalculator>();
            foreach (var time in calculator.NextFireTimes(count, after))
            {
                Console.WriteLine(time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            }

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
