using Microsoft.Extensions.Configuration;

namespace ExecReports.Core.Configuration;

// The web app and the CLI read one appsettings.json at the repository root (or beside the
// binaries when published), so both see the same data folder whatever the working directory.
public static class AppConfiguration
{
    public const string FileName = "appsettings.json";
    private const string SolutionMarker = "ExecReports.sln";

    public static string FindBaseDirectory()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, SolutionMarker)))
                {
                    return dir.FullName;
                }
            }
        }

        return AppContext.BaseDirectory;
    }

    // Inserted first, so the host's own sources (environment variables, command line, test
    // overrides) always win over the file.
    public static IConfigurationBuilder AddExecReportsFiles(this IConfigurationBuilder builder, string? baseDirectory = null)
    {
        baseDirectory ??= FindBaseDirectory();
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT");

        var files = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ExecReports:BaseDirectory"] = baseDirectory })
            .AddJsonFile(Path.Combine(baseDirectory, FileName), optional: true, reloadOnChange: false);
        if (!string.IsNullOrEmpty(environment))
        {
            files.AddJsonFile(Path.Combine(baseDirectory, $"appsettings.{environment}.json"), optional: true, reloadOnChange: false);
        }

        for (var i = 0; i < files.Sources.Count; i++)
        {
            builder.Sources.Insert(i, files.Sources[i]);
        }

        return builder;
    }
}
