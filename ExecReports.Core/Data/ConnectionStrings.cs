using ExecReports.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace ExecReports.Core.Data;

public static class ConnectionStrings
{
    // SQLite: empty means the embedded default, a file in the data folder. PostgreSQL has no default server.
    public static string Resolve(IConfiguration configuration, AppPaths paths)
    {
        var configured = configuration.GetConnectionString("Default");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        return IsPostgres(configuration)
            ? throw new InvalidOperationException(
                "Database:Provider is Postgres but ConnectionStrings:Default is empty; set it (for example through the ConnectionStrings__Default environment variable).")
            : $"Data Source={paths.DatabaseFile}";
    }

    public static bool IsPostgres(IConfiguration configuration) =>
        configuration[$"{DatabaseOptions.SectionName}:Provider"] == DatabaseOptions.Postgres;
}
