using System.Text;

namespace RunbookRunner.Core.Runs.State;

/// <summary>The wire names of run and step states (<c>rolling_back</c>, <c>awaiting_approval</c>).</summary>
public static class StatusNames
{
    public static string Of(RunStatus status) => Snake(status.ToString());

    public static string Of(StepStatus status) => Snake(status.ToString());

    public static string Of(GuardStatus status) => Snake(status.ToString());

    public static bool IsTerminal(this RunStatus status) =>
        status is RunStatus.Succeeded or RunStatus.Failed or RunStatus.Aborted or RunStatus.RolledBack;

    private static string Snake(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                sb.Append('_');
            }

            sb.Append(char.ToLowerInvariant(name[i]));
        }

        return sb.ToString();
    }
}
