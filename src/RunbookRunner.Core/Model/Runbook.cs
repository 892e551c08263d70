namespace RunbookRunner.Core.Model;

/// <summary>A loaded runbook: the timed steps of a launch, its people, variables, guards and rollback.</summary>
public sealed record Runbook
{
    /// <summary>Slug that names the runbook (<c>launch-day</c>).</summary>
    public required string Name { get; init; }

    public string? Title { get; init; }

    public string? Description { get; init; }

    /// <summary>IANA time zone for clock times in narration and plans.</summary>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>Slack channel id for narration.</summary>
    public string? Channel { get; init; }

    /// <summary>Variables per environment; <c>--env</c> picks one.</summary>
    public IReadOnlyDictionary<string, MapValue> Environments { get; init; } = new Dictionary<string, MapValue>();

    public IReadOnlyDictionary<string, ParamValue> Vars { get; init; } = new Dictionary<string, ParamValue>();

    /// <summary>Secrets with one source for every environment: name → source.</summary>
    public IReadOnlyDictionary<string, SecretSource> Secrets { get; init; } = new Dictionary<string, SecretSource>();

    /// <summary>Secrets whose source depends on the run's environment: name → environment → source.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, SecretSource>> EnvironmentSecrets { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, SecretSource>>();

    /// <summary>Every declared secret name, with one source or per environment.</summary>
    public IEnumerable<string> SecretNames => Secrets.Keys.Concat(EnvironmentSecrets.Keys);

    /// <summary>Role name → Slack user ids.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Roles { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public StepDefaults Defaults { get; init; } = new();

    public IReadOnlyList<Step> Steps { get; init; } = [];

    public IReadOnlyList<Guard> Guards { get; init; } = [];

    /// <summary>Steps run after the undo of every completed step, in order, when the run rolls back.</summary>
    public IReadOnlyList<Step> Rollback { get; init; } = [];

    public SourceLocation Location { get; init; } = SourceLocation.None;

    public bool DeclaresSecret(string name) => Secrets.ContainsKey(name) || EnvironmentSecrets.ContainsKey(name);

    /// <summary>
    /// The runbook's source of secret <paramref name="name"/> for a run in <paramref name="environment"/>: its one source,
    /// or the source given for that environment; null when it is not declared or has no source for the environment.
    /// </summary>
    public SecretSource? SecretSourceIn(string name, string? environment)
    {
        if (Secrets.TryGetValue(name, out var source))
        {
            return source;
        }

        return environment is not null && EnvironmentSecrets.TryGetValue(name, out var sources) ? sources.GetValueOrDefault(environment) : null;
    }

    public Step? FindStep(string id) => Steps.FirstOrDefault(s => s.Id == id) ?? Rollback.FirstOrDefault(s => s.Id == id);

    /// <summary>The ids a step waits for: its <c>after</c>, or else the step before it.</summary>
    public IReadOnlyList<string> DependenciesOf(Step step)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (step.After is not null)
        {
            return step.After;
        }

        var index = Steps.ToList().FindIndex(s => s.Id == step.Id);
        return index > 0 ? [Steps[index - 1].Id] : [];
    }

    public TimeSpan? TimeoutOf(Step step) => step?.Timeout ?? Defaults.Timeout;

    public RetryPolicy RetryOf(Step step) => step?.Retry ?? Defaults.Retry;

    public FailurePolicy OnFailureOf(Step step) => step?.OnFailure ?? Defaults.OnFailure;

    /// <summary>Users allowed by a set of roles, in role order, without duplicates.</summary>
    public IReadOnlyList<string> UsersInRoles(IEnumerable<string> roles) =>
        roles.SelectMany(r => Roles.TryGetValue(r, out var users) ? users : []).Distinct(StringComparer.Ordinal).ToList();
}
