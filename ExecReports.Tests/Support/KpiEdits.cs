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
}
