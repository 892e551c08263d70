namespace RunbookRunner.TestKit.Fakes.GitHub;

/// <summary>A repository of the fake GitHub: commits, branches and tags; other areas live in the partial files.</summary>
public sealed partial class FakeRepository
{
    private readonly FakeGitHubState state;
    private readonly Dictionary<string, FakeCommit> commits = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> branches = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> tags = new(StringComparer.Ordinal);

    internal FakeRepository(FakeGitHubState state, string owner, string name, string defaultBranch)
    {
        this.state = state;
        Owner = owner;
        Name = name;
        DefaultBranch = defaultBranch;
        Id = state.NextId();
    }

    public long Id { get; }

    public string Owner { get; }

    public string Name { get; }

    public string FullName => $"{Owner}/{Name}";

    public string DefaultBranch { get; }

    private object Gate => state.Gate;

    private DateTimeOffset Now => state.TimeProvider.GetUtcNow();

    /// <summary>Commits on <paramref name="branch"/> (default: the default branch) and moves it; returns the SHA.</summary>
    public string AddCommit(string message, string? branch = null)
    {
        lock (Gate)
        {
            branch ??= DefaultBranch;
            var commit = new FakeCommit
            {
                Sha = state.NextSha(FullName + message),
                Message = message,
                ParentSha = branches.GetValueOrDefault(branch),
                Date = Now,
            };
            commits.Add(commit.Sha, commit);
            branches[branch] = commit.Sha;
            return commit.Sha;
        }
    }

    /// <summary>Points a branch (new or existing) at a commit, given by SHA or ref.</summary>
    public void SetBranch(string branch, string reference)
    {
        lock (Gate)
        {
            branches[branch] = ResolveSha(reference) ?? throw new ArgumentException($"Unknown ref '{reference}'.", nameof(reference));
        }
    }

    public void AddTag(string tag, string reference)
    {
        lock (Gate)
        {
            tags[tag] = ResolveSha(reference) ?? throw new ArgumentException($"Unknown ref '{reference}'.", nameof(reference));
        }
    }

    public string BranchHead(string branch)
    {
        lock (Gate)
        {
            return branches[branch];
        }
    }

    /// <summary>The SHA a branch, tag, <c>refs/...</c> name, full SHA or unique SHA prefix (7+) names; <see langword="null"/> if none.</summary>
    public string? ResolveSha(string reference)
    {
        lock (Gate)
        {
            if (reference.StartsWith("refs/heads/", StringComparison.Ordinal))
            {
                return branches.GetValueOrDefault(reference["refs/heads/".Length..]);
            }

            if (reference.StartsWith("refs/tags/", StringComparison.Ordinal))
            {
                return tags.GetValueOrDefault(reference["refs/tags/".Length..]);
            }

            if (branches.TryGetValue(reference, out var sha) || tags.TryGetValue(reference, out sha))
            {
                return sha;
            }

            if (commits.ContainsKey(reference))
            {
                return reference.ToLowerInvariant();
            }

            if (reference.Length >= 7)
            {
                var matches = commits.Keys.Where(key => key.StartsWith(reference, StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
                return matches.Count == 1 ? matches[0] : null;
            }

            return null;
        }
    }

    internal bool IsBranchOrTag(string reference)
    {
        lock (Gate)
        {
            var name = reference.StartsWith("refs/heads/", StringComparison.Ordinal) ? reference["refs/heads/".Length..]
                : reference.StartsWith("refs/tags/", StringComparison.Ordinal) ? reference["refs/tags/".Length..]
                : reference;
            return branches.ContainsKey(name) || tags.ContainsKey(name);
        }
    }

    internal bool HasBranch(string branch)
    {
        lock (Gate)
        {
            return branches.ContainsKey(branch);
        }
    }

    internal bool HasTag(string tag)
    {
        lock (Gate)
        {
            return tags.ContainsKey(tag);
        }
    }

    internal FakeCommit? FindCommit(string sha)
    {
        lock (Gate)
        {
            return commits.GetValueOrDefault(sha);
        }
    }

    /// <summary>Commits reachable from <paramref name="sha"/>, newest first, stopping before <paramref name="stopAt"/>.</summary>
    internal List<FakeCommit> History(string sha, string? stopAt = null)
    {
        lock (Gate)
        {
            var list = new List<FakeCommit>();
            for (var current = commits.GetValueOrDefault(sha); current is not null && current.Sha != stopAt; current = current.ParentSha is null ? null : commits.GetValueOrDefault(current.ParentSha))
            {
                list.Add(current);
            }

            return list;
        }
    }
}
