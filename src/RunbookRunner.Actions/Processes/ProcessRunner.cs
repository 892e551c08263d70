using System.ComponentModel;
using System.Diagnostics;
using RunbookRunner.Core.Execution;

namespace RunbookRunner.Actions.Processes;

/// <summary>
/// Runs a child process in its own session (via <c>setsid</c>) so that, on cancellation, the whole
/// process group, grandchildren included, can be killed with one signal. Output lines are streamed to
/// the step log as they come and the tail of each stream is kept.
/// </summary>
internal sealed class ProcessRunner
{
    private static readonly TimeSpan DrainAfterExit = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan WaitAfterKill = TimeSpan.FromSeconds(5);

    private readonly TimeProvider _time;
    private readonly string? _setsid;

    public ProcessRunner(TimeProvider time)
    {
        _time = time;
        _setsid = FindSetsid();
    }

    public async Task<ProcessRunResult> RunAsync(ProcessRunRequest request, IStepLog log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(log);
        cancellationToken.ThrowIfCancellationRequested();

        var syncLog = new SynchronizedLog(log);
        var stdout = new OutputTail(request.MaxCapturedChars);
        var stderr = new OutputTail(request.MaxCapturedChars);
        using var process = new Process { StartInfo = BuildStartInfo(request) };
        var started = _time.GetTimestamp();
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException($"could not start '{request.FileName}': {ex.Message}", ex);
        }

        var pid = process.Id;

        // Nothing reads the child's stdin: close it so a program waiting for input sees EOF instead of hanging.
        process.StandardInput.Close();

        var readers = Task.WhenAll(
            Pump(process.StandardOutput, request, line =>
            {
                stdout.AppendLine(line);
                if (request.LogStdout)
                {
                    syncLog.Write(line);
                }
            }),
            Pump(process.StandardError, request, line =>
            {
                stderr.AppendLine(line);
                if (request.LogStderr)
                {
                    syncLog.Write("[stderr] " + line);
                }
            }));

        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            KillTree(process, pid);
            await WaitQuietlyAsync(process.WaitForExitAsync(CancellationToken.None), WaitAfterKill).ConfigureAwait(false);
            await WaitQuietlyAsync(readers, DrainAfterExit).ConfigureAwait(false);
            syncLog.Write($"cancelled after {_time.GetElapsedTime(started).TotalSeconds:0.0}s: killed process group {pid}");
            throw;
        }

        // A background grandchild may still hold the pipes open; do not wait for it forever.
        if (!await WaitQuietlyAsync(readers, DrainAfterExit).ConfigureAwait(false))
        {
            syncLog.Write("note: a background process still holds the output open; stopped reading it");
        }

        return new ProcessRunResult(
            pid,
            process.ExitCode,
            stdout.ToString(),
            stdout.Truncated,
            stderr.ToString(),
            stderr.Truncated,
            _time.GetElapsedTime(started));
    }

    /// <summary>Kills the child's process group (it is a session leader), then any descendants that left it.</summary>
    internal static void KillTree(Process process, int pid)
    {
        _ = NativeMethods.Kill(-pid, NativeMethods.SigKill);
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited: the group kill got there first.
        }
        catch (Win32Exception)
        {
            // A descendant vanished while the tree was walked; the group kill already covered it.
        }
    }

    private ProcessStartInfo BuildStartInfo(ProcessRunRequest request)
    {
        var psi = new ProcessStartInfo
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = request.WorkingDirectory ?? string.Empty,
        };

        if (_setsid is not null)
        {
            // setsid execs in place (our child is not a group leader), so the pid stays the same and
            // becomes the id of a new process group holding every descendant.
            psi.FileName = _setsid;
            psi.ArgumentList.Add(request.FileName);
        }
        else
        {
            psi.FileName = request.FileName;
        }

        foreach (var argument in request.Arguments)
        {
            psi.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in request.Environment)
        {
            if (value is null)
            {
                psi.Environment.Remove(key);
            }
            else
            {
                psi.Environment[key] = value;
            }
        }

        return psi;
    }

    private static Task Pump(StreamReader reader, ProcessRunRequest request, Action<string> onLine) =>
        Task.Run(async () =>
        {
            try
            {
                await LineReader.ReadLinesAsync(reader, request.MaxLineChars, onLine).ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
                // The process was disposed while a background grandchild kept the pipe open.
            }
            catch (IOException)
            {
                // Pipe torn down on kill.
            }
        });

    private static async Task<bool> WaitQuietlyAsync(Task task, TimeSpan limit)
    {
        try
        {
            await task.WaitAsync(limit).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private static string? FindSetsid()
    {
        foreach (var candidate in new[] { "/usr/bin/setsid", "/bin/setsid" })
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private sealed class SynchronizedLog(IStepLog inner) : IStepLog
    {
        private readonly object _gate = new();

        public void Write(string line)
        {
            lock (_gate)
            {
                inner.Write(line);
            }
        }
    }
}
