using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ExecReports.Tests.Support;

public enum TestDatabase { Sqlite, Postgres }

// One throwaway PostgreSQL cluster per test run: initdb into a temporary folder, pg_ctl start on a free port on
// 127.0.0.1, stopped and deleted when the test process exits. Each test asks for a database of its own.
// Debian's server binaries are installed by ./test.sh; the Debian service itself is never used.
public sealed class PostgresFixture
{
    private static readonly Lazy<PostgresFixture> Instance = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _bin;
    private readonly string _root;

    private PostgresFixture(string bin, string root, int port)
    {
        _bin = bin;
        _root = root;
        Port = port;
    }

    public static PostgresFixture Shared => Instance.Value;

    public int Port { get; }

    private string DataDirectory => Path.Combine(_root, "data");

    public string ConnectionString(string database, bool pooling = true) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling={pooling}";

    // Pooling off by default: hundreds of short-lived test databases would otherwise each keep idle connections open.
    public string CreateDatabase(bool pooling = false)
    {
        var name = $"t_{Guid.NewGuid():N}";
        using var connection = new NpgsqlConnection(ConnectionString("postgres", pooling: false));
        connection.Open();
        using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        create.ExecuteNonQuery();
        return ConnectionString(name, pooling);
    }

    private static PostgresFixture Start()
    {
        var initdb = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin", "initdb"))
                .Where(File.Exists)
                .OrderByDescending(p => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p))), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        if (initdb is null)
        {
            throw new InvalidOperationException("PostgreSQL server binaries are missing (/usr/lib/postgresql/*/bin/initdb): run ./test.sh, which installs Debian's postgresql.");
        }

        var root = Path.Combine(Path.GetTempPath(), $"execreports-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        var fixture = new PostgresFixture(Path.GetDirectoryName(initdb)!, root, FreePort());
        AppDomain.CurrentDomain.ProcessExit += (_, _) => fixture.Stop();
        try
        {
            if (IsRoot)
            {
                // initdb refuses to run as root.
                Run("chown", "postgres:postgres", root);
            }

            fixture.RunServerTool("initdb", "-D", fixture.DataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
            fixture.RunServerTool("pg_ctl", "-D", fixture.DataDirectory, "-l", Path.Combine(root, "server.log"), "-w", "start", "-o",
                $"-p {fixture.Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={root} -c max_connections=300 -c fsync=off -c synchronous_commit=off");
        }
        catch
        {
            fixture.Stop();
            throw;
        }

        return fixture;
    }

    // One shell does both, so the folder still goes if the test host is torn down while this waits.
    private void Stop()
    {
        var pgCtl = Path.Combine(_bin, "pg_ctl");
        var stop = IsRoot ? $"runuser -u postgres -- '{pgCtl}'" : $"'{pgCtl}'";
        var script = $"[ -f '{DataDirectory}/postmaster.pid' ] && {stop} -D '{DataDirectory}' -m immediate -w stop >/dev/null 2>&1; rm -rf '{_root}'";
        try
        {
            using var shell = Process.Start(new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", script }, UseShellExecute = false });
            shell?.WaitForExit(TimeSpan.FromSeconds(30));
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Best effort at process exit.
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private void RunServerTool(string tool, params string[] args)
    {
        var path = Path.Combine(_bin, tool);
        if (IsRoot)
        {
            Run("runuser", ["-u", "postgres", "--", path, .. args]);
        }
        else
        {
            Run(path, args);
        }
    }

    private static void Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {process.ExitCode}: {error.Result}{output.Result}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
