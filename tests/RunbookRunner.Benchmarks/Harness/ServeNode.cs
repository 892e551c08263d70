using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;

namespace RunbookRunner.Benchmarks.Harness;

/// <summary>
/// A real <c>runbook serve</c> process on loopback (random port). Its stdout (the "listening on" line, then
/// console narration) is drained continuously so the pipe never blocks the server.
/// </summary>
internal sealed class ServeNode : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task _drain;

    private ServeNode(Process process, Uri url, Task drain, TimeSpan startup)
    {
        _process = process;
        Url = url;
        _drain = drain;
        Startup = startup;
        Http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri Url { get; }

    public HttpClient Http { get; }

    /// <summary>From process start until <c>/readyz</c> answered ready (the start-up recovery sweep done).</summary>
    public TimeSpan Startup { get; }

    public int ProcessId => _process.Id;

    public static async Task<ServeNode> StartAsync(string store, string nodeId, IReadOnlyDictionary<string, string>? environment = null, CancellationToken cancellationToken = default)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var arg in new[] { RepoPaths.CliDll, "serve", "--store", store, "--urls", "http://127.0.0.1:0", "--node-id", nodeId })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var started = Stopwatch.StartNew();
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stderrTail = new Queue<string>();
        var drain = Task.WhenAll(
            Task.Run(async () =>
            {
                while (await process.StandardOutput.ReadLineAsync(CancellationToken.None).ConfigureAwait(false) is { } line)
                {
                    if (line.StartsWith("listening on ", StringComparison.Ordinal))
                    {
                        listening.TrySetResult(new Uri(line["listening on ".Length..].Trim()));
                    }
                }

                listening.TrySetException(new InvalidOperationException($"serve {nodeId} exited: {string.Join('\n', stderrTail)}"));
            }, CancellationToken.None),
            Task.Run(async () =>
            {
                while (await process.StandardError.ReadLineAsync(CancellationToken.None).ConfigureAwait(false) is { } line)
                {
                    lock (stderrTail)
                    {
                        stderrTail.Enqueue(line);
                        if (stderrTail.Count > 20)
                        {
                            stderrTail.Dequeue();
                        }
                    }
                }
            }, CancellationToken.None));
        var url = await listening.Task.WaitAsync(TimeSpan.FromMinutes(2), cancellationToken).ConfigureAwait(false);
        using var probe = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(10) };
        while (true)
        {
            using var response = await probe.GetAsync(new Uri("/readyz", UriKind.Relative), cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                break;
            }

            if (started.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException($"serve {nodeId} not ready after {started.Elapsed}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken).ConfigureAwait(false);
        }

        return new ServeNode(process, url, drain, started.Elapsed);
    }

    public void UseToken(string token) => Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

    /// <summary>Resident set size of the server process, in MB (Linux <c>/proc</c>).</summary>
    public double RssMegabytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kb = double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return kb / 1024;
    }

    /// <summary>Stops the server the way an operator does (SIGTERM, graceful), killing it if it hangs.</summary>
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            using var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
            await term!.WaitForExitAsync().ConfigureAwait(false);
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        await _drain.ConfigureAwait(false);
        _process.Dispose();
    }
}
