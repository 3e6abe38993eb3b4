using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ExecReports.Core.Archive;
using ExecReports.Core.Resilience;
using Microsoft.Extensions.Options;

namespace ExecReports.Tests.Support;

// s3rver (Node, installed into .tools/s3rver by test.sh) as a child process on 127.0.0.1. Stop and Start
// again keep the port and data folder, so a test can take "S3" down and bring it back.
public sealed class S3rverFixture : IAsyncLifetime
{
    public const string Bucket = "jada-exec-reports";
    public const string Credential = "S3RVER";
    public const string PathVariable = "EXECREPORTS_S3RVER_DIR";

    private readonly TempDirectory _data = new();
    private Process? _process;

    public int Port { get; } = FreePort();

    public string ServiceUrl => $"http://127.0.0.1:{Port}";

    public static string Script
    {
        get
        {
            var dir = Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } configured
                ? configured
                : Path.Combine(RepoPaths.Root, ".tools", "s3rver");
            return Path.Combine(dir, "node_modules", "s3rver", "bin", "s3rver.js");
        }
    }

    public ArchiveOptions Options(int maxAttempts = 3, double baseDelaySeconds = 0.05) => new()
    {
        Provider = "S3",
        S3 = new S3ArchiveSettings
        {
            Bucket = Bucket,
            Region = "us-east-1",
            ServiceUrl = ServiceUrl,
            ForcePathStyle = true,
            AccessKeyId = Credential,
            SecretAccessKey = Credential,
        },
        Retry = new RetryOptions { MaxAttempts = maxAttempts, BaseDelaySeconds = baseDelaySeconds },
    };

    // The same archive as configuration keys, for a CoreServicesBuilder.
    public CoreServicesBuilder ArchiveOn(CoreServicesBuilder builder, int maxAttempts = 2, double baseDelaySeconds = 0.05) => builder
        .With("Archive:Provider", "S3")
        .With("Archive:S3:Bucket", Bucket)
        .With("Archive:S3:Region", "us-east-1")
        .With("Archive:S3:ServiceUrl", ServiceUrl)
        .With("Archive:S3:ForcePathStyle", "true")
        .With("Archive:S3:AccessKeyId", Credential)
        .With("Archive:S3:SecretAccessKey", Credential)
        .With("Archive:Retry:MaxAttempts", maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .With("Archive:Retry:BaseDelaySeconds", baseDelaySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public IOptions<ArchiveOptions> OptionsFor(int maxAttempts = 3, double baseDelaySeconds = 0.05) =>
        Microsoft.Extensions.Options.Options.Create(Options(maxAttempts, baseDelaySeconds));

    public Task InitializeAsync() => StartAsync();

    public async Task StartAsync()
    {
        if (_process is not null)
        {
            throw new InvalidOperationException("s3rver is already running.");
        }

        if (!File.Exists(Script))
        {
            throw new InvalidOperationException($"s3rver is not installed at {Script}: run ./test.sh, which installs it into .tools/s3rver.");
        }

        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { Script, "-d", _data.Path, "-a", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--configure-bucket", Bucket },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("node is not installed: run ./test.sh, which installs nodejs and s3rver.", ex);
        }

        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (process.HasExited)
            {
                _process = null;
                throw new InvalidOperationException($"s3rver exited with code {process.ExitCode} before listening on port {Port}.");
            }

            if (await AcceptsConnectionsAsync())
            {
                return;
            }

            await Task.Delay(100);
        }

        await StopAsync();
        throw new InvalidOperationException($"s3rver did not listen on 127.0.0.1:{Port} within 20 s.");
    }

    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        _data.Dispose();
    }

    private async Task<bool> AcceptsConnectionsAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
