using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RunbookRunner.Core.Tests.TestSupport;

/// <summary>
/// A small JSON Schema (draft-07) validator for the keywords the runbook schema uses. An unknown keyword is an
/// error, so the generator cannot start emitting something these tests silently ignore.
/// </summary>
internal sealed class MiniJsonSchema(JsonObject root)
{
    private static readonly HashSet<string> Annotations = ["$schema", "title", "description", "examples", "definitions", "default"];

    private readonly Dictionary<string, Regex> patterns = new(StringComparer.Ordinal);

    /// <summary>Every error as "path: message"; empty when <paramref name="instance"/> is valid.</summary>
    public IReadOnlyList<string> Validate(JsonNode? instance)
    {
        var errors = new List<string>();
        Check(root, instance, "$", errors);
        return errors;
    }

    private void Check(JsonObject schema, JsonNode? value, string path, List<string> errors)
    {
        foreach (var (keyword, argument) in schema)
        {
            switch (keyword)
            {
                case "$ref":
                    Check(Resolve(argument!.GetValue<string>()), value, path, errors);
                    break;
                case "type":
                    var types = argument is JsonArray list ? list.Select(t => t!.GetValue<string>()).ToList() : [argument!.GetValue<string>()];
                    if (!types.Any(t => HasType(value, t)))
                    {
                        errors.Add($"{path}: expected {string.Join(" or ", types)}, got {Describe(value)}");
                    }

                    break;
                case "enum":
                    if (!argument!.AsArray().Any(a => JsonNode.DeepEquals(a, value)))
                    {
                        errors.Add($"{path}: {Describe(value)} is not one of {argument.ToJsonString()}");
                    }

                    break;
                case "const":
                    if (!JsonNode.DeepEquals(argument, value))
                    {
                        errors.Add($"{path}: expected {argument!.ToJsonString()}");
                    }

                    break;
                case "pattern":
                    if (value is JsonValue v && v.TryGetValue<string>(out var text) && !Pattern(argument!.GetValue<string>()).IsMatch(text))
                    {
                        errors.Add($"{path}: '{text}' does not match {argument}");
                    }

                    break;
                case "minimum":
                    if (Number(value) is { } low && low < Number(argument))
                    {
                        errors.Add($"{path}: {low} is below {argument}");
                    }

                    break;
                case "maximum":
                    if (Number(value) is { } high && high > Number(argument))
                    {
                        errors.Add($"{path}: {high} is above {argument}");
                    }

                    break;
                case "maxItems":
                    if (value is JsonArray items && items.Count > argument!.GetValue<int>())
                    {
                        errors.Add($"{path}: {items.Count} items, at most {argument} allowed");
                    }

                    break;
                case "minProperties":
                    if (value is JsonObject few && few.Count < argument!.GetValue<int>())
                    {
                        errors.Add($"{path}: {few.Count} properties, at least {argument} needed");
                    }

                    break;
                case "items":
                    if (value is JsonArray array)
                    {
                        for (var i = 0; i < array.Count; i++)
                        {
                            Check(argument!.AsObject(), array[i], $"{path}[{i}]", errors);
                        }
                    }

                    break;
                case "required":
                    if (value is JsonObject required)
                    {
                        foreach (var name in argument!.AsArray().Select(n => n!.GetValue<string>()).Where(n => !required.ContainsKey(n)))
                        {
                            errors.Add($"{path}: missing required '{name}'");
                        }
                    }

                    break;
                case "properties":
                    if (value is JsonObject withProperties)
                    {
                        foreach (var (name, property) in argument!.AsObject())
                        {
                            if (withProperties.TryGetPropertyValue(name, out var child))
                            {
                                Check(property!.AsObject(), child, $"{path}.{name}", errors);
                            }
                        }
                    }

                    break;
                case "additionalProperties":
                    if (value is JsonObject additional)
                    {
                        var known = schema["properties"]?.AsObject().Select(p => p.Key).ToHashSet(StringComparer.Ordinal) ?? [];
                        foreach (var (name, child) in additional.Where(p => !known.Contains(p.Key)))
                        {
                            if (argument is JsonValue allowed && !allowed.GetValue<bool>())
                            {
                                errors.Add($"{path}: unknown key '{name}'");
                            }
                            else if (argument is JsonObject childSchema)
                            {
                                Check(childSchema, child, $"{path}.{name}", errors);
                            }
                        }
                    }

                    break;
                case "propertyNames":
                    if (value is JsonObject named)
                    {
                        foreach (var name in named.Select(p => p.Key))
                        {
                            Check(argument!.AsObject(), JsonValue.Create(name), $"{path}.{name} (key)", errors);
                        }
                    }

                    break;
                case "allOf":
                    foreach (var part in argument!.AsArray())
                    {
                        Check(part!.AsObject(), value, path, errors);
                    }

                    break;
                case "anyOf":
                    var branches = argument!.AsArray().Select(b => Errors(b!.AsObject(), value, path)).ToList();
                    if (branches.All(b => b.Count > 0))
                    {
                        errors.Add($"{path}: matches none of anyOf: [{string.Join(" | ", branches.Select(b => string.Join("; ", b)))}]");
                    }

                    break;
                case "oneOf":
                    var matches = argument!.AsArray().Count(b => Errors(b!.AsObject(), value, path).Count == 0);
                    if (matches != 1)
                    {
                        errors.Add($"{path}: matches {matches} of oneOf, exactly one required");
                    }

                    break;
                case "not":
                    if (Errors(argument!.AsObject(), value, path).Count == 0)
                    {
                        errors.Add($"{path}: must not match {argument.ToJsonString()}");
                    }

                    break;
                case "if":
                    if (Errors(argument!.AsObject(), value, path).Count == 0 && schema["then"] is JsonObject then)
                    {
                        Check(then, value, path, errors);
                    }

                    break;
                case "then":
                    break;
                default:
                    if (!Annotations.Contains(keyword))
                    {
                        throw new NotSupportedException($"keyword '{keyword}' is not supported by this test validator");
                    }

                    break;
            }
        }
    }

    private List<string> Errors(JsonObject schema, JsonNode? value, string path)
    {
        var errors = new List<string>();
        Check(schema, value, path, errors);
        return errors;
    }

    private JsonObject Resolve(string reference)
    {
        const string prefix = "#/definitions/";
        if (!reference.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new NotSupportedException($"only local definitions are supported, not {reference}");
        }

        return root["definitions"]?[reference[prefix.Length..]]?.AsObject()
            ?? throw new InvalidOperationException($"dangling reference {reference}");
    }

    private Regex Pattern(string pattern)
    {
        if (!patterns.TryGetValue(pattern, out var regex))
        {
            regex = new Regex(pattern, RegexOptions.ECMAScript | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            patterns[pattern] = regex;
        }

        return regex;
    }

    private static bool HasType(JsonNode? value, string type) => (type, value?.GetValueKind()) switch
    {
        ("object", JsonValueKind.Object) => true,
        ("array", JsonValueKind.Array) => true,
        ("string", JsonValueKind.String) => true,
        ("boolean", JsonValueKind.True or JsonValueKind.False) => true,
        ("number", JsonValueKind.Number) => true,
        ("integer", JsonValueKind.Number) => Number(value) is { } n && Math.Floor(n) == n,
        ("null", null or JsonValueKind.Null) => true,
        _ => false,
    };

    private static double? Number(JsonNode? value) =>
        value?.GetValueKind() == JsonValueKind.Number ? double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture) : null;

    private static string Describe(JsonNode? value) => value is null ? "null" : value.ToJsonString();
}
