using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Net;
using System.Net.Sockets;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using SmtpResponse = SmtpServer.Protocol.SmtpResponse;

namespace ExecReports.Benchmarks;

// An SMTP server on 127.0.0.1 (in-process, SmtpServer package) that accepts everything and records when each
// message arrived and for how many envelope recipients.
public sealed class LoopbackSmtpServer : IAsyncDisposable
{
    private readonly Store _store;
    private readonly CancellationTokenSource _stop;
    private readonly Task _running;

    private LoopbackSmtpServer(int port, Store store, CancellationTokenSource stop, Task running)
    {
        Port = port;
        _store = store;
        _stop = stop;
        _running = running;
    }

    public int Port { get; }

    public IReadOnlyList<(long Timestamp, int Recipients)> Received => _store.Received.ToArray();

    public static async Task<LoopbackSmtpServer> StartAsync()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(builder => builder.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var store = new Store();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = new NoDelayListenerFactory();
        listeners.EndpointStarted += (_, _) => listening.TrySetResult();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(store);
        services.Add(listeners);

        var stop = new CancellationTokenSource();
        var running = new SmtpServer.SmtpServer(options, services).StartAsync(stop.Token);
        if (await Task.WhenAny(listening.Task, running, Task.Delay(TimeSpan.FromSeconds(10))) != listening.Task)
        {
            await running;
            throw new InvalidOperationException($"The SMTP server did not start listening on 127.0.0.1:{port}.");
        }

        return new LoopbackSmtpServer(port, store, stop, running);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    // SmtpServer answers pipelined commands with one small write each; with Nagle on, the second reply waits for the
    // client's delayed ACK (40 ms on Linux), an artefact of this server that would otherwise dominate every transaction.
    private sealed class NoDelayListenerFactory : EndpointListenerFactory
    {
        public override IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
        {
            var listener = new TcpListener(endpointDefinition.Endpoint);
            listener.Start();
            OnEndpointStarted(new EndpointEventArgs(endpointDefinition, listener.LocalEndpoint));
            return new NoDelayListener(listener, () =>
            {
                listener.Stop();
                OnEndpointStopped(new EndpointEventArgs(endpointDefinition, listener.LocalEndpoint));
            });
        }
    }

    private sealed class NoDelayListener(TcpListener listener, Action stopped) : IEndpointListener
    {
        public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
        {
            var client = await listener.AcceptTcpClientAsync(cancellationToken);
            client.NoDelay = true;
            context.Properties[EndpointListener.LocalEndPointKey] = listener.LocalEndpoint;
            context.Properties[EndpointListener.RemoteEndPointKey] = client.Client.RemoteEndPoint!;
            return new PlainPipe(client);
        }

        public void Dispose() => stopped();
    }

    // No STARTTLS here: the benchmark measures the rate limiter, not TLS.
    private sealed class PlainPipe(TcpClient client) : ISecurableDuplexPipe
    {
        private readonly NetworkStream _stream = client.GetStream();

        public PipeReader Input => field ??= PipeReader.Create(_stream);

        public PipeWriter Output => field ??= PipeWriter.Create(_stream);

        public bool IsSecure => false;

        public SslProtocols SslProtocol => SslProtocols.None;

        public Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("The benchmark's SMTP server has no TLS.");

        public void Dispose() => client.Dispose();
    }

    private sealed class Store : MessageStore
    {
        public ConcurrentQueue<(long Timestamp, int Recipients)> Received { get; } = new();

        public override Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            Received.Enqueue((Stopwatch.GetTimestamp(), transaction.To.Count));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
