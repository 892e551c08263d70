using RunbookRunner.Core.Model;

namespace RunbookRunner.Core.Runs.Settings;

/// <summary>
/// Choices made when a run starts that the runbook text does not carry: values that replace runbook or
/// environment variables (a staging host, a scratch directory), other sources for secrets, and the directory
/// relative paths of shell steps start from. Journaled with the run; holds secret references, never values.
/// </summary>
public sealed record RunSettings
{
    public static RunSettings None { get; } = new();

    /// <summary>Name → value, replacing the chosen environment's variable of that name, else <c>vars.NAME</c>.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary>Secret name → source (<c>env:NAME</c> or <c>file:/path</c>), replacing the runbook's source.</summary>
    public IReadOnlyDictionary<string, string> SecretSources { get; init; } = new Dictionary<string, string>();

    /// <summary>Where shell steps without <c>cwd</c> run: normally the runbook file's directory.</summary>
    public string? WorkingDirectory { get; init; }

    public bool IsEmpty => Variables.Count == 0 && SecretSources.Count == 0 && WorkingDirectory is null;

    /// <summary>Every problem with these settings for <paramref name="runbook"/> run in <paramref name="environment"/>.</summary>
    public IReadOnlyList<string> Validate(Runbook runbook, string? environment)
    {
        ArgumentNullException.ThrowIfNull(runbook);
        var errors = new List<string>();
        var environmentValues = environment is not null && runbook.Environments.TryGetValue(environment, out var map)
            ? map.Entries.Select(e => e.Key).ToHashSet(StringComparer.Ordinal)
            : [];
        foreach (var name in Variables.Keys.Where(n => !environmentValues.Contains(n) && !runbook.Vars.ContainsKey(n)).Order(StringComparer.Ordinal))
        {
            // Only declared names: a typo must not silently leave the production value in place.
            errors.Add($"--var {name}: the runbook declares no variable '{name}'{(environment is null ? "" : $" (in vars or environment '{environment}')")}");
        }

        foreach (var (name, source) in SecretSources.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!runbook.DeclaresSecret(name))
            {
                errors.Add($"--secret {name}: the runbook declares no secret '{name}'");
            }
            else if (ParseSource(source) is null)
            {
                errors.Add($"--secret {name}: '{source}' is not env:NAME or file:PATH");
            }
        }

        return errors;
    }

    /// <summary>
    /// The source of secret <paramref name="name"/> for a run in <paramref name="environment"/>: the replacement when
    /// there is one, else the runbook's (its one source, or the one for that environment).
    /// </summary>
    public SecretSource? SecretSourceFor(Runbook runbook, string name, string? environment)
    {
        ArgumentNullException.ThrowIfNull(runbook);
        if (SecretSources.TryGetValue(name, out var text) && ParseSource(text) is { } replaced)
        {
            return replaced;
        }

        return runbook.SecretSourceIn(name, environment);
    }

    /// <summary>
    /// One message per secret declared per environment that has no source for <paramref name="environment"/> and is
    /// not replaced by these settings: the run could not resolve it, so it must not start.
    /// </summary>
    public IReadOnlyList<string> MissingSecretSources(Runbook runbook, string? environment)
    {
        ArgumentNullException.ThrowIfNull(runbook);
        var errors = new List<string>();
        foreach (var (name, sources) in runbook.EnvironmentSecrets.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (SecretSourceFor(runbook, name, environment) is not null)
            {
                continue;
            }

            var where = environment is null ? "a run without an environment" : $"environment '{environment}'";
            var declared = sources.Count == 0 ? "none" : string.Join(", ", sources.Keys);
            errors.Add($"secret '{name}' has no source for {where} (it has sources for: {declared}); add one under secrets.{name}, or pass --secret {name}=env:NAME");
        }

        return errors;
    }

    /// <summary>Parses <c>env:NAME</c> or <c>file:PATH</c>; null otherwise.</summary>
    public static SecretSource? ParseSource(string text) => text switch
    {
        ['e', 'n', 'v', ':', .. var name] when name.Length > 0 => new SecretSource(SecretSourceKind.Env, name, SourceLocation.None),
        ['f', 'i', 'l', 'e', ':', .. var path] when path.Length > 0 => new SecretSource(SecretSourceKind.File, path, SourceLocation.None),
        _ => null,
    };

    /// <summary>Parses repeated <c>NAME=VALUE</c> arguments; errors name the bad ones.</summary>
    public static Dictionary<string, string> ParsePairs(IEnumerable<string> pairs, string option, ICollection<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs ?? [])
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0)
            {
                errors.Add($"{option} '{pair}': expected NAME=VALUE");
                continue;
            }

            result[pair[..at].Trim()] = pair[(at + 1)..];
        }

        return result;
    }
}
