using System.Diagnostics;

namespace RunbookRunner.Fault.Tests.TestSupport;

/// <summary>
/// Makes files unwritable even for processes already holding them open: the immutable attribute as root (for
/// whom permissions mean nothing), or the write permission bits otherwise.
/// </summary>
internal static class FileFreezer
{
    private static bool IsRoot => Environment.UserName == "root";

    public static Task FreezeAsync(IEnumerable<string> paths) => ApplyAsync(paths, freeze: true);

    public static Task ThawAsync(IEnumerable<string> paths) => ApplyAsync(paths, freeze: false);

    private static async Task ApplyAsync(IEnumerable<string> paths, bool freeze)
    {
        foreach (var path in paths.Where(p => File.Exists(p) || Directory.Exists(p)))
        {
            var (program, flag) = IsRoot ? ("chattr", freeze ? "+i" : "-i") : ("chmod", freeze ? "a-w" : "u+w");
            var info = new ProcessStartInfo(program) { RedirectStandardError = true, UseShellExecute = false };
            info.ArgumentList.Add(flag);
            info.ArgumentList.Add(path);
            using var process = Process.Start(info)!;
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var error = await process.StandardError.ReadToEndAsync(cts.Token);
            await process.WaitForExitAsync(cts.Token);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{program} {flag} {path} failed: {error}");
            }
        }
    }
}
