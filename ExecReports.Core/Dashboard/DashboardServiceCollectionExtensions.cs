using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Core.Dashboard;

public static class DashboardServiceCollectionExtensions
{
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddScoped<DashboardService>();
        return services;
    }
}
