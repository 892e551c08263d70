using RunbookRunner.Core.Narration;

namespace RunbookRunner.Engine.Narration;

/// <summary>Narrates to a text writer (the console): one line per event with the clock time and T offset.</summary>
public sealed class ConsoleNarrationSink(TextWriter writer) : INarrationSink
{
    public const string TargetName = "console";

    private readonly Lock _gate = new();

    public string Target => TargetName;

    public Task DeliverAsync(NarrationMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = message.Text.Replace("\n", "\n      ", StringComparison.Ordinal);
        lock (_gate)
        {
            writer.WriteLine($"[{message.Clock}] {text}");
        }

        return Task.CompletedTask;
    }
}
