using System.Globalization;

namespace RunbookRunner.Fault.Tests.TestSupport;

/// <summary>Seeds of the random fault moments: fixed, so a failure replays; <c>FAULT_SEED</c> overrides for exploration.</summary>
internal static class Seeds
{
    public static int For(int fixedSeed) =>
        int.TryParse(Environment.GetEnvironmentVariable("FAULT_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) ? seed : fixedSeed;
}
