using System.Text;

namespace RunbookRunner.Fault.Tests.TestSupport;

/// <summary>
/// Runbooks of the fault suite. Their shell steps append <c>RUN STEP ATTEMPT NODE</c> to a ledger file, so every
/// execution of a step leaves a visible trace, then linger a little so that a crash can land inside a step.
/// </summary>
internal static class FaultRunbooks
{
    /// <summary>Sleep after the append: long enough for kills to land inside steps, short enough for CI.</summary>
    public const string Linger = "0.3";

    /// <summary>
    /// <paramref name="pattern"/> describes the steps in order: <c>n</c> a non-idempotent shell step, <c>i</c> an
    /// idempotent one (<c>idempotent: true</c>), <c>w</c> a <c>wait: 1s</c>, <c>m</c> a manual task that
    /// keeps the run waiting for a person. Step ids are the letter and position (n1, w2, i3...).
    /// </summary>
    public static string Ledger(string name, string ledgerFile, string pattern, string? extraHeader = null, string linger = Linger)
    {
        var yaml = new StringBuilder()
            .AppendLine($"name: {name}")
            .AppendLine("defaults: { on_failure: pause, timeout: 1m }");
        if (extraHeader is not null)
        {
            yaml.AppendLine(extraHeader);
        }

        yaml.AppendLine("steps:");
        for (var i = 0; i < pattern.Length; i++)
        {
            var id = $"{pattern[i]}{i + 1}";
            yaml.AppendLine($"  - id: {id}");
            switch (pattern[i])
            {
                case 'w':
                    yaml.AppendLine("    wait: 1s");
                    break;
                case 'm':
                    yaml.AppendLine("    manual: { title: Sign-off by a person }");
                    break;
                case 'n' or 'i':
                    yaml.AppendLine("    action: shell")
                        .AppendLine("    with:")
                        .AppendLine("      run: |")
                        .AppendLine($"        printf '%s %s %s %s\\n' \"$RUNBOOK_RUN_ID\" \"$RUNBOOK_STEP_ID\" \"$RUNBOOK_ATTEMPT\" \"$FAULT_NODE\" >> '{ledgerFile}'")
                        .AppendLine($"        sleep {linger}");
                    if (pattern[i] == 'i')
                    {
                        yaml.AppendLine("    idempotent: true");
                    }

                    break;
                default:
                    throw new ArgumentException($"unknown step letter '{pattern[i]}' in '{pattern}'", nameof(pattern));
            }
        }

        return yaml.ToString();
    }

    /// <summary>True for the ids <see cref="Ledger"/> gives non-idempotent shell steps.</summary>
    public static bool IsNonIdempotent(string stepId) => stepId.StartsWith('n');
}
