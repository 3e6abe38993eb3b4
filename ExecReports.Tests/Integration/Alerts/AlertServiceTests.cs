using System.Globalization;
using ExecReports.Core.Alerts;
using ExecReports.Core.Schedule;
using ExecReports.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Tests.Integration.Alerts;

// Every alert, the schedule's and dispatch's alike, goes through AlertService to the audit address on a real SMTP
// server on 127.0.0.1, and is recorded whether or not the mail got out.
public sealed class AlertServiceTests : IAsyncLifetime
{
    private const string AuditAddress = "audit-desk@example.com";
    private static readonly DateTimeOffset Installed = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset December1 = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private SmtpTestServer _smtp = null!;
    private CoreTestHost _host = null!;

    private AlertService Alerts => _host.Services.GetRequiredService<AlertService>();

    public async Task InitializeAsync()
    {
        _smtp = await SmtpTestServer.StartAsync();
        _host = await CoreTestHost.StartAsync(Installed, (b, _) => b
            .With("Email:Transport", "Smtp")
            .With("Email:Smtp:Host", "127.0.0.1")
            .With("Email:Smtp:Port", _smtp.Port.ToString(CultureInfo.InvariantCulture))
            .With("Email:Smtp:Security", "None")
            // The host's clock is fake and holds Polly's back-off: a transient refusal would wait forever, so none is retried here
            // (MailSenderTests cover the retries).
            .With("Email:Retry:MaxAttempts", "1")
            .With("Email:AuditAddress", AuditAddress));
        // The schedule exists from the first start of the app.
        await _host.With<ScheduleHistory, ScheduleState>(h => h.StateAsync());
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task AMissedScheduledRunIsMailedToTheAuditAddressOnlyAndRecorded()
    {
        _host.Clock.SetUtcNow(December1.AddHours(2));

        var alarm = await _host.With<ScheduleAlarm, Alarm?>(a => a.CheckAndNotifyAsync());

        Assert.Equal(AlarmKind.Missed, alarm!.Kind);
        var mail = Assert.Single(_smtp.Received);
        Assert.Equal([AuditAddress], mail.RcptTo);
        var message = mail.Parse();
        Assert.Equal("[ExecReports] Alarm: 2026-11 run missed", message.Subject);
        Assert.Contains("did not happen", message.TextBody, StringComparison.Ordinal);
        var row = Assert.Single(await RowsAsync());
        Assert.Equal((AlertSource.Schedule, "2026-11", true, (long?)null), (row.Source, row.Period, row.Mailed, row.BatchId));
        Assert.Equal(alarm.Message, row.Detail);
    }

    [Fact]
    public async Task AnAlertWhoseMailIsRefusedIsStillRecordedAsNotMailed()
    {
        _smtp.FailNext(1, SmtpFault.Reject554);

        var alert = await Alerts.RaiseAsync(new AlertNotice(AlertSource.Schedule, "2026-11", "2026-11 run failed", "Run #3 for 2026-11 failed: disk full"));

        Assert.False(alert.Mailed);
        Assert.Empty(_smtp.Received);
        var row = Assert.Single(await Alerts.OpenAsync());
        Assert.Equal((alert.Id, false, "2026-11 run failed", "Run #3 for 2026-11 failed: disk full"), (row.Id, row.Mailed, row.Message, row.Detail));
    }

    [Fact]
    public async Task ASecondFailureOfTheSameDispatchItemIsNotMailedAgainWhileItsAlertIsOpen()
    {
        var notice = new AlertNotice(AlertSource.Dispatch, "2026-11", "Not delivered: CEO report", "rejected") { BatchId = 1, ItemId = 7, Role = "ceo" };

        var first = await Alerts.RaiseAsync(notice);
        var second = await Alerts.RaiseAsync(notice);
        // What ItemDispatcher does once the item is sent after all.
        var resolved = await _host.DbAsync(db => db.Alerts.Where(a => a.Id == first.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.ResolvedAt, DateTimeOffset.UnixEpoch)));
        var third = await Alerts.RaiseAsync(notice);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(1, resolved);
        Assert.NotEqual(first.Id, third.Id);
        Assert.Equal(2, _smtp.Received.Count);
    }

    private Task<List<Alert>> RowsAsync() => _host.DbAsync(db => db.Alerts.AsNoTracking().OrderBy(a => a.Id).ToListAsync());
}
