using System.Security.Cryptography;
using System.Text;

namespace RunbookRunner.TestKit.Fakes.GitHub;

/// <summary>Everything the fake GitHub knows. All members are thread-safe (one lock).</summary>
public sealed class FakeGitHubState
{
    private readonly Dictionary<string, FakeRepository> repositories = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, FakeRepository> renamed = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, FakeRateLimitWindow> rateLimits = new(StringComparer.Ordinal);
    private readonly HashSet<string> tokens = new(StringComparer.Ordinal);
    private long nextId = 1000;
    private long shaCounter;

    internal FakeGitHubState(TimeProvider timeProvider, string token)
    {
        TimeProvider = timeProvider;
        tokens.Add(token);
    }

    internal object Gate { get; } = new();

    public TimeProvider TimeProvider { get; }

    /// <summary>Adds a repository with one commit on its default branch.</summary>
    public FakeRepository AddRepository(string owner, string name, string defaultBranch = "main")
    {
        lock (Gate)
        {
            var repository = new FakeRepository(this, owner, name, defaultBranch);
            repositories.Add(repository.FullName, repository);
            repository.AddCommit("Initial commit");
            return repository;
        }
    }

    /// <summary>Makes <paramref name="oldFullName"/> answer with redirects to <paramref name="repository"/>, as after a rename.</summary>
    public void AddRename(string oldFullName, FakeRepository repository)
    {
        lock (Gate)
        {
            renamed[oldFullName] = repository;
        }
    }

    /// <summary>Accepts another token (e.g. a step's own token).</summary>
    public void AddToken(string token)
    {
        lock (Gate)
        {
            tokens.Add(token);
        }
    }

    /// <summary>Uses up the primary rate limit of a token until <paramref name="resetIn"/> from now.</summary>
    public void ExhaustRateLimit(string token, TimeSpan resetIn)
    {
        lock (Gate)
        {
            var window = Window(token);
            window.Used = window.Limit;
            window.ResetsAt = TimeProvider.GetUtcNow() + resetIn;
        }
    }

    public FakeRepository? FindRepository(string owner, string name)
    {
        lock (Gate)
        {
            return repositories.GetValueOrDefault($"{owner}/{name}");
        }
    }

    internal FakeRepository? FindRenamed(string owner, string name)
    {
        lock (Gate)
        {
            return renamed.GetValueOrDefault($"{owner}/{name}");
        }
    }

    internal bool IsValidToken(string token)
    {
        lock (Gate)
        {
            return tokens.Contains(token);
        }
    }

    /// <summary>Counts one request against the token's window; <see langword="false"/> when the window is used up.</summary>
    internal bool TryConsume(string token, out FakeRateLimitWindow snapshot)
    {
        lock (Gate)
        {
            var window = Window(token);
            var now = TimeProvider.GetUtcNow();
            if (now >= window.ResetsAt)
            {
                window.Used = 0;
                window.ResetsAt = now + TimeSpan.FromHours(1);
            }

            var allowed = window.Used < window.Limit;
            if (allowed)
            {
                window.Used++;
            }

            snapshot = new FakeRateLimitWindow { Limit = window.Limit, Used = window.Used, ResetsAt = window.ResetsAt };
            return allowed;
        }
    }

    internal long NextId()
    {
        lock (Gate)
        {
            return ++nextId;
        }
    }

    internal string NextSha(string seed)
    {
        lock (Gate)
        {
            // Git SHAs are 40 hex digits; any stable hash cut to that length looks the same to clients.
            var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{++shaCounter}:{seed}"));
            return Convert.ToHexStringLower(bytes)[..40];
        }
    }

    private FakeRateLimitWindow Window(string token)
    {
        if (!rateLimits.TryGetValue(token, out var window))
        {
            window = new FakeRateLimitWindow { ResetsAt = TimeProvider.GetUtcNow() + TimeSpan.FromHours(1) };
            rateLimits.Add(token, window);
        }

        return window;
    }
}
