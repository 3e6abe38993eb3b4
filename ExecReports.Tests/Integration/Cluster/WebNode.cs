using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ExecReports.Tests.Support;

namespace ExecReports.Tests.Integration.Cluster;

// One ExecReports.Web process from the build output, on its own port and data folder.
public sealed class WebNode : IAsyncDisposable
{
    // Only a guard against a hung start, not a speed check: a first start migrates and seeds a fresh PostgreSQL
    // database, and on a 2-core machine busy with the browser tests that once took longer than 90 s.
    private static readonly TimeSpan StartGuard = TimeSpan.FromMinutes(4);

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private WebNode(string name, int port, Process process)
    {
        Name = name;
        Port = port;
        _process = process;
    }

    public string Name { get; }
    public int Port { get; }
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");
    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<WebNode> StartAsync(string name, IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            ArgumentList = { DllPath, "--urls", $"http://127.0.0.1:{port}" },
        };
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["Dispatch__NodeId"] = name;
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {DllPath}");
        var node = new WebNode(name, port, process);
        process.OutputDataReceived += (_, e) => node.Append(e.Data);
        process.ErrorDataReceived += (_, e) => node.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await node.WaitUntilServingAsync();
        }
        catch
        {
            // A node that never served is still running: left alive it would hold its port and CPU for the rest of the suite.
            await node.DisposeAsync();
            throw;
        }

        return node;
    }

    public HttpClient Client(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = BaseAddress };

    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        await Task.CompletedTask;
        _process.Dispose();
    }

    // Migrations and seeding run before Kestrel listens, so the sign-in page answering means the node is up.
    // Not /healthz: it opens an SMTP connection, which a test holding the SMTP server would count as a send.
    private async Task WaitUntilServingAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartGuard)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} while starting:\n{Output}");
            }

            try
            {
                if ((await client.GetAsync("/account/login")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{Name} did not serve within {StartGuard}:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    // .../ExecReports.Tests/bin/<Configuration>/<tfm>/ → .../ExecReports.Web/bin/<Configuration>/<tfm>/ExecReports.Web.dll
    private static string DllPath
    {
        get
        {
            var tfmDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var path = Path.Combine(RepoPaths.Root, "ExecReports.Web", "bin", tfmDir.Parent!.Name, tfmDir.Name, "ExecReports.Web.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"Build ExecReports.Web first: {path} not found");
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
