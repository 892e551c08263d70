using RunbookRunner.Core.Runs.Events;

namespace RunbookRunner.Core.Runs.State;

/// <summary>
/// Assigns approvers to role quotas so that as many places as possible are filled, one role per person
/// (a bipartite matching with capacities, by augmenting paths; approvals have a handful of people).
/// </summary>
internal static class QuotaMatching
{
    /// <summary>The people who count, per quota (same order as <paramref name="quotas"/>).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Assign(IReadOnlyList<RoleQuota> quotas, IEnumerable<string> people)
    {
        var holders = quotas.Select(_ => new List<string>()).ToArray();
        foreach (var person in people.Distinct(StringComparer.Ordinal))
        {
            Place(person, quotas, holders, new bool[quotas.Count]);
        }

        return holders;
    }

    /// <summary>How many places the people fill at most.</summary>
    public static int Filled(IReadOnlyList<RoleQuota> quotas, IEnumerable<string> people) =>
        Assign(quotas, people).Sum(h => h.Count);

    private static bool Place(string person, IReadOnlyList<RoleQuota> quotas, List<string>[] holders, bool[] visited)
    {
        for (var r = 0; r < quotas.Count; r++)
        {
            if (visited[r] || !quotas[r].Members.Contains(person, StringComparer.Ordinal))
            {
                continue;
            }

            visited[r] = true;
            if (holders[r].Count < quotas[r].Count)
            {
                holders[r].Add(person);
                return true;
            }

            // The role is full: move one of its holders to another role they also belong to.
            for (var i = 0; i < holders[r].Count; i++)
            {
                var other = holders[r][i];
                if (Place(other, quotas, holders, visited))
                {
                    holders[r][i] = person;
                    return true;
                }
            }
        }

        return false;
    }
}
