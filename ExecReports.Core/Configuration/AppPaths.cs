using Microsoft.Extensions.Options;

namespace ExecReports.Core.Configuration;

public sealed record AppPaths(string BaseDirectory, string Data)
{
    public string Outbox => Path.Combine(Data, "outbox");
    public string Archive => Path.Combine(Data, "archive");
    public string Logs => Path.Combine(Data, "logs");
    public string DatabaseFile => Path.Combine(Data, "execreports.db");

    public static AppPaths From(ExecReportsOptions options)
    {
        var baseDirectory = options.BaseDirectory ?? AppConfiguration.FindBaseDirectory();
        return new AppPaths(baseDirectory, Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(baseDirectory, options.DataPath))));
    }

    public static AppPaths From(IOptions<ExecReportsOptions> options) => From(options.Value);

    // Any configured relative path (samples, handoffs) is read against the same base as the data folder.
    public string Resolve(string path) => Path.GetFullPath(Path.Combine(BaseDirectory, path));

    public void EnsureCreated()
    {
        foreach (var dir in new[] { Data, Outbox, Archive, Logs })
        {
            Directory.CreateDirectory(dir);
        }
    }
}
