using ExecReports.Core.Close;
using ExecReports.Core.Dispatch;
using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reports;
using ExecReports.Core.Validation;
using ExecReports.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Tests.Core.Close;

// Real services over the shipped samples and a real SQLite file.
public sealed class MonthCloseTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly Period November = new(2026, 11);
    private static readonly Period December = new(2026, 12);

    [Fact]
    public async Task TheSampleMonthsAreSeededClosedAndDecemberHasEveryEntityMissing()
    {
        await using var host = await CoreTestHost.StartAsync(Now);
        var close = host.Services.GetRequiredService<MonthCloseService>();

        var november = await close.ReadinessAsync(November);
        var december = await close.ReadinessAsync(December);

        Assert.True(november.IsReady);
        Assert.Equal(7, november.Entities.Count);
        Assert.All(november.Entities, e => Assert.Equal((CloseState.Closed, "seed"), (e.State, e.ClosedBy)));
        Assert.Equal("November 2026: all 7 entities closed", november.Summary);
        Assert.False(december.IsReady);
        Assert.All(december.Entities, e => Assert.Equal(CloseState.Missing, e.State));
        Assert.Equal("December 2026: 7 of 7 entities not closed", december.Summary);
        Assert.Contains("jada: missing inputs", december.Detail);
    }

    [Fact]
    public async Task AReopenedEntityMakesTheMonthOpenAndClosingItAgainRecordsWhoAndWhen()
    {
        await using var host = await CoreTestHost.StartAsync(Now);
        var close = host.Services.GetRequiredService<MonthCloseService>();

        await close.ReopenAsync("jada", November);
        var open = await close.ReadinessAsync(November);
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await close.CloseAsync("jada", November, "editor@example.com");
        var closed = await close.ReadinessAsync(November);

        Assert.Equal("November 2026: 1 of 7 entities not closed (jada: open)", open.Detail);
        var jada = Assert.Single(closed.Entities, e => e.EntityId == "jada");
        Assert.Equal((CloseState.Closed, "editor@example.com", Now.AddMinutes(5)), (jada.State, jada.ClosedBy, jada.ClosedAt));
        Assert.True(closed.IsReady);
    }

    [Fact]
    public async Task AnEntityWithoutInputsForTheMonthCannotBeClosed()
    {
        await using var host = await CoreTestHost.StartAsync(Now);
        var close = host.Services.GetRequiredService<MonthCloseService>();

        var refused = await Assert.ThrowsAsync<CloseException>(() => close.CloseAsync("jada", December, "editor@example.com"));

        Assert.Contains("jada has no KPI inputs for 2026-12", refused.Message);
        Assert.Empty(await host.DbAsync(db => db.MonthCloses.Where(c => c.Period == "2026-12").ToListAsync()));
    }

    [Fact]
    public async Task EveryReportBuiltWithoutItsInputsIsAnErrorInTheGate()
    {
        await using var host = await CoreTestHost.StartAsync(Now);
        var reports = host.Services.GetRequiredService<ReportService>();
        var gate = host.Services.GetRequiredService<ValidationGate>();

        var december = gate.Validate(await reports.GetAsync(December)).Findings.Where(f => f.Rule == "completeness/missing-inputs").ToList();
        var november = gate.Validate(await reports.GetAsync(November)).Findings.Where(f => f.Rule == "completeness/missing-inputs").ToList();

        Assert.Equal(8, december.Count);
        Assert.All(december, f => Assert.Equal(Severity.Error, f.Severity));
        Assert.Contains(december, f => f.Report == "rental-report.md" && f.Message == "rental-report.md is incomplete: no KPI inputs for 2026-12 from 3028 51st St Rental.");
        Assert.Empty(november);
    }

    [Fact]
    public async Task ASendForAMonthNotClosedSendsNothingAndNamesTheEntities()
    {
        await using var host = await CoreTestHost.StartAsync(Now);
        await host.Services.GetRequiredService<MonthCloseService>().ReopenAsync("quickdumpnow", November);

        var result = await host.Services.GetRequiredService<DispatchService>().DispatchAsync(November, DispatchTrigger.Manual, "editor@example.com");

        Assert.Null(result.BatchId);
        Assert.Equal("not ready: November 2026: 1 of 7 entities not closed (quickdumpnow: open); close them on the Dashboard, or an Admin releases the month", result.RefusedBecause);
        Assert.Empty(await host.DbAsync(db => db.DispatchItems.ToListAsync()));
    }

    [Fact]
    public async Task WithApprovalRequiredOnlyAnotherAdminsApprovalOfTheCurrentContentLetsTheSetGo()
    {
        await using var host = await CoreTestHost.StartAsync(Now, (b, _) => b.With("Dispatch:RequireApproval", "true").With("Dispatch:FourEyes", "true"));
        var close = host.Services.GetRequiredService<MonthCloseService>();
        var reports = host.Services.GetRequiredService<ReportService>();
        var dispatch = host.Services.GetRequiredService<DispatchService>();
        await EditBurnCeilingAsync(host, "alice@example.com", 500);

        var unapproved = await dispatch.DispatchAsync(November, DispatchTrigger.Manual, "alice@example.com");
        var ownEdit = await Assert.ThrowsAsync<CloseException>(async () => await close.ApproveAsync(await reports.GetAsync(November), "alice@example.com", fourEyes: true));
        await close.ApproveAsync(await reports.GetAsync(November), "bob@example.com", fourEyes: true);
        await EditBurnCeilingAsync(host, "carol@example.com", 900);
        var stale = await dispatch.DispatchAsync(November, DispatchTrigger.Manual, "carol@example.com");
        await close.ApproveAsync(await reports.GetAsync(November), "bob@example.com", fourEyes: true);
        var sent = await dispatch.DispatchAsync(November, DispatchTrigger.Manual, "carol@example.com");

        Assert.Contains("is not approved in its current content", unapproved.RefusedBecause);
        Assert.Contains("alice@example.com last edited the 2026-11 inputs", ownEdit.Message);
        Assert.Contains("is not approved in its current content", stale.RefusedBecause);
        Assert.Null(sent.RefusedBecause);
        Assert.Equal(8, sent.Items.Count(i => i.Status == ItemStatus.Sent));
        var approvals = await host.DbAsync(db => db.PeriodSignoffs.OrderBy(s => s.Id).ToListAsync());
        Assert.Equal(2, approvals.Count);
        Assert.NotEqual(approvals[0].Digest, approvals[1].Digest);
        Assert.All(approvals, a => Assert.Equal((SignoffKind.Approved, "bob@example.com"), (a.Kind, a.By)));
    }

    [Fact]
    public async Task AnEditThatMovesOnlyTheCfoFiguresSendsTheCfoReportAloneAndSaysHowManyFiguresMoved()
    {
        await using var host = await CoreTestHost.StartAsync(Now);
        var dispatch = host.Services.GetRequiredService<DispatchService>();
        var first = await dispatch.DispatchAsync(November, DispatchTrigger.Manual, "editor@example.com");
        await EditBurnCeilingAsync(host, "editor@example.com", 500);

        var plan = await dispatch.PlanAsync(November);
        var second = await dispatch.DispatchAsync(November, DispatchTrigger.Cli, "ops");

        var cfo = Assert.Single(plan.Items, i => i.Role == "cfo");
        Assert.Equal((PlannedAction.Send, SentState.Changed), (cfo.Action, cfo.SentState));
        Assert.Matches(@"^Changed since sent: \d+ figures? moved$", cfo.SentText);
        Assert.All(plan.Items.Where(i => i.Role != "cfo"), i => Assert.Equal((PlannedAction.Unchanged, SentState.Sent), (i.Action, i.SentState)));
        Assert.StartsWith("Sent 3 Dec 09:00 to ", plan.Items.First(i => i.Role == "ceo").SentText);
        Assert.Equal(8, first.Items.Count(i => i.Status == ItemStatus.Sent));
        Assert.Equal(("cfo", ItemStatus.Sent), (second.Items.Single(i => i.Status != ItemStatus.Unchanged).Role, second.Items.Single(i => i.Role == "cfo").Status));
        Assert.Equal("1 sent, 7 unchanged", second.Outcome);
    }

    private static async Task EditBurnCeilingAsync(CoreTestHost host, string user, decimal by)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var kpis = scope.ServiceProvider.GetRequiredService<KpiService>();
        var month = (await kpis.GetAsync("jada", November))!;
        // The burn ceiling feeds the CFO's budget against actual and no other report (KpiFieldUses).
        var saved = await kpis.SaveAsync(month with { Targets = month.Targets! with { BurnCeiling = month.Targets.BurnCeiling + by } }, user);
        Assert.True(saved.Saved, string.Join("; ", saved.Errors));
        host.Clock.Advance(TimeSpan.FromMinutes(1));
    }
}
