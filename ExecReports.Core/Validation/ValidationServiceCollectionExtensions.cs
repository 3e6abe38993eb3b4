using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Core.Validation;

public static class ValidationServiceCollectionExtensions
{
    // Reads "Validation": { "DomainReports": [...] }; the SecretScanner is registered by AddExecReportsCore.
    public static IServiceCollection AddValidation(this IServiceCollection services)
    {
        services.AddStrictOptions<ValidationOptions>(ValidationOptions.SectionName)
            .Validate(o => o.Problems().Count == 0, "Validation:DomainReports names a report that is not a domain report.");
        services.AddSingleton<SecretsCheck>();
        services.AddSingleton<ValidationGate>();
        return services;
    }
}
