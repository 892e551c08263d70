using NodaTime;
using RunbookRunner.Core.Model;
using RunbookRunner.Core.Validation;

namespace RunbookRunner.Core.Loading;

/// <summary>
/// Builds the immutable <see cref="Runbook"/> from a YAML tree, reporting shape errors (unknown keys, missing keys,
/// wrong types, bad durations and anchors, bad names) and building as much of the model as it can.
/// </summary>
internal sealed partial class RunbookBinder
{
    private static readonly Dictionary<string, FailurePolicy> FailurePolicies = new(StringComparer.Ordinal)
    {
        ["pause"] = FailurePolicy.Pause,
        ["rollback"] = FailurePolicy.Rollback,
        ["abort"] = FailurePolicy.Abort,
        ["continue"] = FailurePolicy.Continue,
    };

    private readonly string path;
    private readonly DiagnosticBag bag;

    private RunbookBinder(string path, DiagnosticBag bag)
    {
        this.path = path;
        this.bag = bag;
    }

    public static BoundRunbook? Bind(YamlTree tree, string path, DiagnosticBag bag) => new RunbookBinder(path, bag).BindRoot(tree.Root);

    private BoundRunbook? BindRoot(ParamValue? root)
    {
        if (root is null or ScalarValue { IsNull: true })
        {
            bag.Error(DiagnosticCodes.BadDocument, new SourceLocation(path, 1, 1), "the file is empty; a runbook needs at least 'name' and 'steps'");
            return null;
        }

        if (root is not MapValue map)
        {
            bag.Error(DiagnosticCodes.BadDocument, root.Location, "a runbook is a map of keys (name, steps, ...), not " + Describe(root));
            return null;
        }

        const string where = "the runbook";
        CheckKeys(map, LanguageKeys.Runbook, where);
        var name = Scalar(map, "name", where, required: true);
        CheckSlug(name, "runbook name");

        var steps = BindSteps(List(map, "steps", where, required: true), rollback: false);
        var rollback = BindSteps(List(map, "rollback", where), rollback: true);
        var guards = BindGuards(List(map, "guards", where));

        var (secrets, environmentSecrets) = BindSecrets(map);
        var runbook = new Runbook
        {
            Name = name?.Text ?? string.Empty,
            Title = String(map, "title", where),
            Description = String(map, "description", where),
            TimeZone = BindTimeZone(map) ?? "UTC",
            Channel = String(map, "channel", where),
            Environments = BindEnvironments(map),
            Vars = BindVars(map),
            Secrets = secrets,
            EnvironmentSecrets = environmentSecrets,
            Roles = BindRoles(map),
            Defaults = BindDefaults(map),
            Steps = [.. steps.Select(s => s.Step)],
            Rollback = [.. rollback.Select(s => s.Step)],
            Guards = [.. guards.Select(g => g.Guard)],
            Location = map.Location,
        };
        return new BoundRunbook(runbook, map, steps, rollback, guards);
    }

