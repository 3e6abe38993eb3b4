using System.Net;
using System.Net.Sockets;

namespace ExecReports.Tests.Support;

// A TCP relay in front of the SMTP test server that keeps every connection waiting for the greeting until
// Open() is called, then relays them all, the waiting ones included. A sender killed while its send waits here
// has delivered nothing (its item is claimed, nothing sent); one that survives gets its greeting late and carries on.
public sealed class GatedSmtpRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _upstream;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstHeld = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<Task> _relays = [];
    private readonly Task _accepting;

    public GatedSmtpRelay(int upstreamPort)
    {
        _upstream = upstreamPort;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Open() => _open.TrySetResult();

    // Completes when the first connection arrives while the relay is still closed.
    public Task FirstHeld => _firstHeld.Task;

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            if (!_open.Task.IsCompleted)
            {
                _firstHeld.TrySetResult();
            }

            lock (_relays)
            {
                _relays.Add(RelayAsync(client));
            }
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var upstream = new TcpClient())
        {
            try
            {
                await _open.Task.WaitAsync(_stop.Token);
                await upstream.ConnectAsync(IPAddress.Loopback, _upstream, _stop.Token);
                var down = client.GetStream();
                var up = upstream.GetStream();
                await Task.WhenAny(down.CopyToAsync(up, _stop.Token), up.CopyToAsync(down, _stop.Token));
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        Task[] relays;
        lock (_relays)
        {
            relays = [.. _relays];
        }

        await Task.WhenAll(relays);
        _stop.Dispose();
    }
}
