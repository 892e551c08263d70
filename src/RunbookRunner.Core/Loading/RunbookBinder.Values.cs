using RunbookRunner.Core.Model;
using RunbookRunner.Core.Time;
using RunbookRunner.Core.Validation;

namespace RunbookRunner.Core.Loading;

/// <summary>Typed readers: each reports a precise diagnostic and returns null when the value is unusable.</summary>
internal sealed partial class RunbookBinder
{
    /// <summary>The value of a key; an explicit null (<c>key:</c> or <c>key: ~</c>) counts as absent.</summary>
    private static ParamValue? Get(MapValue map, string key) =>
        map[key] is { } value && value is not ScalarValue { IsNull: true } ? value : null;

    private static string Describe(ParamValue value) => value switch
    {
        ListValue => "a list",
        MapValue => "a map",
        ScalarValue s when s.IsNull => "empty",
        ScalarValue s => $"'{Shorten(s.Text)}'",
        _ => "a value",
    };

    internal static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    private void CheckKeys(MapValue map, IReadOnlyList<string> known, string where)
    {
        foreach (var entry in map.Entries)
        {
            if (!known.Contains(entry.Key))
            {
                bag.Error(DiagnosticCodes.UnknownKey, entry.KeyLocation,
                    $"unknown key '{Shorten(entry.Key)}' in {where}{Suggestions.DidYouMean(entry.Key, known)}");
            }
        }
    }

    private void Missing(MapValue map, string key, string where) =>
        bag.Error(DiagnosticCodes.MissingKey, map.Location, $"{where} is missing required key '{key}'");

    private MapValue? Map(MapValue parent, string key, string where, bool required = false)
    {
        var value = Get(parent, key);
        if (value is null)
        {
            if (required)
            {
                Missing(parent, key, where);
            }

            return null;
        }

        if (value is MapValue map)
        {
            return map;
        }

        bag.Error(DiagnosticCodes.WrongType, value.Location, $"'{key}' of {where} must be a map, not {Describe(value)}");
        return null;
    }

    private ListValue? List(MapValue parent, string key, string where, bool required = false)
    {
        var value = Get(parent, key);
        if (value is null)
        {
            if (required)
            {
                Missing(parent, key, where);
            }

            return null;
        }

        if (value is ListValue list)
        {
            return list;
        }

        bag.Error(DiagnosticCodes.WrongType, value.Location, $"'{key}' of {where} must be a list, not {Describe(value)}");
        return null;
    }

    private ScalarValue? Scalar(MapValue parent, string key, string where, bool required = false)
    {
        var value = Get(parent, key);
        if (value is null)
        {
            if (required)
            {
                Missing(parent, key, where);
            }

            return null;
        }

        if (value is ScalarValue scalar)
        {
            return scalar;
        }

        bag.Error(DiagnosticCodes.WrongType, value.Location, $"'{key}' of {where} must be a single value, not {Describe(value)}");
        return null;
    }

    private string? String(MapValue parent, string key, string where, bool required = false) =>
        Scalar(parent, key, where, required)?.Text;

    private bool? Bool(MapValue parent, string key, string where)
    {
        var scalar = Scalar(parent, key, where);
        if (scalar is null)
        {
            return null;
        }

        if (scalar.TryGetBool(out var value))
        {
            return value;
        }

        bag.Error(DiagnosticCodes.WrongType, scalar.Location, $"'{key}' of {where} must be true or false, not {Describe(scalar)}");
        return null;
    }

    private long? Int(MapValue parent, string key, string where, long min, long max)
    {
        var scalar = Scalar(parent, key, where);
        if (scalar is null)
        {
            return null;
        }

        if (!scalar.TryGetInt(out var value))
        {
            bag.Error(DiagnosticCodes.WrongType, scalar.Location, $"'{key}' of {where} must be a whole number, not {Describe(scalar)}");
            return null;
        }

        if (value < min || value > max)
        {
            bag.Error(DiagnosticCodes.InvalidValue, scalar.Location, $"'{key}' of {where} must be between {min} and {max}, not {value}");
            return null;
        }

        return value;
    }

