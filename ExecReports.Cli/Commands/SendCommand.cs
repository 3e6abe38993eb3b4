using System.CommandLine;
using ExecReports.Core.Dispatch;
using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Cli.Commands;

internal static class SendCommand
{
    public static Command Create()
    {
        var period = new Option<string>("--period") { Description = "Month to send, YYYY-MM.", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Plan and validate only: nothing is sent or archived." };
        var resend = new Option<bool>("--resend") { Description = "Send again reports already sent, unchanged, to the same recipients for this period." };
        var role = new Option<string?>("--role") { Description = "Send only this report (a role id such as cfo)." };
        var command = new Command("send", "Email the period's unsent and changed reports and archive what was sent; unchanged reports are skipped.")
        {
            period, dryRun, resend, role,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!Period.TryParse(parse.GetValue(period), out var month))
            {
                Console.Error.WriteLine($"--period must be a month like 2026-11, not '{parse.GetValue(period)}'.");
                return 2;
            }

            string[]? roles = null;
            if (parse.GetValue(role) is { } roleId)
            {
                if (ReportRole.Find(roleId.Trim()) is not { } known)
                {
                    Console.Error.WriteLine($"--role must be one of {string.Join(", ", ReportRole.All.Select(r => r.Id))}, not '{roleId}'.");
                    return 2;
                }

                roles = [known.Id];
            }

            using var host = await CliHost.StartAsync(cancellationToken);
            var dispatch = host.Services.GetRequiredService<DispatchService>();
            if (parse.GetValue(dryRun))
            {
                var plan = await dispatch.PlanAsync(month, parse.GetValue(resend), roles, cancellationToken);
                foreach (var item in plan.Items)
                {
                    Console.WriteLine($"{item.Role,-18} {item.To.Count + item.Bcc.Count,3} recipient(s)  {item.ActionText}  to {string.Join(", ", item.To)}; bcc {item.Bcc.Count}");
                }

                Console.WriteLine($"validation: {plan.Validation.Summary}");
                if (plan.Readiness is { } readiness)
                {
                    Console.WriteLine($"close: {readiness.Detail}{(plan.Released is { } released ? $"; released by {released.By}" : "")}");
                }

                if (plan.BlockedBecause is { } blocked)
                {
                    Console.Error.WriteLine($"would not send: {blocked}");
                }

                Console.WriteLine("dry run: nothing sent, nothing archived");
                foreach (var finding in plan.Validation.Findings)
                {
                    Console.Error.WriteLine($"{finding.Severity}: {finding.Report} {finding.Rule}: {finding.Message}");
                }

                return plan.BlockedBecause is null ? 0 : 1;
            }

            // What an earlier, interrupted run left is finished first, so this run's idempotency check sees it.
            var resumed = await dispatch.ResumeAsync(cancellationToken: cancellationToken);
            foreach (var item in resumed)
            {
                Console.WriteLine($"resumed {Line(item)}");
            }

            var result = await dispatch.DispatchAsync(month, DispatchTrigger.Cli, $"{Environment.UserName} (cli)", parse.GetValue(resend), cancellationToken: cancellationToken, roles: roles);
            if (result.RefusedBecause is { } refused)
            {
                Console.Error.WriteLine($"not sent: {refused}");
                return 1;
            }

            foreach (var item in result.Items)
            {
                Console.WriteLine(Line(item));
            }

            var failed = result.Items.Count(i => i.Status == ItemStatus.Failed) + resumed.Count(i => i.Status == ItemStatus.Failed);
            Console.WriteLine($"batch {result.BatchId}: {result.Outcome}{(failed > 0 ? $" ({failed} failed in all)" : "")}");
            return result.AnyFailed || failed > 0 ? 1 : 0;
        });
        return command;
    }

    private static string Line(ItemSummary item) =>
        $"{item.Role,-18} {item.Recipients,3} recipient(s)  {item.Status.ToString().ToLowerInvariant(),-9} {item.MessageId}{(item.Detail is null ? "" : $"  {item.Detail}")}";
}