    private string? BindTimeZone(MapValue map)
    {
        var zone = Scalar(map, "timezone", "the runbook");
        if (zone is null)
        {
            return null;
        }

        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone.Text) is not null)
        {
            return zone.Text;
        }

        bag.Error(DiagnosticCodes.UnknownTimeZone, zone.Location,
            $"'{Shorten(zone.Text)}' is not an IANA time zone (e.g. Europe/London, America/New_York, UTC){Suggestions.DidYouMean(zone.Text, DateTimeZoneProviders.Tzdb.Ids)}");
        return null;
    }

    private Dictionary<string, MapValue> BindEnvironments(MapValue root)
    {
        var result = new Dictionary<string, MapValue>(StringComparer.Ordinal);
        var map = Map(root, "environments", "the runbook");
        foreach (var entry in map?.Entries ?? [])
        {
            CheckSlug(new ScalarValue(entry.Key, false, entry.KeyLocation), "environment name");
            var where = $"environment '{Shorten(entry.Key)}'";
            switch (entry.Value)
            {
                case MapValue vars:
                    foreach (var v in vars.Entries)
                    {
                        CheckIdentifier(v.Key, v.KeyLocation, "variable name");
                    }

                    result[entry.Key] = vars;
                    break;
                case ScalarValue { IsNull: true }:
                    result[entry.Key] = new MapValue([], entry.Value.Location);
                    break;
                default:
                    bag.Error(DiagnosticCodes.WrongType, entry.Value.Location, $"{where} must be a map of variables, not {Describe(entry.Value)}");
                    result[entry.Key] = new MapValue([], entry.Value.Location);
                    break;
            }
        }

        return result;
    }

    private Dictionary<string, ParamValue> BindVars(MapValue root)
    {
        var result = new Dictionary<string, ParamValue>(StringComparer.Ordinal);
        foreach (var entry in Map(root, "vars", "the runbook")?.Entries ?? [])
        {
            CheckIdentifier(entry.Key, entry.KeyLocation, "variable name");
            result[entry.Key] = entry.Value;
        }

        return result;
    }

    private (Dictionary<string, SecretSource> Shared, Dictionary<string, IReadOnlyDictionary<string, SecretSource>> PerEnvironment) BindSecrets(MapValue root)
    {
        var shared = new Dictionary<string, SecretSource>(StringComparer.Ordinal);
        var perEnvironment = new Dictionary<string, IReadOnlyDictionary<string, SecretSource>>(StringComparer.Ordinal);
        foreach (var entry in Map(root, "secrets", "the runbook")?.Entries ?? [])
        {
            CheckIdentifier(entry.Key, entry.KeyLocation, "secret name");
            switch (entry.Value)
            {
                case ScalarValue { IsNull: false } scalar:
                    if (BindSecretSource($"secret '{Shorten(entry.Key)}'", scalar) is { } source)
                    {
                        shared[entry.Key] = source;
                    }

                    break;
                case MapValue { Entries.Count: > 0 } sources:
                    // Keys are checked against 'environments' by the validator (RB036).
                    var byEnvironment = new Dictionary<string, SecretSource>(StringComparer.Ordinal);
                    foreach (var e in sources.Entries)
                    {
                        CheckSlug(new ScalarValue(e.Key, false, e.KeyLocation), "environment name");
                        if (e.Value is not ScalarValue { IsNull: false } text)
                        {
                            bag.Error(DiagnosticCodes.BadSecretSource, e.Value.Location,
                                $"secret '{Shorten(entry.Key)}' in environment '{Shorten(e.Key)}' must be a source such as env:VARIABLE or file:/run/secrets/name, not {Describe(e.Value)}");
                        }
                        else if (BindSecretSource($"secret '{Shorten(entry.Key)}' in environment '{Shorten(e.Key)}'", text) is { } envSource)
                        {
                            byEnvironment[e.Key] = envSource;
                        }
                    }

                    perEnvironment[entry.Key] = byEnvironment;
                    break;
                default:
                    bag.Error(DiagnosticCodes.BadSecretSource, entry.Value.Location,
                        $"secret '{Shorten(entry.Key)}' must be a source such as env:VARIABLE or file:/run/secrets/name, or a map from environment to source, not {Describe(entry.Value)}");
                    break;
            }
        }

        return (shared, perEnvironment);
    }

    /// <summary>One <c>env:</c> or <c>file:</c> source; <paramref name="label"/> names the secret in messages.</summary>
    private SecretSource? BindSecretSource(string label, ScalarValue scalar)
    {
        var text = scalar.Text.Trim();
        if (text.StartsWith("env:", StringComparison.Ordinal) && IsEnvironmentVariableName(text[4..]))
        {
            return new SecretSource(SecretSourceKind.Env, text[4..], scalar.Location);
        }

        if (text.StartsWith("file:", StringComparison.Ordinal) && text.Length > 5)
        {
            return new SecretSource(SecretSourceKind.File, text[5..], scalar.Location);
        }

        bag.Error(DiagnosticCodes.BadSecretSource, scalar.Location,
            $"{label} has source '{Shorten(text)}'; the sources are env:VARIABLE and file:PATH (values are never written in a runbook)");
        return null;
    }

    private static bool IsEnvironmentVariableName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private Dictionary<string, IReadOnlyList<string>> BindRoles(MapValue root)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var map = Map(root, "roles", "the runbook");
        foreach (var entry in map?.Entries ?? [])
        {
            CheckSlug(new ScalarValue(entry.Key, false, entry.KeyLocation), "role name");
            var users = ScalarList(map!, entry.Key, "roles") ?? [];
            result[entry.Key] = [.. users.Select(u => u.Text).Distinct(StringComparer.Ordinal)];
        }

        return result;
    }

    private StepDefaults BindDefaults(MapValue root)
    {
        var map = Map(root, "defaults", "the runbook");
        if (map is null)
        {
            return new StepDefaults();
        }

        const string where = "defaults";
        CheckKeys(map, LanguageKeys.Defaults, where);
        var defaults = new StepDefaults { Timeout = Duration(map, "timeout", where, positive: true) };
        if (BindRetry(map, where) is { } retry)
        {
            defaults = defaults with { Retry = retry };
        }

        if (Enum(map, "on_failure", where, FailurePolicies) is { } onFailure)
        {
            defaults = defaults with { OnFailure = onFailure };
        }

        return defaults;
    }

    private RetryPolicy? BindRetry(MapValue parent, string where)
    {
        var value = Get(parent, "retry");
        switch (value)
        {
            case null:
                return null;
            case ScalarValue:
                return Int(parent, "retry", where, 1, 100) is { } attempts ? new RetryPolicy((int)attempts, TimeSpan.Zero) : null;
            case MapValue map:
                var inner = $"'retry' of {where}";
                CheckKeys(map, LanguageKeys.Retry, inner);
                return new RetryPolicy(
                    (int)(Int(map, "attempts", inner, 1, 100) ?? 1),
                    Duration(map, "backoff", inner) ?? TimeSpan.Zero,
                    Number(map, "factor", inner, min: 1.0) ?? 1.0,
                    Duration(map, "max_backoff", inner));
            default:
                bag.Error(DiagnosticCodes.WrongType, value.Location, $"'retry' of {where} must be a number of attempts or a map (attempts, backoff, factor, max_backoff)");
                return null;
        }
    }
}
