using RunbookRunner.Core.Time;

namespace RunbookRunner.TestKit.Time;

/// <summary>The product's <see cref="VirtualClock"/>, started at a fixed instant for tests.</summary>
public sealed class ManualTimeProvider(DateTimeOffset? start = null)
    : VirtualClock(start ?? new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
