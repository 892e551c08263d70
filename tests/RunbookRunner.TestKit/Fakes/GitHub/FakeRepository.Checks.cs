namespace RunbookRunner.TestKit.Fakes.GitHub;

public sealed partial class FakeRepository
{
    private readonly List<FakeCommitStatus> statuses = [];
    private readonly List<FakeCheckRun> checkRuns = [];

    /// <summary>Posts a commit status (<c>error</c>, <c>failure</c>, <c>pending</c>, <c>success</c>) as a CI system would.</summary>
    public FakeCommitStatus AddStatus(string reference, string context, string state, string? description = null, string? targetUrl = null)
    {
        lock (Gate)
        {
            var status = new FakeCommitStatus
            {
                Id = this.state.NextId(),
                Sha = ResolveSha(reference) ?? throw new ArgumentException($"Unknown ref '{reference}'.", nameof(reference)),
                Context = context,
                State = state,
                Description = description,
                TargetUrl = targetUrl ?? $"https://ci.example.com/{context}",
                CreatedAt = Now,
            };
            statuses.Add(status);
            return status;
        }
    }

    public FakeCheckRun AddCheckRun(string reference, string name, string status = "completed", string? conclusion = "success")
    {
        lock (Gate)
        {
            var run = new FakeCheckRun
            {
                Id = state.NextId(),
                Sha = ResolveSha(reference) ?? throw new ArgumentException($"Unknown ref '{reference}'.", nameof(reference)),
                Name = name,
                Status = status,
                Conclusion = status == "completed" ? conclusion : null,
                StartedAt = Now,
                CompletedAt = status == "completed" ? Now : null,
            };
            checkRuns.Add(run);
            return run;
        }
    }

    /// <summary>The latest status per context, newest first, as the combined status lists them.</summary>
    internal List<FakeCommitStatus> LatestStatuses(string sha)
    {
        lock (Gate)
        {
            return statuses.Where(s => s.Sha == sha)
                .GroupBy(s => s.Context, StringComparer.Ordinal)
                .Select(group => group.MaxBy(s => s.Id)!)
                .OrderByDescending(s => s.Id)
                .ToList();
        }
    }

    /// <summary>GitHub's combined state: failure if any error/failure, pending if any pending or none at all, else success.</summary>
    internal string CombinedState(string sha)
    {
        var latest = LatestStatuses(sha);
        if (latest.Any(s => s.State is "error" or "failure"))
        {
            return "failure";
        }

        return latest.Count == 0 || latest.Any(s => s.State == "pending") ? "pending" : "success";
    }

    /// <summary>The latest check run per name (GitHub's default <c>filter=latest</c>).</summary>
    internal List<FakeCheckRun> LatestCheckRuns(string sha)
    {
        lock (Gate)
        {
            return checkRuns.Where(c => c.Sha == sha)
                .GroupBy(c => c.Name, StringComparer.Ordinal)
                .Select(group => group.MaxBy(c => c.Id)!)
                .OrderBy(c => c.Id)
                .ToList();
        }
    }
}
