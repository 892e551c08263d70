using RunbookRunner.Core.Planning;

namespace RunbookRunner.Server.Runs;

/// <summary>
/// Parses a T0 given to the API: nothing or <c>now</c>, ISO-8601 with an offset, or a wall-clock time read in the
/// runbook's own time zone (<see cref="LaunchTime"/>).
/// </summary>
public static class LaunchTimes
{
    public static bool TryParse(string? text, string timeZone, TimeProvider time, out DateTimeOffset value, out string? error)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (string.IsNullOrWhiteSpace(text))
        {
            value = time.GetUtcNow();
            error = null;
            return true;
        }

        if (LaunchTime.TryParse(text, timeZone, time, out value, out error))
        {
            return true;
        }

        error = "t0: " + error;
        return false;
    }
}
