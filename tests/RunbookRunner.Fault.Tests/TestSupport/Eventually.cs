namespace RunbookRunner.Fault.Tests.TestSupport;

/// <summary>Bounded polling of a condition over a real process or server (there is no signal to wait on across processes).</summary>
internal static class Eventually
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    /// <summary>Polls until <paramref name="condition"/> is true or <paramref name="timeout"/> passes; errors count as false.</summary>
    public static async Task<bool> TryUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (!cts.IsCancellationRequested)
        {
            try
            {
                if (await condition())
                {
                    return true;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                // The server is down or restarting: try again.
            }

            try
            {
                await Task.Delay(Interval, cts.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return false;
    }

    /// <summary>As <see cref="TryUntilAsync"/>, but throws with <paramref name="what"/> when time runs out.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> what)
    {
        if (!await TryUntilAsync(condition, timeout))
        {
            throw new TimeoutException($"Not reached within {timeout.TotalSeconds:0} s: {what()}");
        }
    }
}
