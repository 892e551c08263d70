using System.Globalization;
using RunbookRunner.Core.Expressions;
using RunbookRunner.Core.Loading;
using RunbookRunner.Core.Model;
using RunbookRunner.Core.Schema;
using RunbookRunner.Core.Time;

namespace RunbookRunner.Core.Validation;

/// <summary>
/// Checks action parameters against an action's <see cref="ParamSchema"/>. A scalar holding <c>${...}</c> is
/// only known at run time, so it passes any scalar shape; a value that is exactly one variable reference
/// passes any shape (the variable may be a list or a map).
/// </summary>
internal sealed class ParamSchemaValidator(DiagnosticBag bag)
{
    /// <summary>Validates <paramref name="value"/>; <paramref name="owner"/> reads like "step 'deploy' (github.deployment)".</summary>
    public bool Validate(ParamSchema schema, ParamValue value, string owner, string name) =>
        Check(schema, value, owner, name, report: true);

    private bool Check(ParamSchema schema, ParamValue value, string owner, string name, bool report)
    {
        if (value is ScalarValue templated && Templates.HasTemplates(templated.Text))
        {
            return CheckTemplated(schema, templated, owner, name, report);
        }

        switch (schema)
        {
            case AnySchema:
                return true;
            case ObjectSchema obj:
                return CheckObject(obj, value, owner, name, report);
            case ListSchema list:
                return CheckList(list, value, owner, name, report);
            case MapSchema map:
                if (value is not MapValue m)
                {
                    return Fail(value, owner, name, schema, report);
                }

                var mapOk = true;
                foreach (var entry in m.Entries)
                {
                    mapOk &= Check(map.Values, entry.Value, owner, $"{name}.{entry.Key}", report);
                }

                return mapOk;
            case OneOfSchema oneOf:
                if (oneOf.Options.Any(o => Check(o, value, owner, name, report: false)))
                {
                    return true;
                }

                return Fail(value, owner, name, schema, report);
            default:
                return CheckScalar(schema, value, owner, name, report);
        }
    }

    private bool CheckTemplated(ParamSchema schema, ScalarValue value, string owner, string name, bool report)
    {
        var refs = Templates.FindReferences(value.Text);
        var whole = refs.Count == 1 && refs[0].Offset == 0 && refs[0].Length == value.Text.Length
            && refs[0].Kind is TemplateReferenceKind.Variable or TemplateReferenceKind.EnvironmentVariable;
        return whole || schema is not (ObjectSchema or ListSchema or MapSchema) || Fail(value, owner, name, schema, report);
    }

    private bool CheckObject(ObjectSchema obj, ParamValue value, string owner, string name, bool report)
    {
        if (value is not MapValue map)
        {
            return Fail(value, owner, name, obj, report);
        }

        var ok = true;
        var prefix = name.Length == 0 ? string.Empty : name + ".";
        foreach (var entry in map.Entries)
        {
            var field = obj.Field(entry.Key);
            if (field is null)
            {
                ok = false;
                if (report)
                {
                    bag.Error(DiagnosticCodes.UnknownParameter, entry.KeyLocation,
                        $"unknown {Param(owner, prefix + RunbookBinder.Shorten(entry.Key))}{Suggestions.DidYouMean(entry.Key, obj.Fields.Select(f => f.Name))}"
                        + $" (parameters: {string.Join(", ", obj.Fields.Select(f => f.Name))})");
                }

                continue;
            }

            if (entry.Value is ScalarValue { IsNull: true })
            {
                continue;
            }

            ok &= Check(field.Schema, entry.Value, owner, prefix + entry.Key, report);
        }

        bool Present(string key) => map[key] is { } v && v is not ScalarValue { IsNull: true };
        foreach (var field in obj.Fields.Where(f => f.Required && !Present(f.Name)))
        {
            ok = false;
            if (report)
            {
                bag.Error(DiagnosticCodes.MissingParameter, map.Location,
                    $"missing required {Param(owner, prefix + field.Name)}" + (field.Description is null ? string.Empty : $": {field.Description}"));
            }
        }

        foreach (var group in obj.ExactlyOneOf)
        {
            var given = group.Where(Present).ToList();
            if (given.Count == 1)
            {
                continue;
            }

            ok = false;
            if (report)
            {
                var location = given.Count == 0 ? map.Location : map.Entries.First(e => e.Key == given[1]).KeyLocation;
                bag.Error(DiagnosticCodes.ParameterGroup, location, given.Count == 0
                    ? $"{Scope(owner, name)} needs one of {string.Join(", ", group.Select(g => $"'{g}'"))}"
                    : $"{Scope(owner, name)} takes only one of {string.Join(", ", given.Select(g => $"'{g}'"))}");
            }
        }

        foreach (var group in obj.AtMostOneOf)
        {
            var given = group.Where(Present).ToList();
            if (given.Count <= 1)
            {
                continue;
            }

            ok = false;
            if (report)
            {
                bag.Error(DiagnosticCodes.ParameterGroup, map.Entries.First(e => e.Key == given[1]).KeyLocation,
                    $"{Scope(owner, name)} takes only one of {string.Join(", ", given.Select(g => $"'{g}'"))}");
            }
        }

        return ok;
    }

