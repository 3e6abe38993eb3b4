using ExecReports.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ExecReports.Core.Email;

// Binds "Email" strictly, after two things the original system relied on:
//  * a .env file (Email:DotEnvPath) whose variables fill in what the real environment does not already set;
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

    public static IConfiguration Effective(IConfiguration configuration)
    {
        var overlay = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in LoadDotEnv(configuration))
        {
            overlay[key.Replace("__", ":", StringComparison.Ordinal)] = value;
        }

        var layered = new ConfigurationBuilder()
            .AddConfiguration(configuration, shouldDisposeConfiguration: false)
            .AddInMemoryCollection(overlay)
            .Build();

        var legacy = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        MapLegacy(layered, configuration, LegacyRegionVariable, "Email:Ses:Region", overlay, legacy);
        MapLegacy(layered, configuration, LegacyFromVariable, "Email:From", overlay, legacy);
        return legacy.Count == 0
            ? layered
            : new ConfigurationBuilder().AddConfiguration(layered, shouldDisposeConfiguration: false).AddInMemoryCollection(legacy).Build();
    }

    // DotNetEnv parses the file; a variable already present in the process environment is left alone
    // (and is not overlaid), so a deployment's real environment always wins over the file.
    private static List<KeyValuePair<string, string>> LoadDotEnv(IConfiguration configuration)
    {
        var configured = configuration[$"{EmailOptions.SectionName}:DotEnvPath"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return [];
        }

        var baseDirectory = configuration["ExecReports:BaseDirectory"] ?? AppConfiguration.FindBaseDirectory();
        var path = Path.GetFullPath(Path.Combine(baseDirectory, configured));
        if (!File.Exists(path))
        {
            return [];
        }

        var applied = new List<KeyValuePair<string, string>>();
        foreach (var (key, value) in DotNetEnv.Env.NoEnvVars().Load(path))
        {
            if (Environment.GetEnvironmentVariable(key) is null)
            {
                Environment.SetEnvironmentVariable(key, value);
                applied.Add(new(key, value));
            }
        }

        return applied;
    }

    private static void MapLegacy(
        IConfiguration layered, IConfiguration original, string variable, string key,
        Dictionary<string, string?> dotEnv, Dictionary<string, string?> target)
    {
        var value = layered[variable];
        if (string.IsNullOrWhiteSpace(value) || IsExplicit(original, key) || dotEnv.ContainsKey(key))
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
