using ExecReports.Core.Configuration;

namespace ExecReports.Tests.Support;

public static class RepoPaths
{
    public static string Root { get; } = AppConfiguration.FindBaseDirectory();

    public static string Samples => Path.Combine(Root, "samples");
}
