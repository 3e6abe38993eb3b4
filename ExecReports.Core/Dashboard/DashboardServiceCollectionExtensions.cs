using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Core.Dashboard;

public static class DashboardServiceCollectionExtensions
{
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddSingleton<MonthlyBooks>();
        services.AddScoped<DashboardService>();
        return services;
    }
}
