using ExecReports.Core.Data;
using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Core.Close;

public static class CloseServiceCollectionExtensions
{
    public static IServiceCollection AddMonthClose(this IServiceCollection services)
    {
        services.AddSingleton<MonthCloseService>();
        services.AddSingleton<ISeedStep, MonthCloseSeedStep>();
        return services;
    }
}
