using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace ExecReports.Core.Ingestion;

public enum FileKind
{
    Missing,
    Regular,
    Directory,
    SymbolicLink,
    Fifo,
    Socket,
    CharacterDevice,
    BlockDevice,
    Unknown,
}

// Opens only regular files. .NET has no file-type API and blocks in open() on a FIFO, so on Linux the type comes
// from statx before anything is opened, the open is non-blocking, and the opened descriptor is checked again
// (type and real path) so a file swapped between the check and the open is refused too.
public static partial class RegularFile
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxType = 0x1;
    private const int OpenReadOnlyNonBlocking = 0x800 | 0x80000 | 0x100; // O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, the same on x64 and arm64
    private const int MaxLinks = 40;

    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Fifo => "a FIFO (named pipe)",
        FileKind.Socket => "a socket",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Directory => "a directory",
        FileKind.SymbolicLink => "a link",
        FileKind.Missing => "missing",
        _ => "not a regular file",
    };

    // The type of the path itself (a link is a link, not its target).
    public static FileKind KindOf(string path)
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                return Statx(AtFdCwd, path, AtSymlinkNoFollow, out var buffer) == 0 ? FromMode(buffer.Mode) : FileKind.Missing;
            }
            catch (EntryPointNotFoundException)
            {
                // A C library without statx: fall through to what .NET can tell.
            }
        }

        var info = new FileInfo(path);
        return info.LinkTarget is not null ? FileKind.SymbolicLink
            : Directory.Exists(path) ? FileKind.Directory
            : info.Exists ? FileKind.Regular
            : FileKind.Missing;
    }

    // Every component resolved, as the kernel would; null when a component is missing or links loop.
    public static string? RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? "/";
        var pending = new LinkedList<string>(Split(full[root.Length..]));
        var current = root;
        var links = 0;
        while (pending.First is { } first)
        {
            pending.RemoveFirst();
            var part = first.Value;
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? root;
                continue;
            }

            var next = Path.Join(current, part);
            var target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                if (!File.Exists(next) && !Directory.Exists(next) && KindOf(next) == FileKind.Missing)
                {
                    return null;
                }

                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                return null;
            }

            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target) ?? root;
                target = target[current.Length..];
            }

            foreach (var component in Split(target).Reverse())
            {
                pending.AddFirst(component);
            }
        }

        return current;
    }

    public static bool IsInside(string realPath, string realFolder) =>
        realPath.StartsWith(Path.TrimEndingDirectorySeparator(realFolder) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    // Reads a file already resolved with RealPath and checked with KindOf. Throws IOException when it is not
    // (or no longer) a regular file at that path, or is larger than maxBytes.
    public static byte[] Read(string realPath, long maxBytes)
    {
        using var handle = Open(realPath);
        var length = RandomAccess.GetLength(handle);
        if (length > maxBytes)
        {
            throw new IOException($"too large: {length:N0} bytes, over the {maxBytes:N0}-byte limit");
        }

        var buffer = new byte[length];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = RandomAccess.Read(handle, buffer.AsSpan(read), read);
            if (n == 0)
            {
                return buffer[..read];
            }

            read += n;
        }

        return buffer;
    }

    private static SafeFileHandle Open(string realPath)
    {
        if (!OperatingSystem.IsLinux())
        {
            // Elsewhere a zero-length entry is never opened: FIFOs and devices report no size.
            if (new FileInfo(realPath).Length == 0)
            {
                throw new IOException("is empty or not a regular file");
            }

            return File.OpenHandle(realPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        }

        var fd = OpenFile(realPath, OpenReadOnlyNonBlocking);
        if (fd < 0)
        {
            throw new IOException($"cannot be opened (errno {Marshal.GetLastPInvokeError()})");
        }

        var handle = new SafeFileHandle(fd, ownsHandle: true);
        try
        {
            if (Statx((int)fd, "", AtEmptyPath, out var buffer) != 0 || FromMode(buffer.Mode) != FileKind.Regular)
            {
                throw new IOException("changed into something other than a regular file while being opened");
            }

            if (new FileInfo($"/proc/self/fd/{fd}").LinkTarget is { } opened && opened != realPath)
            {
                throw new IOException("was replaced while being opened");
            }

            return handle;
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private static int Statx(int dirFd, string path, int flags, out StatxBuffer buffer) => StatxNative(dirFd, path, flags, StatxType, out buffer);

    private static FileKind FromMode(ushort mode) => (mode & 0xF000) switch
    {
        0x8000 => FileKind.Regular,
        0x4000 => FileKind.Directory,
        0xA000 => FileKind.SymbolicLink,
        0x1000 => FileKind.Fifo,
        0xC000 => FileKind.Socket,
        0x2000 => FileKind.CharacterDevice,
        0x6000 => FileKind.BlockDevice,
        _ => FileKind.Unknown,
    };

    private static string[] Split(string path) =>
        path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int StatxNative(int dirFd, string path, int flags, uint mask, out StatxBuffer buffer);

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int OpenFile(string path, int flags);

    // struct statx is the same on every Linux architecture: 256 bytes, stx_mode at offset 28.
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(28)]
        public ushort Mode;
    }
}
