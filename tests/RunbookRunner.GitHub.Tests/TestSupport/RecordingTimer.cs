namespace RunbookRunner.GitHub.Tests.TestSupport;

/// <summary>A timer of <see cref="RecordingTimeProvider"/>.</summary>
internal sealed class RecordingTimer(RecordingTimeProvider owner, TimerCallback callback, object? state) : ITimer
{
    public DateTimeOffset DueAt { get; set; }

    public TimeSpan? Period { get; set; }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        owner.Schedule(this, dueTime, period);
        return true;
    }

    public void Fire() => callback(state);

    public void Dispose() => owner.Remove(this);

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
