using RunbookRunner.Core.Expressions;
using RunbookRunner.Core.Model;
using RunbookRunner.Core.Runs.Settings;
using RunbookRunner.Core.Runs.State;

namespace RunbookRunner.Engine.Execution;

/// <summary>
/// Per-run execution context: template values (with secrets read at run time) and the redactor that
/// masks every secret value this run has used.
/// </summary>
public sealed class RunContext
{
    private readonly TemplateContext _templates;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly RunSettings _settings;
    private readonly string? _environment;
    private SecretRedactor _redactor = SecretRedactor.None;

    public RunContext(RunState state, RehearsalSettings? rehearsal)
    {
        ArgumentNullException.ThrowIfNull(state);
        Rehearsal = rehearsal;
        var runbook = state.Runbook;
        var environment = state.Environment is not null && runbook.Environments.ContainsKey(state.Environment) ? state.Environment : null;
        _settings = state.Settings;
        _environment = environment;
        WorkingDirectory = _settings.WorkingDirectory;
        _templates = TemplateContext.ForRunbook(runbook, environment)
            .WithOverrides(_settings.Variables)
            .ForRun(state.RunId, state.T0)
            .WithSecretResolver(name => ResolveSecret(runbook, name));

        // Read every secret up front (for a per-environment secret, the run's environment's source) so that even a
        // value echoed by an unrelated step is masked.
        foreach (var name in runbook.SecretNames)
        {
            if (_settings.SecretSourceFor(runbook, name, _environment) is { } source && SecretReader.Read(source) is { Length: > 0 } value)
            {
                _known.Add(value);
            }
        }

        _redactor = new SecretRedactor(_known);
    }

    public RehearsalSettings? Rehearsal { get; }

    public bool IsRehearsal => Rehearsal is not null;

    /// <summary>Where shell steps without <c>cwd</c> run (the runbook's directory), if known.</summary>
    public string? WorkingDirectory { get; }

    public SecretRedactor Redactor
    {
        get
        {
            lock (_gate)
            {
                return _redactor;
            }
        }
    }

    /// <summary>Substitutes <c>${...}</c> in parameters, with the outputs of steps done so far.</summary>
    public MapValue Render(MapValue parameters, RunState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var outputs = state.Steps.Values.Where(s => s.Outputs.Count > 0).ToDictionary(s => s.Id, s => s.Outputs);
        return Templates.Render(parameters, _templates.WithStepOutputs(outputs));
    }

    public string Render(string text) => Templates.Render(text, _templates);

    private string? ResolveSecret(Runbook runbook, string name)
    {
        if (_settings.SecretSourceFor(runbook, name, _environment) is not { } source)
        {
            return null;
        }

        var value = SecretReader.Read(source);
        if (value is null && IsRehearsal)
        {
            // Rehearsals run without production secrets: a placeholder that parses as a URL, a
            // connection string or a token keeps simulated parameters well-formed.
            return $"postgresql://rehearsal@secret.invalid/{name}";
        }

        if (value is { Length: > 0 })
        {
            lock (_gate)
            {
                if (_known.Add(value))
                {
                    _redactor = new SecretRedactor(_known);
                }
            }
        }

        return value;
    }
}
