using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;

namespace ExecReports.Core.Configuration;

public sealed record AppPaths(string BaseDirectory, string Data)
{
    public string Outbox => Path.Combine(Data, "outbox");
    public string Archive => Path.Combine(Data, "archive");
    public string Logs => Path.Combine(Data, "logs");
    public string DatabaseFile => Path.Combine(Data, "execreports.db");

    public const UnixFileMode PrivateDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static AppPaths From(ExecReportsOptions options)
    {
        // Resolving the paths comes before anything writes to the data folder (the log sink asks for them too),
        // so from here on every file the process creates is private: database, key ring, archive, outbox, logs.
        OwnerOnly.RestrictNewFiles();
        var baseDirectory = options.BaseDirectory ?? AppConfiguration.FindBaseDirectory();
        return new AppPaths(baseDirectory, Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(baseDirectory, options.DataPath))));
    }

    public static AppPaths From(IOptions<ExecReportsOptions> options) => From(options.Value);

    // Any configured relative path (samples, handoffs) is read against the same base as the data folder.
    public string Resolve(string path) => Path.GetFullPath(Path.Combine(BaseDirectory, path));

    // Creates the folders 0700 and tightens what an older version (or a copy) left readable to others.
    public void EnsureCreated()
    {
        foreach (var dir in new[] { Data, Outbox, Archive, Logs })
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(dir);
            }
            else
            {
                Directory.CreateDirectory(dir, PrivateDirectory);
            }
        }

        OwnerOnly.Tighten(Data);
    }
}

internal static class OwnerOnly
{
    private const uint GroupAndOthers = 0b000_111_111;

    public static void RestrictNewFiles()
    {
        if (!OperatingSystem.IsWindows())
        {
            _ = umask(GroupAndOthers);
        }
    }

    public static void Tighten(string root)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var pending = new Stack<DirectoryInfo>([new DirectoryInfo(root)]);
        while (pending.TryPop(out var dir))
        {
            Restrict(dir, AppPaths.PrivateDirectory);
            foreach (var entry in dir.EnumerateFileSystemInfos())
            {
                // A link is left alone: its target is not ours to change.
                if (entry.LinkTarget is not null)
                {
                    continue;
                }

                if (entry is DirectoryInfo child)
                {
                    pending.Push(child);
                }
                else
                {
                    Restrict(entry, AppPaths.PrivateFile);
                }
            }
        }
    }

    private static void Restrict(FileSystemInfo entry, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows() && (entry.UnixFileMode & ~mode) != 0)
        {
            entry.UnixFileMode &= mode;
        }
    }

    [DllImport("libc", SetLastError = false)]
    private static extern uint umask(uint mask);
}