    private bool CheckList(ListSchema list, ParamValue value, string owner, string name, bool report)
    {
        if (value is not ListValue items)
        {
            return Fail(value, owner, name, list, report);
        }

        var ok = true;
        if (list.MaxItems is { } max && items.Items.Count > max)
        {
            ok = false;
            if (report)
            {
                bag.Error(DiagnosticCodes.WrongParameterType, value.Location, $"{Param(owner, name)} has {items.Items.Count} items; at most {max} are allowed");
            }
        }

        for (var i = 0; i < items.Items.Count; i++)
        {
            ok &= Check(list.Items, items.Items[i], owner, $"{name}[{i}]", report);
        }

        return ok;
    }

    private bool CheckScalar(ParamSchema schema, ParamValue value, string owner, string name, bool report)
    {
        if (value is not ScalarValue scalar)
        {
            return Fail(value, owner, name, schema, report);
        }

        switch (schema)
        {
            case StringSchema { Allowed: { } allowed } when !allowed.Contains(scalar.Text):
                if (report)
                {
                    bag.Error(DiagnosticCodes.WrongParameterType, scalar.Location,
                        $"{Param(owner, name)} must be one of {string.Join(", ", allowed)}, not '{RunbookBinder.Shorten(scalar.Text)}'{Suggestions.DidYouMean(scalar.Text, allowed)}");
                }

                return false;
            case StringSchema:
                return true;
            case BooleanSchema:
                return scalar.TryGetBool(out _) || Fail(value, owner, name, schema, report);
            case NumberSchema:
                return scalar.TryGetNumber(out _) || Fail(value, owner, name, schema, report);
            case IntegerSchema integer:
                if (!scalar.TryGetInt(out var number))
                {
                    return Fail(value, owner, name, schema, report);
                }

                if ((integer.Min is { } min && number < min) || (integer.Max is { } max && number > max))
                {
                    if (report)
                    {
                        bag.Error(DiagnosticCodes.WrongParameterType, scalar.Location,
                            $"{Param(owner, name)} must be {Range(integer)}, not {number.ToString(CultureInfo.InvariantCulture)}");
                    }

                    return false;
                }

                return true;
            case DurationSchema:
                if (Durations.TryParse(scalar.Text, out _, out var error))
                {
                    return true;
                }

                if (report)
                {
                    bag.Error(DiagnosticCodes.BadDuration, scalar.Location, $"{Param(owner, name)}: {error}");
                }

                return false;
            default:
                return true;
        }
    }

    private static string Param(string owner, string name) => $"parameter '{name}' of {owner}";

    private static string Scope(string owner, string name) => name.Length == 0 ? owner : $"parameter '{name}' of {owner}";

    private static string Range(IntegerSchema integer) => (integer.Min, integer.Max) switch
    {
        ({ } min, { } max) => $"between {min} and {max}",
        ({ } min, null) => $"at least {min}",
        (null, { } max) => $"at most {max}",
        _ => "a whole number",
    };

    private bool Fail(ParamValue value, string owner, string name, ParamSchema schema, bool report)
    {
        if (report)
        {
            var actual = value switch
            {
                ListValue => "a list",
                MapValue => "a map",
                ScalarValue s => $"'{RunbookBinder.Shorten(s.Text)}'",
                _ => "this value",
            };
            bag.Error(DiagnosticCodes.WrongParameterType, value.Location, $"{Param(owner, name)} must be {schema.Expected}, not {actual}");
        }

        return false;
    }
}
