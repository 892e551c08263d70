using System.Globalization;
using RunbookRunner.Core.Model;
using RunbookRunner.Core.Time;

namespace RunbookRunner.Actions.Parameters;

/// <summary>
/// Typed access to an action's (already substituted) parameters. Every error names the parameter, what
/// was expected, what was found and where, and is raised as <see cref="ActionParameterException"/>.
/// </summary>
public sealed class ParameterReader
{
    private readonly MapValue _map;
    private readonly string _prefix;

    public ParameterReader(MapValue map, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(map);
        _map = map;
        _prefix = prefix;
    }

    public MapValue Map => _map;

    public bool Has(string name) => _map[name] is not null and not ScalarValue { IsNull: true };

    public ParamValue? Raw(string name) => Has(name) ? _map[name] : null;

    public string RequiredString(string name) =>
        OptionalString(name) is { Length: > 0 } value ? value : throw Missing(name, "a non-empty string");

    public string? OptionalString(string name)
    {
        var value = Raw(name);
        return value switch
        {
            null => null,
            ScalarValue s => s.Text,
            _ => throw Wrong(name, "a string", value),
        };
    }

    public string OptionalString(string name, string defaultValue) => OptionalString(name) ?? defaultValue;

    public bool OptionalBool(string name, bool defaultValue)
    {
        var value = Raw(name);
        if (value is null)
        {
            return defaultValue;
        }

        // Substituted values arrive quoted ("${vars.verify}" -> "true"), so accept quoted true/false too.
        if (value is ScalarValue s && (s.TryGetBool(out var b) || TryParseBoolText(s.Text, out b)))
        {
            return b;
        }

        throw Wrong(name, "true or false", value);
    }

    public bool? OptionalBool(string name) => Has(name) ? OptionalBool(name, false) : null;

    public long? OptionalInt(string name, long? min = null, long? max = null)
    {
        var value = Raw(name);
        if (value is null)
        {
            return null;
        }

        if (value is ScalarValue s && long.TryParse(s.Text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            if ((min is not null && n < min) || (max is not null && n > max))
            {
                throw new ActionParameterException(
                    $"{Describe(name, value)} must be between {min?.ToString(CultureInfo.InvariantCulture) ?? "-∞"} and {max?.ToString(CultureInfo.InvariantCulture) ?? "∞"}, got {n}");
            }

            return n;
        }

        throw Wrong(name, "a whole number", value);
    }

    public double? OptionalNumber(string name)
    {
        var value = Raw(name);
        if (value is null)
        {
            return null;
        }

        if (value is ScalarValue s && double.TryParse(s.Text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d))
        {
            return d;
        }

        throw Wrong(name, "a number", value);
    }

    public TimeSpan? OptionalDuration(string name)
    {
        var value = Raw(name);
        if (value is null)
        {
            return null;
        }

        if (value is ScalarValue s)
        {
            if (Durations.TryParse(s.Text, out var span, out var error))
            {
                return span;
            }

            throw new ActionParameterException($"{Describe(name, value)}: {error}");
        }

        throw Wrong(name, "a duration such as 30s or 1h30m", value);
    }

    public TimeSpan OptionalDuration(string name, TimeSpan defaultValue) => OptionalDuration(name) ?? defaultValue;

    /// <summary>A list of strings; a single scalar is accepted as a list of one.</summary>
    public IReadOnlyList<string> StringList(string name)
    {
        var value = Raw(name);
        return value switch
        {
            null => [],
            ScalarValue s => [s.Text],
            ListValue l => l.Items.Select((item, i) => item is ScalarValue { IsNull: false } si
                ? si.Text
                : throw Wrong($"{name}[{i}]", "a string", item)).ToList(),
            _ => throw Wrong(name, "a list of strings", value),
        };
    }

    /// <summary>A list of whole numbers; a single number is accepted as a list of one.</summary>
    public IReadOnlyList<long> IntList(string name)
    {
        var value = Raw(name);
        return value switch
        {
            null => [],
            ScalarValue => [OptionalInt(name)!.Value],
            ListValue l => l.Items.Select((item, i) => item is ScalarValue si
                && long.TryParse(si.Text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
                    ? n
                    : throw Wrong($"{name}[{i}]", "a whole number", item)).ToList(),
            _ => throw Wrong(name, "a list of whole numbers", value),
        };
    }

    /// <summary>A map of string values (headers, env).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> StringMap(string name)
    {
        var value = Raw(name);
        return value switch
        {
            null => [],
            MapValue m => m.Entries.Select(e => e.Value is ScalarValue s
                ? new KeyValuePair<string, string>(e.Key, s.IsNull ? string.Empty : s.Text)
                : throw Wrong($"{name}.{e.Key}", "a string", e.Value)).ToList(),
            _ => throw Wrong(name, "a map of names to strings", value),
        };
    }

    public MapValue? OptionalMap(string name)
    {
        var value = Raw(name);
        return value switch
        {
            null => null,
            MapValue m => m,
            _ => throw Wrong(name, "a map", value),
        };
    }

    /// <summary>A list of maps, each read with its own <see cref="ParameterReader"/> (e.g. <c>checks</c>).</summary>
    public IReadOnlyList<ParameterReader> MapList(string name)
    {
        var value = Raw(name);
        return value switch
        {
            null => [],
            ListValue l => l.Items.Select((item, i) => item is MapValue m
                ? new ParameterReader(m, $"{_prefix}{name}[{i}].")
                : throw Wrong($"{name}[{i}]", "a map", item)).ToList(),
            _ => throw Wrong(name, "a list of maps", value),
        };
    }

    /// <summary>Exactly one of two alternative parameters must be present (e.g. <c>run</c> or <c>argv</c>).</summary>
    public void RequireExactlyOne(string first, string second)
    {
        var a = Has(first);
        var b = Has(second);
        if (a == b)
        {
            throw new ActionParameterException(a
                ? $"give either '{_prefix}{first}' or '{_prefix}{second}', not both"
                : $"missing parameter: give '{_prefix}{first}' or '{_prefix}{second}'");
        }
    }

    internal ActionParameterException Wrong(string name, string expected, ParamValue found) =>
        new($"{Describe(name, found)} must be {expected}, got {Shape(found)}");

    private ActionParameterException Missing(string name, string expected) =>
        new($"missing parameter '{_prefix}{name}' ({expected})");

    private string Describe(string name, ParamValue value) =>
        value.Location.Line > 0
            ? $"parameter '{_prefix}{name}' at {value.Location}"
            : $"parameter '{_prefix}{name}'";

    private static string Shape(ParamValue value) => value switch
    {
        ScalarValue s => $"'{Truncate(s.Text)}'",
        ListValue => "a list",
        MapValue => "a map",
        _ => value.GetType().Name,
    };

    private static string Truncate(string text) => text.Length <= 60 ? text : text[..57] + "...";

    private static bool TryParseBoolText(string text, out bool value)
    {
        value = false;
        switch (text.Trim().ToLowerInvariant())
        {
            case "true" or "yes" or "on":
                value = true;
                return true;
            case "false" or "no" or "off":
                return true;
            default:
                return false;
        }
    }
}
