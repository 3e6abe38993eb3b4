using ExecReports.Core;
using ExecReports.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ExecReports.Tests.Support;

// Core's real registrations and the shipped appsettings.json over a throwaway data folder; tests override what they need.
public sealed class CoreServicesBuilder(string dataPath)
{
    private readonly Dictionary<string, string?> _settings = new()
    {
        ["ExecReports:DataPath"] = dataPath,
        ["ExecReports:BaseDirectory"] = RepoPaths.Root,
    };

    private readonly List<Action<IServiceCollection>> _configure = [];

    public CoreServicesBuilder With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    // Sqlite: the default file in the data folder. Postgres: a new database on the test run's own cluster.
    public CoreServicesBuilder On(TestDatabase database, string? postgresConnectionString = null) => database == TestDatabase.Postgres
        ? With("Database:Provider", "Postgres").With("ConnectionStrings:Default", postgresConnectionString ?? PostgresFixture.Shared.CreateDatabase())
        : this;

    public CoreServicesBuilder Services(Action<IServiceCollection> configure)
    {
        _configure.Add(configure);
        return this;
    }

    public ServiceProvider Build()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(RepoPaths.Root, "appsettings.json"))
            .AddInMemoryCollection(_settings)
            .AddExecReportsDotEnv()
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddExecReportsCore(configuration);
        foreach (var configure in _configure)
        {
            configure(services);
        }

        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }
}
