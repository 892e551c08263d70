using Microsoft.Extensions.Options;
using RunbookRunner.Actions.Configuration;
using RunbookRunner.Core.Execution;
using RunbookRunner.Core.Model;

namespace RunbookRunner.Actions.Tests.TestSupport;

internal static class Contexts
{
    public static ActionContext For(MapValue parameters, RecordingLog? log = null, string step = "step-1", int attempt = 1, string? runUrl = null) => new()
    {
        RunId = "run-42",
        StepId = step,
        Attempt = attempt,
        Parameters = parameters,
        Log = log ?? new RecordingLog(),
        RunUrl = runUrl,
        Environment = "staging",
    };

    public static IOptions<ActionsOptions> Options(Action<ActionsOptions>? configure = null)
    {
        var options = new ActionsOptions();
        configure?.Invoke(options);
        return Microsoft.Extensions.Options.Options.Create(options);
    }
}
