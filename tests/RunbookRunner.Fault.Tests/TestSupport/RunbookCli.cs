using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace RunbookRunner.Fault.Tests.TestSupport;

/// <summary>The built <c>runbook</c> CLI (runbook.dll of src/RunbookRunner.Cli), run as a child process.</summary>
internal static class RunbookCli
{
    private static readonly Lazy<string> s_dll = new(FindDll);

    /// <summary>Full path of runbook.dll for this build configuration.</summary>
    public static string Dll => s_dll.Value;

    /// <summary>The <c>dotnet</c> host that runs the tests also runs the CLI.</summary>
    public static string DotnetHost =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";

    /// <summary>Start info for <c>dotnet runbook.dll ARGS</c> with output redirected.</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(DotnetHost)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(Dll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // The test host's own settings must not leak into the server (URLs, environment name).
        foreach (var name in new[] { "ASPNETCORE_URLS", "DOTNET_URLS", "URLS", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT" })
        {
            info.Environment.Remove(name);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        return info;
    }

    /// <summary>Runs a short CLI command (tokens, status) to its end, within <paramref name="timeout"/>.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(TimeSpan timeout, params string[] arguments)
    {
        using var process = new Process { StartInfo = StartInfo(arguments) };
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => AppendLine(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => AppendLine(stderr, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"runbook {string.Join(' ', arguments)} did not finish within {timeout.TotalSeconds:0} s: {stderr}");
        }

        // The parameterless wait drains the redirected streams.
        await process.WaitForExitAsync(CancellationToken.None);
        lock (stdout)
        {
            lock (stderr)
            {
                return (process.ExitCode, stdout.ToString(), stderr.ToString());
            }
        }
    }

    /// <summary><c>runbook tokens create --role admin</c> against the store; returns the token.</summary>
    public static async Task<string> CreateAdminTokenAsync(string store)
    {
        var (exitCode, stdout, stderr) = await RunAsync(TimeSpan.FromSeconds(90), "tokens", "create", "--role", "admin", "--name", "fault-tests", "--store", store);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"runbook tokens create failed (exit {exitCode}): {stderr}");
        }

        return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0].Trim();
    }

    private static void AppendLine(StringBuilder builder, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (builder)
        {
            builder.AppendLine(line);
        }
    }

    private static string FindDll()
    {
        var path = typeof(RunbookCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RunbookCliDll")?.Value
            ?? throw new InvalidOperationException("The test assembly does not say where runbook.dll is (AssemblyMetadata RunbookCliDll).");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"runbook.dll is not built at '{path}': build src/RunbookRunner.Cli in the same configuration first.", path);
        }

        return path;
    }
}
