using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace RunbookRunner.Fault.Tests.TestSupport;

/// <summary>
/// A loopback TCP relay in front of a server (here PostgreSQL) that a test can cut: while cut, existing connections
/// are reset and new ones refused, so only the clients going through it lose the server (a network partition).
/// </summary>
internal sealed class TcpProxy : IAsyncDisposable
{
    private readonly int _targetPort;
    private readonly ConcurrentDictionary<TcpClient, byte> _connections = new();
    private readonly CancellationTokenSource _stop = new();
    private TcpListener? _listener;
    private Task _accepting = Task.CompletedTask;

    private TcpProxy(int targetPort, int port)
    {
        _targetPort = targetPort;
        Port = port;
    }

    public int Port { get; }

    public static TcpProxy Start(int targetPort)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var proxy = new TcpProxy(targetPort, port);
        proxy.Restore();
        return proxy;
    }

    /// <summary>Resets every relayed connection and refuses new ones.</summary>
    public async Task CutAsync()
    {
        _listener?.Stop();
        await _accepting.ConfigureAwait(false);
        _listener = null;
        foreach (var client in _connections.Keys)
        {
            try
            {
                // A reset, not a polite close: what a client sees when the network between it and its server fails.
                client.Client?.LingerState = new LingerOption(true, 0);
            }
            catch (ObjectDisposedException)
            {
            }

            client.Dispose();
        }

        _connections.Clear();
    }

    /// <summary>Accepts and relays connections again.</summary>
    public void Restore()
    {
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Start();
        var listener = _listener;
        _accepting = Task.Run(() => AcceptAsync(listener));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await CutAsync();
        _stop.Dispose();
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (true)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
            {
                return;
            }

            _ = RelayAsync(inbound);
        }
    }

    private async Task RelayAsync(TcpClient inbound)
    {
        using var outbound = new TcpClient();
        _connections[inbound] = 0;
        _connections[outbound] = 0;
        try
        {
            await outbound.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
            using var relay = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            var up = inbound.GetStream().CopyToAsync(outbound.GetStream(), relay.Token);
            var down = outbound.GetStream().CopyToAsync(inbound.GetStream(), relay.Token);
            await Task.WhenAny(up, down);
            await relay.CancelAsync();
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // A cut or a closed side ends the relay.
        }
        finally
        {
            _connections.TryRemove(inbound, out _);
            _connections.TryRemove(outbound, out _);
            inbound.Dispose();
        }
    }
}
