using System.Globalization;
using RunbookRunner.Core.Model;

namespace RunbookRunner.Core.Expressions;

/// <summary>
/// The values <c>${...}</c> references are substituted with: runbook variables, the chosen environment's
/// variables, secrets (resolved on first use through <see cref="SecretResolver"/>), run properties and
/// the outputs of completed steps.
/// </summary>
/// <remarks>
/// Every secret value resolved through this context is remembered in <see cref="ResolvedSecretValues"/>
/// so that callers can build a <see cref="SecretRedactor"/> covering exactly what was used.
/// </remarks>
public sealed class TemplateContext
{
    private static readonly IReadOnlyDictionary<string, ParamValue> NoValues = new Dictionary<string, ParamValue>();
    private static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> NoOutputs =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoRoles = new Dictionary<string, IReadOnlyList<string>>();

    private readonly HashSet<string> resolvedSecrets;
    private readonly Lock gate;

    public TemplateContext()
    {
        resolvedSecrets = new HashSet<string>(StringComparer.Ordinal);
        gate = new Lock();
    }

    private TemplateContext(TemplateContext source)
    {
        resolvedSecrets = source.resolvedSecrets;
        gate = source.gate;
        Vars = source.Vars;
        EnvironmentVariables = source.EnvironmentVariables;
        EnvironmentName = source.EnvironmentName;
        SecretResolver = source.SecretResolver;
        RunId = source.RunId;
        T0 = source.T0;
        StepOutputs = source.StepOutputs;
        Roles = source.Roles;
    }

    /// <summary><c>vars:</c> of the runbook, for <c>${vars.NAME}</c> (and bare names not set by the environment).</summary>
    public IReadOnlyDictionary<string, ParamValue> Vars { get; init; } = NoValues;

    /// <summary>Variables of the chosen environment, for bare <c>${NAME}</c>.</summary>
    public IReadOnlyDictionary<string, ParamValue> EnvironmentVariables { get; init; } = NoValues;

    /// <summary>Name of the chosen environment, for <c>${run.environment}</c>.</summary>
    public string? EnvironmentName { get; init; }

    /// <summary>Resolves a secret by its name in <c>secrets:</c>; returns null when it cannot be resolved.</summary>
    public Func<string, string?>? SecretResolver { get; init; }

    public string? RunId { get; init; }

    public DateTimeOffset? T0 { get; init; }

    /// <summary>Role name → Slack user ids, for <c>${roles.NAME}</c>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Roles { get; init; } = NoRoles;

    /// <summary>Step id → output name → value, for <c>${steps.ID.outputs.NAME}</c>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> StepOutputs { get; init; } = NoOutputs;

    /// <summary>Secret values resolved so far through this context (and its copies).</summary>
    public IReadOnlyCollection<string> ResolvedSecretValues
    {
        get
        {
            lock (gate)
            {
                return [.. resolvedSecrets];
            }
        }
    }

    /// <summary>A context for a runbook's variables and, when given, one of its environments.</summary>
    /// <exception cref="ArgumentException">The environment is not declared by the runbook.</exception>
    public static TemplateContext ForRunbook(Runbook runbook, string? environment)
    {
        ArgumentNullException.ThrowIfNull(runbook);
        var envVars = NoValues;
        if (environment is not null)
        {
            if (!runbook.Environments.TryGetValue(environment, out var map))
            {
                var known = runbook.Environments.Count == 0 ? "none" : string.Join(", ", runbook.Environments.Keys);
                throw new ArgumentException(
                    $"Runbook '{runbook.Name}' has no environment '{environment}' (declared: {known}).", nameof(environment));
            }

            envVars = map.Entries
                .GroupBy(e => e.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        }

        return new TemplateContext { Vars = runbook.Vars, EnvironmentVariables = envVars, EnvironmentName = environment, Roles = runbook.Roles };
    }

    /// <summary>
    /// A copy where each name in <paramref name="overrides"/> replaces the environment's variable of that name,
    /// or else <c>vars.NAME</c> (values chosen when the run started).
    /// </summary>
    public TemplateContext WithOverrides(IReadOnlyDictionary<string, string> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        if (overrides.Count == 0)
        {
            return this;
        }

        var environment = new Dictionary<string, ParamValue>(EnvironmentVariables, StringComparer.Ordinal);
        var vars = new Dictionary<string, ParamValue>(Vars, StringComparer.Ordinal);
        foreach (var (name, value) in overrides)
        {
            var target = environment.ContainsKey(name) || !vars.ContainsKey(name) ? environment : vars;
            target[name] = new ScalarValue(value, Quoted: true, SourceLocation.None);
        }

        return new TemplateContext(this) { EnvironmentVariables = environment, Vars = vars };
    }

    /// <summary>A copy that sees <paramref name="stepOutputs"/> (and shares the resolved-secret record).</summary>
    public TemplateContext WithStepOutputs(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> stepOutputs)
    {
        ArgumentNullException.ThrowIfNull(stepOutputs);
        return new TemplateContext(this) { StepOutputs = stepOutputs };
    }

    /// <summary>A copy for one run (id and launch time).</summary>
    public TemplateContext ForRun(string runId, DateTimeOffset t0) => new(this) { RunId = runId, T0 = t0 };

    /// <summary>A copy that resolves secrets with <paramref name="resolver"/>.</summary>
    public TemplateContext WithSecretResolver(Func<string, string?> resolver) => new(this) { SecretResolver = resolver };

    internal string ResolveSecret(string name)
    {
        var value = SecretResolver?.Invoke(name)
            ?? throw new TemplateException($"secret '{name}' could not be resolved");
        if (value.Length > 0)
        {
            lock (gate)
            {
                resolvedSecrets.Add(value);
            }
        }

        return value;
    }

    /// <summary>The role's people as Slack mentions, <c>&lt;@U1&gt; &lt;@U2&gt;</c>, in the order <c>roles:</c> lists them.</summary>
    internal string ResolveRole(string name) =>
        Roles.TryGetValue(name, out var users)
            ? string.Join(' ', users.Select(u => $"<@{u}>"))
            : throw new TemplateException($"${{roles.{name}}}: role '{name}' is not declared under 'roles'");

    internal string ResolveRun(string property) => property switch
    {
        "id" => RunId ?? throw new TemplateException("${run.id} is not known outside a run"),
        "t0" => T0 is { } t0
            ? t0.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : throw new TemplateException("${run.t0} is not known outside a run"),
        "environment" => EnvironmentName ?? throw new TemplateException("${run.environment} is not set: no environment was chosen"),
        _ => throw new TemplateException($"unknown run property '{property}'"),
    };
}
