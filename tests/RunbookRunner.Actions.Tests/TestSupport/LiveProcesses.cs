using System.Globalization;

namespace RunbookRunner.Actions.Tests.TestSupport;

internal static class LiveProcesses
{
    /// <summary>True while the process exists and is not a zombie (a killed orphan may linger unreaped).</summary>
    public static bool IsAlive(int pid)
    {
        var stat = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat";
        string text;
        try
        {
            text = File.ReadAllText(stat);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return true;
        }

        // Format: "pid (comm) S ..."; the state follows the last ')'.
        var state = text[(text.LastIndexOf(')') + 2)..].Split(' ')[0];
        return state != "Z" && state != "X";
    }

    public static async Task<bool> WaitUntilDeadAsync(int pid, TimeSpan limit)
    {
        using var cts = new CancellationTokenSource(limit);
        while (IsAlive(pid))
        {
            if (cts.IsCancellationRequested)
            {
                return false;
            }

            await Task.Delay(20, CancellationToken.None);
        }

        return true;
    }
}
