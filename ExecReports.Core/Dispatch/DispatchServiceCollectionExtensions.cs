using ExecReports.Core.Archive;
using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Core.Dispatch;

public static class DispatchServiceCollectionExtensions
{
    // Reads "Dispatch": { "LeaseSeconds": 600, "ResumeIntervalSeconds": 300, "NodeId": "" }
    public static IServiceCollection AddDispatch(this IServiceCollection services)
    {
        services.AddStrictOptions<DispatchOptions>(DispatchOptions.SectionName);
        services.AddSingleton<ItemDispatcher>();
        services.AddSingleton<DispatchService>();
        services.AddSingleton<ArchiveIndex>();
        services.AddHostedService<DispatchResumer>();
        return services;
    }
}
