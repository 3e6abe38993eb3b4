using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ExecReports.Core.Archive;
using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Cli.Commands;

internal static class ArchiveCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print a JSON array of { key, date, role, size, sha256 }." };
        var date = new Option<string?>("--date") { Description = "Only this dispatch date, YYYY-MM-DD." };
        var role = new Option<string?>("--role") { Description = "Only this report role, e.g. cfo." };
        var list = new Command("list", "List archived report files (from the archive index).") { json, date, role };
        list.SetAction(async (parse, cancellationToken) =>
        {
            DateOnly? day = null;
            if (parse.GetValue(date) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    Console.Error.WriteLine($"--date must be a day like 2026-12-01, not '{text}'.");
                    return 2;
                }

                day = parsed;
            }

            using var host = await CliHost.StartAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var entries = await scope.ServiceProvider.GetRequiredService<ArchiveIndex>().ListAsync(day, parse.GetValue(role), cancellationToken);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(
                    entries.Select(e => new { key = e.Key, date = e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), role = e.Role, period = e.Period, size = e.Size, sha256 = e.Sha256, batchId = e.BatchId }),
                    CliJson.Options));
                return 0;
            }

            foreach (var e in entries)
            {
                Console.WriteLine($"{e.Date:yyyy-MM-dd}  {e.Role,-18} {e.Period ?? "-",-7}  {e.Size,8}  {e.Sha256[..12]}  {e.Key}");
            }

            Console.WriteLine($"{entries.Count} file(s)");
            return 0;
        });

        var rebuild = new Command("rebuild-index", "Rebuild the archive index by listing and reading every file in the archive store.");
        rebuild.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await CliHost.StartAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<ArchiveIndex>().RebuildAsync(cancellationToken);
            foreach (var skipped in result.Skipped)
            {
                Console.Error.WriteLine($"not indexed: {skipped} (not DATE/ROLE-report.EXT, or unreadable)");
            }

            Console.WriteLine($"indexed {result.Indexed} of {result.Files} file(s)");
            return 0;
        });

        return new Command("archive", "Browse the archive of sent reports.") { list, rebuild };
    }
}
