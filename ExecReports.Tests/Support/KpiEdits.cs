using ExecReports.Core.Close;
using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Tests.Support;

// Edits of the sample KPIs through the real KpiService, as the editor or an import would save them.
public static class KpiEdits
{
    // jada's burn ceiling feeds the CFO's budget against actual and no other report (KpiFieldUses): an edit that
    // changes the CFO report alone.
    public static async Task RaiseBurnCeilingAsync(IServiceProvider services, Period period, decimal by, string user)
    {
        await using var scope = services.CreateAsyncScope();
        var kpis = scope.ServiceProvider.GetRequiredService<KpiService>();
        var month = (await kpis.GetAsync("jada", period))!;
        var saved = await kpis.SaveAsync(month with { Targets = month.Targets! with { BurnCeiling = month.Targets.BurnCeiling + by } }, user);
        Assert.True(saved.Saved, string.Join("; ", saved.Errors));
    }

    // A month entered and closed as an editor would at month end: every entity started from its latest earlier month
    // ("Start from last month") and saved unchanged. For tests on the real clock, whose month the samples do not hold.
    public static async Task EnterAndCloseAsync(IServiceProvider services, Period period, string user)
    {
        await using var scope = services.CreateAsyncScope();
        var kpis = scope.ServiceProvider.GetRequiredService<KpiService>();
        var close = scope.ServiceProvider.GetRequiredService<MonthCloseService>();
        foreach (var entity in scope.ServiceProvider.GetRequiredService<KnownEntities>().Ids)
        {
            if (await kpis.GetAsync(entity, period) is null)
            {
                var started = await kpis.StartFromPreviousAsync(entity, period) ?? throw new InvalidOperationException($"{entity} has no month before {period}");
                var saved = await kpis.SaveAsync(started.Month, user);
                Assert.True(saved.Saved, $"{entity} {period}: " + string.Join("; ", saved.Errors));
            }

            await close.CloseAsync(entity, period, user);
        }
    }
}
