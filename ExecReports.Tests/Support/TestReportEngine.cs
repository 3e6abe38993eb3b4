using ExecReports.Core.Reports;
using ExecReports.Core.Reports.Finance;
using ExecReports.Core.Reports.Metrics;
using ExecReports.Core.Secrets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ExecReports.Tests.Support;

// The report engine for tests that build their inputs by hand: Core's own registration of every generator and
// calculator (AddReports), so a new report or calculator needs no test wiring, with the documented default options,
// a fixed OTA fee schedule and no configured secrets.
public static class TestReportEngine
{
    public static OtaFeeEntry Fee(string channel, string from, decimal rate) => new() { Channel = channel, EffectiveFrom = from, CommissionRate = rate, Note = "test" };

    public static OtaFeeSchedule Fees { get; } = new(
    [
        Fee("GetMyBoat", "2025-01-01", 0.10m),
        Fee("GetYourGuide", "2025-01-01", 0.275m),
        Fee("Sailo", "2025-01-01", 0.15m),
        Fee("Viator", "2025-01-01", 0.25m),
    ]);

    // The engine holds no state between calls: one instance serves every test that keeps the defaults.
    public static ReportEngine Default { get; } = Create();

    public static ReportEngine Create(MarketingOptions? marketing = null, DomainOptions? domain = null)
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddReports();
        // Registered after AddReports, so these win over the (empty) configuration.
        services.AddSingleton(Options.Create(FinanceOptions.Default));
        services.AddSingleton(Options.Create(ExecReports.Core.Reconciliation.ReconciliationOptions.Default));
        services.AddSingleton(Options.Create(marketing ?? MarketingOptions.Default));
        services.AddSingleton(Options.Create(domain ?? DomainOptions.Default));
        services.AddSingleton(Fees);
        services.AddSingleton(new SecretScanner([]));
        return services.BuildServiceProvider().GetRequiredService<ReportEngine>();
    }
}
