using ExecReports.Core.Reports.Finance;
using ExecReports.Core.Reports.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ExecReports.Core.Reports;

public static class ReportsServiceCollectionExtensions
{
    // Reads "Finance": { "MinimumCash": 10000, "MaterialityPercent": 0.10, "MaterialityAmount": 500, "TargetBufferPercent": 0.10 },
    // "Ota": { "Fees": [ { "Channel", "EffectiveFrom", "CommissionRate", "Note" } ] } and "Marketing": { "AttributionWindowDays": 7, ... }
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddStrictOptions<FinanceOptions>(FinanceOptions.SectionName);
        services.AddStrictOptions<OtaOptions>(OtaOptions.SectionName);
        services.AddSingleton<IValidateOptions<OtaOptions>, OtaOptionsValidator>();
        services.AddSingleton(sp => new OtaFeeSchedule(sp.GetRequiredService<IOptions<OtaOptions>>().Value.Fees));
        services.AddStrictOptions<MarketingOptions>(MarketingOptions.SectionName);
        services.AddStrictOptions<DomainOptions>(DomainOptions.SectionName);
        services.AddStrictOptions<Reconciliation.ReconciliationOptions>(Reconciliation.ReconciliationOptions.SectionName);

        // Metric calculators fill the book (after the CFO model) in their Order; generators only quote it.
        services.AddSingleton<MetricCalculator, PortfolioCalculator>();
        services.AddSingleton<MetricCalculator, AccountingCalculator>();
        services.AddSingleton<MetricCalculator, MarketingCalculator>();
        services.AddSingleton<MetricCalculator, PipelineCalculator>();
        services.AddSingleton<MetricCalculator, RevenueRecognitionCalculator>();
        services.AddSingleton<MetricCalculator, ConcentrationCalculator>();
        services.AddSingleton<MetricCalculator, ReceivablesCalculator>();
        services.AddSingleton<MetricCalculator, OwnerRiskCalculator>();
        services.AddSingleton<MetricCalculator, TechCostCalculator>();
        services.AddSingleton<MetricCalculator, FunnelCalculator>();
        services.AddSingleton<MetricCalculator, EngineeringCalculator>();
        services.AddSingleton<MetricCalculator, RentalCalculator>();
        services.AddSingleton<MetricCalculator, YachtDeliveryCalculator>();
        services.AddSingleton<MetricCalculator, PortfolioBillingCalculator>();

        // One generator per registration, in the registry's order.
        foreach (var role in ReportRole.All)
        {
            services.AddSingleton(typeof(ReportGenerator), role.Generator);
        }

        services.AddSingleton<ReportEngine>();
        services.AddScoped<ReportInputsLoader>();
        services.AddSingleton<ReportService>();
        return services;
    }
}