    private double? Number(MapValue parent, string key, string where, double min = double.MinValue)
    {
        var scalar = Scalar(parent, key, where);
        if (scalar is null)
        {
            return null;
        }

        if (!scalar.TryGetNumber(out var value) || double.IsNaN(value) || double.IsInfinity(value))
        {
            bag.Error(DiagnosticCodes.WrongType, scalar.Location, $"'{key}' of {where} must be a number, not {Describe(scalar)}");
            return null;
        }

        if (value < min)
        {
            bag.Error(DiagnosticCodes.InvalidValue, scalar.Location, $"'{key}' of {where} must be at least {min}, not {scalar.Text}");
            return null;
        }

        return value;
    }

    private TimeSpan? Duration(MapValue parent, string key, string where, bool positive = false)
    {
        var scalar = Scalar(parent, key, where);
        if (scalar is null)
        {
            return null;
        }

        if (!Durations.TryParse(scalar.Text, out var value, out var error))
        {
            bag.Error(DiagnosticCodes.BadDuration, scalar.Location, $"'{key}' of {where}: {error}");
            return null;
        }

        if (positive && value <= TimeSpan.Zero)
        {
            bag.Error(DiagnosticCodes.InvalidValue, scalar.Location, $"'{key}' of {where} must be longer than 0s");
            return null;
        }

        return value;
    }

    private TimeAnchor? Anchor(MapValue parent, string key, string where)
    {
        var scalar = Scalar(parent, key, where);
        if (scalar is null)
        {
            return null;
        }

        if (TimeAnchor.TryParse(scalar.Text, out var anchor, out var error))
        {
            return anchor;
        }

        bag.Error(DiagnosticCodes.BadAnchor, scalar.Location, $"'{key}' of {where}: {error}");
        return null;
    }

    /// <summary>A list of plain values; a single value is accepted as a list of one.</summary>
    private List<ScalarValue>? ScalarList(MapValue parent, string key, string where, bool required = false)
    {
        var value = Get(parent, key);
        if (value is null)
        {
            if (required)
            {
                Missing(parent, key, where);
            }

            return null;
        }

        if (value is ScalarValue single)
        {
            return [single];
        }

        if (value is not ListValue list)
        {
            bag.Error(DiagnosticCodes.WrongType, value.Location, $"'{key}' of {where} must be a list, not {Describe(value)}");
            return null;
        }

        var result = new List<ScalarValue>();
        foreach (var item in list.Items)
        {
            if (item is ScalarValue { IsNull: false } scalar)
            {
                result.Add(scalar);
            }
            else
            {
                bag.Error(DiagnosticCodes.WrongType, item.Location, $"items of '{key}' in {where} must be single values, not {Describe(item)}");
            }
        }

        return result;
    }

    private T? Enum<T>(MapValue parent, string key, string where, IReadOnlyDictionary<string, T> allowed)
        where T : struct
    {
        var scalar = Scalar(parent, key, where);
        if (scalar is null)
        {
            return null;
        }

        if (allowed.TryGetValue(scalar.Text, out var value))
        {
            return value;
        }

        bag.Error(DiagnosticCodes.InvalidValue, scalar.Location,
            $"'{key}' of {where} must be one of {string.Join(", ", allowed.Keys)}, not {Describe(scalar)}{Suggestions.DidYouMean(scalar.Text, allowed.Keys)}");
        return null;
    }

    private void CheckSlug(ScalarValue? value, string what)
    {
        if (value is null || Names.IsSlug(value.Text))
        {
            return;
        }

        var suggestion = Names.ToSlug(value.Text);
        bag.Error(DiagnosticCodes.InvalidName, value.Location,
            $"{what} '{Shorten(value.Text)}' must be a slug: lowercase letters, digits, '-' and '_', starting with a letter or digit, at most {Names.MaxLength} characters"
            + (suggestion.Length > 0 ? $" (e.g. '{suggestion}')" : string.Empty));
    }

    private void CheckIdentifier(string name, SourceLocation location, string what)
    {
        if (!Names.IsIdentifier(name))
        {
            bag.Error(DiagnosticCodes.InvalidName, location,
                $"{what} '{Shorten(name)}' must be an identifier: letters, digits, '_' and '-', starting with a letter or '_', at most {Names.MaxLength} characters");
        }
    }
}
