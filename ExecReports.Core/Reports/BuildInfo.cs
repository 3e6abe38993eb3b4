using System.Reflection;

namespace ExecReports.Core.Reports;

public static class BuildInfo
{
    // The SDK stamps "1.0.0+<git sha>" into the informational version when it builds from a git checkout.
    public static string Commit { get; } = ReadCommit();

    private static string ReadCommit()
    {
        var version = typeof(BuildInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "";
        var plus = version.IndexOf('+');
        return plus >= 0 && version.Length - plus > 7 ? version[(plus + 1)..] : "unknown";
    }
}
