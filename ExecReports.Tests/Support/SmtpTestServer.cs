using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Mail;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using SmtpResponse = SmtpServer.Protocol.SmtpResponse;

namespace ExecReports.Tests.Support;

public enum SmtpFault
{
    Throttle454,
    Unavailable421,
    Reject554,
    DropConnection,
}

public sealed record ReceivedMail(string MailFrom, IReadOnlyList<string> RcptTo, byte[] Raw, long ReceivedTimestamp)
{
    public MimeKit.MimeMessage Parse() => MimeKit.MimeMessage.Load(new MemoryStream(Raw));
}

// A real SMTP server on 127.0.0.1 (in-process, SmtpServer package) that records every accepted message with
// its envelope and arrival time, and answers the next messages with scripted faults. One source for the tests and
// the send-rate benchmark: bench/ExecReports.Benchmarks compiles this file in (a link, not a project reference).
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly Store _store;
    private readonly CancellationTokenSource _stop;
    private readonly Task _running;

    private SmtpTestServer(int port, Store store, CancellationTokenSource stop, Task running)
    {
        Port = port;
        _store = store;
        _stop = stop;
        _running = running;
    }

    public int Port { get; }

    public IReadOnlyList<ReceivedMail> Received => _store.Received.ToArray();

    // Every DATA the server saw, faulted or not.
    public int DataCommands => _store.DataCommands;

    public void FailNext(int count, SmtpFault fault)
    {
        for (var i = 0; i < count; i++)
        {
            _store.Faults.Enqueue(fault);
        }
    }

    public static async Task<SmtpTestServer> StartAsync()
    {
        var port = FreePort();
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
        var started = await Task.WhenAny(listening.Task, running, Task.Delay(TimeSpan.FromSeconds(10)));
        if (started != listening.Task)
        {
            await running;
            throw new InvalidOperationException($"SMTP test server did not start listening on 127.0.0.1:{port}.");
        }

        return new SmtpTestServer(port, store, stop, running);
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

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
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

    // No STARTTLS: the tests and the benchmark speak plain SMTP on loopback.
    private sealed class PlainPipe(TcpClient client) : ISecurableDuplexPipe
    {
        private readonly NetworkStream _stream = client.GetStream();

        public PipeReader Input => field ??= PipeReader.Create(_stream);

        public PipeWriter Output => field ??= PipeWriter.Create(_stream);

        public bool IsSecure => false;

        public SslProtocols SslProtocol => SslProtocols.None;

        public Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("This SMTP server has no TLS.");

        public void Dispose() => client.Dispose();
    }

    private sealed class Store : MessageStore
    {
        private int _dataCommands;

        public ConcurrentQueue<SmtpFault> Faults { get; } = new();

        public ConcurrentQueue<ReceivedMail> Received { get; } = new();

        public int DataCommands => Volatile.Read(ref _dataCommands);

        public override Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var at = Stopwatch.GetTimestamp();
            Interlocked.Increment(ref _dataCommands);
            if (Faults.TryDequeue(out var fault))
            {
                return fault switch
                {
                    SmtpFault.Throttle454 => Task.FromResult(new SmtpResponse((SmtpReplyCode)454, "Throttling failure: Maximum sending rate exceeded.")),
                    SmtpFault.Unavailable421 => Task.FromResult(new SmtpResponse((SmtpReplyCode)421, "Too many concurrent SMTP connections")),
                    SmtpFault.Reject554 => Task.FromResult(new SmtpResponse((SmtpReplyCode)554,
                        "Message rejected: Email address is not verified. The following identities failed the check: owner@example.com")),
                        _ => Drop(context),
                };
            }

            Received.Enqueue(new ReceivedMail(
                transaction.From.AsAddress(),
                transaction.To.Select(to => to.AsAddress()).ToArray(),
                buffer.ToArray(),
                at));
            return Task.FromResult(SmtpResponse.Ok);
        }

        // Closing the socket under the session (an exception would only become a 554 reply) is what
        // the client sees when a server or load balancer goes away mid-transaction.
        private static Task<SmtpResponse> Drop(ISessionContext context)
        {
            context.Pipe.Dispose();
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
