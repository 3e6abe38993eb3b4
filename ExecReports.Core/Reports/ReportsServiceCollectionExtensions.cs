using ExecReports.Core.Reports.Finance;
using ExecReports.Core.Reports.Generators;
using ExecReports.Core.Reports.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Core.Reports;

public static class ReportsServiceCollectionExtensions
{
    // Reads "Finance": { "MinimumCash": 10000, "MaterialityPercent": 0.10, "MaterialityAmount": 500, "TargetBufferPercent": 0.10 }
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddStrictOptions<FinanceOptions>(FinanceOptions.SectionName);
        services.AddSingleton<MetricCalculator, PortfolioCalculator>();
        services.AddSingleton<MetricCalculator, RentalCalculator>();
        services.AddSingleton<MetricCalculator, YachtDeliveryCalculator>();
        services.AddSingleton<MetricCalculator, PortfolioBillingCalculator>();
        services.AddSingleton<ReportGenerator, CfoReport>();
        services.AddSingleton<ReportGenerator, RentalReport>();
        services.AddSingleton<ReportGenerator, YachtDeliveryReport>();
        services.AddSingleton<ReportGenerator, PortfolioBillingReport>();
        services.AddSingleton<MetricCalculator, PipelineCalculator>();
        services.AddSingleton<MetricCalculator, RevenueRecognitionCalculator>();
        services.AddSingleton<MetricCalculator, ConcentrationCalculator>();
        services.AddSingleton<MetricCalculator, ReceivablesCalculator>();
        services.AddSingleton<MetricCalculator, TechCostCalculator>();
        services.AddSingleton<MetricCalculator, FunnelCalculator>();
        services.AddSingleton<MetricCalculator, EngineeringCalculator>();
        services.AddSingleton<ReportGenerator, CeoReport>();
        services.AddSingleton<ReportGenerator, CtoReport>();
        services.AddSingleton<ReportEngine>();
        services.AddScoped<ReportInputsLoader>();
        services.AddSingleton<ReportService>();
        return services;
    }
}
