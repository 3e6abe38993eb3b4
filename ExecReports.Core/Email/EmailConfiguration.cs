using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ExecReports.Core.Email;

// Binds "Email" strictly, after two things the original system relied on:
//  * a .env file (Email:DotEnvPath), loaded for every section by AppConfiguration;
//  * its variables AWS_SES_REGION and AWS_SES_FROM_ADDRESS, which count as environment-level settings:
//    they beat appsettings.json but lose to Email:Ses:Region / Email:From set by any other source.
public static class EmailConfiguration
{
    public const string LegacyRegionVariable = "AWS_SES_REGION";
    public const string LegacyFromVariable = "AWS_SES_FROM_ADDRESS";

    public static OptionsBuilder<EmailOptions> AddEmailOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();
        return services.AddOptions<EmailOptions>()
            .Configure(options => Effective(configuration)
                .GetSection(EmailOptions.SectionName)
                .Bind(options, binder => binder.ErrorOnUnknownConfiguration = true))
            .ValidateDataAnnotations()
            .ValidateOnStart();
    }

    // The dotenv file (Email:DotEnvPath) is already a configuration source (AppConfiguration), so its variables are here.
    public static IConfiguration Effective(IConfiguration configuration)
    {
        var legacy = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        MapLegacy(configuration, LegacyRegionVariable, "Email:Ses:Region", legacy);
        MapLegacy(configuration, LegacyFromVariable, "Email:From", legacy);
        return legacy.Count == 0
            ? configuration
            : new ConfigurationBuilder().AddConfiguration(configuration, shouldDisposeConfiguration: false).AddInMemoryCollection(legacy).Build();
    }

    private static void MapLegacy(IConfiguration configuration, string variable, string key, Dictionary<string, string?> target)
    {
        var value = configuration[variable];
        if (string.IsNullOrWhiteSpace(value) || IsExplicit(configuration, key))
        {
            return;
        }

        target[key] = value;
    }

    // "Explicit" = supplied by anything but a JSON settings file (environment, command line, in-memory overrides).
    private static bool IsExplicit(IConfiguration configuration, string key)
    {
        if (configuration is not IConfigurationRoot root)
        {
            return !string.IsNullOrEmpty(configuration[key]);
        }

        foreach (var provider in root.Providers.Reverse())
        {
            if (provider.TryGet(key, out var value) && !string.IsNullOrEmpty(value))
            {
                return provider is not JsonConfigurationProvider;
            }
        }

        return false;
    }
}
