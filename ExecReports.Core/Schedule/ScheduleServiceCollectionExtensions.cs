using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ExecReports.Core.Schedule;

public static class ScheduleServiceCollectionExtensions
{
    // Reads "Schedule" (see ScheduleOptions). The Quartz scheduler that fires runs is registered by the web app only.
    public static IServiceCollection AddSchedule(this IServiceCollection services)
    {
        services.AddStrictOptions<ScheduleOptions>(ScheduleOptions.SectionName);
        services.AddSingleton<IValidateOptions<ScheduleOptions>, ScheduleOptionsValidator>();
        services.AddSingleton<ScheduleCalculator>();
        services.AddScoped<ScheduleHistory>();
        services.AddScoped<ScheduleRunner>();
        services.AddScoped<ScheduleAlarm>();
        return services;
    }
}
