using RunbookRunner.Core.Model;

namespace RunbookRunner.Core.Execution;

/// <summary>Reads a guard's check once (e.g. an HTTP metric) and says whether it breaches its threshold.</summary>
public interface IGuardProbe
{
    /// <summary>Reads the check; <paramref name="check"/> has its URL already substituted.</summary>
    Task<GuardProbeResult> ProbeAsync(GuardCheck check, CancellationToken cancellationToken = default);
}
