using System.Globalization;
using RunbookRunner.Core.Narration;

namespace RunbookRunner.Server.Narration;

/// <summary>Narration target <c>console</c>: one line per event on the server's standard output.</summary>
public sealed class ConsoleNarrationSink(TextWriter output) : INarrationSink
{
    public const string TargetName = "console";

    private readonly Lock _gate = new();

    public string Target => TargetName;

    public Task DeliverAsync(NarrationMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"{message.At.UtcDateTime:HH:mm:ss}Z [{message.RunbookName} {message.RunId}{(message.Rehearsal ? " rehearsal" : "")}] {message.Text}");
        lock (_gate)
        {
            output.WriteLine(line);
            output.Flush();
        }

        return Task.CompletedTask;
    }
}
