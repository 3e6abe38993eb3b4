using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ExecReports.Core.Feedback;
using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Cli.Commands;

internal static class FeedbackCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print a JSON array of { messageId, from, report, period, status }." };
        var poll = new Command("poll", "Poll the configured inbound source (Feedback:Source) once and process every new reply.") { json };
        poll.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await CliHost.StartAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            PollReport report;
            try
            {
                report = await scope.ServiceProvider.GetRequiredService<FeedbackPoller>().PollAsync(cancellationToken);
            }
            catch (FeedbackSourceException e)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }

            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(
                    report.Messages.Select(m => new { messageId = m.MessageId, from = m.From, report = m.Report, period = m.Period, status = Status(m.Outcome) }),
                    CliJson.Options));
            }
            else
            {
                foreach (var m in report.Messages)
                {
                    Console.WriteLine($"{Status(m.Outcome),-11} {m.Report ?? "-",-18} {m.Period ?? "-",-7}  {m.From}  {m.MessageId}{(m.Detail is null ? "" : "  — " + m.Detail)}");
                }

                Console.WriteLine($"{report.Messages.Count} message(s) from {report.Source}");
            }

            foreach (var failure in report.Failures)
            {
                Console.Error.WriteLine($"not processed (left for the next poll): {failure}");
            }

            return report.Failures.Count == 0 ? 0 : 1;
        });

        return new Command("feedback", "Replies to report emails: annotations, action items, quarantine.") { poll };
    }

    public static string Status(MessageOutcome outcome) => outcome.ToString().ToLowerInvariant();
}

internal static class ActionsCommand
{
    public static Command Create()
    {
        var status = new Option<string>("--status") { Description = "open (open and in progress), done (done and won't do) or all.", DefaultValueFactory = _ => "open" };
        status.AcceptOnlyFromAmong("open", "done", "all");
        var json = new Option<bool>("--json") { Description = "Print a JSON array of { id, title, status, owner, due, entity, report, period, source }." };
        var list = new Command("list", "List action items.") { status, json };
        list.SetAction(async (parse, cancellationToken) =>
        {
            var filter = parse.GetValue(status) switch { "done" => ActionFilter.Done, "all" => ActionFilter.All, _ => ActionFilter.Open };
            using var host = await CliHost.StartAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var items = await scope.ServiceProvider.GetRequiredService<ActionItems>().ListAsync(filter, cancellationToken);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(
                    items.Select(a => new
                    {
                        id = a.Id, title = a.Title, status = StatusText(a.Status), owner = a.Owner,
                        due = a.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), entity = a.Entity, report = a.Role, period = a.Period,
                        source = a.Source.ToString().ToLowerInvariant(),
                    }),
                    CliJson.Options));
                return 0;
            }

            foreach (var a in items)
            {
                Console.WriteLine($"#{a.Id,-5} {StatusText(a.Status),-12} {a.Role,-18} {a.Period}  {a.Owner ?? "-"}  due {a.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-"}  {a.Title}");
            }

            Console.WriteLine($"{items.Count} action item(s)");
            return 0;
        });

        var id = new Argument<long>("ID") { Description = "The action item's number, as `actions list` shows it." };
        var note = new Option<string?>("--note") { Description = "Why or how it was resolved; kept in the item's history." };
        var resolve = new Command("resolve", "Mark an action item done.") { id, note };
        resolve.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await CliHost.StartAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<ActionItems>()
                .ResolveAsync(parse.GetValue(id), $"cli:{Environment.UserName}", parse.GetValue(note), cancellationToken);
            (result.Ok ? Console.Out : Console.Error).WriteLine(result.Message);
            return result.Ok ? 0 : 1;
        });

        return new Command("actions", "Action items opened from annotations and email replies.") { list, resolve };
    }

    // The JSON contract's words: open, in_progress, done, wont_do.
    public static string StatusText(ActionStatus status) => status switch
    {
        ActionStatus.Open => "open",
        ActionStatus.InProgress => "in_progress",
        ActionStatus.Done => "done",
        _ => "wont_do",
    };
}
