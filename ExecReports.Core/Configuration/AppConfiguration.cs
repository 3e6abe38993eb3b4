using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;

namespace ExecReports.Core.Configuration;

// The web app and the CLI read one appsettings.json at the repository root (or beside the
// binaries when published), so both see the same data folder whatever the working directory.
public static class AppConfiguration
{
    public const string FileName = "appsettings.json";
    public const string DotEnvPathKey = "Email:DotEnvPath";
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

        // Right above the JSON files, so the real environment and the command line still win over the dotenv file.
        builder.Sources.Insert(files.Sources.Count, new DotEnvSource());
        return builder;
    }

    // For a builder without the JSON files (a test's, a tool's): the dotenv file on top of what it already has.
    public static IConfigurationBuilder AddExecReportsDotEnv(this IConfigurationBuilder builder) => builder.Add(new DotEnvSource());

    // The dotenv file named by Email:DotEnvPath (historically an Email setting; it serves every section): read once,
    // when the configuration is built. `Archive__S3__SecretAccessKey=...` becomes Archive:S3:SecretAccessKey, and plain
    // variables (SMTP_PASS, AWS_SES_REGION) keep their names. A variable already set in the process environment is left
    // alone; plain variables are also exported, for libraries that read the environment (the AWS SDK's credential chain).
    private sealed class DotEnvSource : IConfigurationSource
    {
        // Variables this source exported itself: a rebuilt configuration (a source inserted later) still has them.
        private readonly Dictionary<string, string> _exported = new(StringComparer.Ordinal);

        public IConfigurationProvider Build(IConfigurationBuilder builder)
        {
            var others = new ConfigurationBuilder();
            foreach (var source in builder.Sources.Where(s => s is not DotEnvSource))
            {
                others.Add(source);
            }

            // Built only to read two keys; disposed so the JSON files' change watchers do not outlive it.
            var settings = others.Build();
            var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var (key, value) in Load(settings))
            {
                values[key.Replace("__", ":", StringComparison.Ordinal)] = value;
            }

            (settings as IDisposable)?.Dispose();

            return new MemoryConfigurationProvider(new MemoryConfigurationSource { InitialData = values });
        }

        private List<KeyValuePair<string, string>> Load(IConfiguration settings)
        {
            var configured = settings[DotEnvPathKey];
            if (string.IsNullOrWhiteSpace(configured))
            {
                return [];
            }

            var baseDirectory = settings["ExecReports:BaseDirectory"] ?? FindBaseDirectory();
            var path = Path.GetFullPath(Path.Combine(baseDirectory, configured));
            if (!File.Exists(path))
            {
                return [];
            }

            var applied = new List<KeyValuePair<string, string>>();
            foreach (var (key, value) in DotNetEnv.Env.NoEnvVars().Load(path))
            {
                var current = Environment.GetEnvironmentVariable(key);
                if (current is not null && !(_exported.TryGetValue(key, out var ours) && ours == current))
                {
                    continue;
                }

                // Section keys (Archive__S3__…) are read through configuration only; exporting them would hand them
                // to every child process.
                if (!key.Contains("__", StringComparison.Ordinal))
                {
                    Environment.SetEnvironmentVariable(key, value);
                    _exported[key] = value;
                }

                applied.Add(new(key, value));
            }

            return applied;
        }
    }
}
