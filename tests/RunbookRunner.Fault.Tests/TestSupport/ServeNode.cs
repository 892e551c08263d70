using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace RunbookRunner.Fault.Tests.TestSupport;

/// <summary>
/// One real <c>runbook serve</c> process on 127.0.0.1 and a free port. <see cref="KillAsync"/> is a kill -9 of the
/// whole process tree (the server and the shell steps it runs), like a machine losing power. Disposing kills
/// whatever is still running, and a process-exit hook does the same if the test host dies first.
/// </summary>
internal sealed class ServeNode : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<int, Process> s_live = new();
    private static int s_hooked;

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<string> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _logFile;

    private ServeNode(Process process, string nodeId, string logFile)
    {
        _process = process;
        NodeId = nodeId;
        _logFile = logFile;
    }

    public string NodeId { get; }

    /// <summary>Base URL (<c>http://127.0.0.1:PORT</c>) once the server listens.</summary>
    public string Url { get; private set; } = "";

    public bool HasExited => _process.HasExited;

    /// <summary>Everything the process wrote so far (stdout and stderr interleaved).</summary>
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

    /// <summary>Starts <c>runbook serve</c> and returns once it prints <c>listening on URL</c>.</summary>
    public static async Task<ServeNode> StartAsync(string store, string nodeId, string workDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        if (Interlocked.Exchange(ref s_hooked, 1) == 0)
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
        }

        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // Shell steps of the fault runbooks write the node that ran them.
            ["FAULT_NODE"] = nodeId,
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Quartz"] = "Error",
            ["Runbook__RunbooksPath"] = workDirectory,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            env[key] = value;
        }

        var info = RunbookCli.StartInfo(["serve", "--store", store, "--urls", "http://127.0.0.1:0", "--node-id", nodeId], env);
        info.WorkingDirectory = workDirectory;
        var process = new Process { StartInfo = info };
        var node = new ServeNode(process, nodeId, Path.Combine(workDirectory, $"{nodeId}.log"));
        process.OutputDataReceived += (_, e) => node.OnLine(e.Data, stdout: true);
        process.ErrorDataReceived += (_, e) => node.OnLine(e.Data, stdout: false);
        process.Start();
        s_live[process.Id] = process;
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(node._listening.Task, exited, Task.Delay(TimeSpan.FromSeconds(120)));
        if (first != node._listening.Task)
        {
            var why = first == exited ? $"exited with {process.ExitCode}" : "did not listen within 120 s";
            await node.DisposeAsync();
            throw new InvalidOperationException($"runbook serve ({nodeId}) {why}. Output:\n{Tail(node.Output)}");
        }

        node.Url = await node._listening.Task;
        return node;
    }

    /// <summary>kill -9 of the server and every process it started; returns once they are gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Exited between the check and the kill.
            }
        }

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(cts.Token);
        if (s_live.TryRemove(_process.Id, out _))
        {
            await SaveLogAsync();
        }
    }

    /// <summary>Waits until <c>/readyz</c> answers 200 (store writable, recovery done).</summary>
    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var ok = await Eventually.TryUntilAsync(
            async () =>
            {
                using var response = await http.GetAsync(new Uri(Url + "/readyz"));
                return response.IsSuccessStatusCode;
            },
            timeout);
        if (!ok)
        {
            throw new TimeoutException($"{NodeId} at {Url} was not ready within {timeout.TotalSeconds:0} s. Output:\n{Tail(Output)}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        finally
        {
            _process.Dispose();
        }
    }

    /// <summary>The end of a long output, for failure messages.</summary>
    public static string Tail(string text, int chars = 6000) => text.Length > chars ? "…" + text[^chars..] : text;

    private static void KillAll()
    {
        foreach (var process in s_live.Values)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
        }
    }

    private void OnLine(string? line, bool stdout)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        const string prefix = "listening on ";
        if (stdout && line.StartsWith(prefix, StringComparison.Ordinal))
        {
            _listening.TrySetResult(line[prefix.Length..].Trim().TrimEnd('/'));
        }
    }

    private async Task SaveLogAsync()
    {
        try
        {
            await File.AppendAllTextAsync(_logFile, Output + "---- killed ----\n");
        }
        catch (IOException)
        {
            // The log is a diagnostic aid only.
        }
    }
}
