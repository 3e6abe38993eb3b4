using ExecReports.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace ExecReports.Core.Data;

public static class ConnectionStrings
{
    // Empty means the embedded default: a SQLite file in the data folder.
    public static string Resolve(IConfiguration configuration, AppPaths paths)
    {
        var configured = configuration.GetConnectionString("Default");
        return string.IsNullOrWhiteSpace(configured) ? $"Data Source={paths.DatabaseFile}" : configured;
    }
}
