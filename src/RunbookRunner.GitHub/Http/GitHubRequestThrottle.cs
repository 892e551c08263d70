namespace RunbookRunner.GitHub.Http;

/// <summary>
/// Process-wide coordination of GitHub writes: one at a time and a minimum interval apart, as GitHub asks
/// to avoid secondary rate limits. Register one instance (a singleton) for all clients.
/// </summary>
public sealed class GitHubRequestThrottle : IDisposable
{
    private readonly SemaphoreSlim writeLock = new(1, 1);
    private readonly TimeProvider timeProvider;
    private long lastWriteEndedAt;
    private bool anyWrite;

    public GitHubRequestThrottle(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        this.timeProvider = timeProvider;
    }

    /// <summary>Waits for the write slot and for the interval since the previous write to pass.</summary>
    internal async Task EnterWriteAsync(TimeSpan minInterval, CancellationToken cancellationToken = default)
    {
        await writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (anyWrite)
            {
                var wait = minInterval - timeProvider.GetElapsedTime(lastWriteEndedAt);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch
        {
            writeLock.Release();
            throw;
        }
    }

    /// <summary>Releases the write slot; the interval counts from now.</summary>
    internal void ExitWrite()
    {
        lastWriteEndedAt = timeProvider.GetTimestamp();
        anyWrite = true;
        writeLock.Release();
    }

    public void Dispose() => writeLock.Dispose();
}
