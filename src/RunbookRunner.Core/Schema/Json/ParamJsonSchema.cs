using System.Text.Json.Nodes;

namespace RunbookRunner.Core.Schema.Json;

/// <summary>
/// Translates an action's <see cref="ParamSchema"/> into JSON Schema (draft-07). It follows the validator: a scalar
/// holding <c>${...}</c> passes any scalar shape, a value that is exactly one reference passes any shape, and a plain
/// string parameter takes any scalar (YAML numbers and booleans are read as text).
/// </summary>
internal static class ParamJsonSchema
{
    public static JsonObject Convert(ParamSchema schema, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var result = schema switch
        {
            AnySchema => new JsonObject(),
            BooleanSchema => WithTemplate(new JsonObject { ["type"] = "boolean" }, JsonSchemaDefinitions.Template),
            NumberSchema => WithTemplate(new JsonObject { ["type"] = "number" }, JsonSchemaDefinitions.Template),
            IntegerSchema integer => WithTemplate(Integer(integer), JsonSchemaDefinitions.Template),
            DurationSchema => WithTemplate(JsonSchemaDefinitions.Ref(JsonSchemaDefinitions.Duration), JsonSchemaDefinitions.Template),
            StringSchema { Allowed: { } allowed } => WithTemplate(new JsonObject { ["enum"] = Strings(allowed) }, JsonSchemaDefinitions.Template),
            StringSchema => JsonSchemaDefinitions.Ref(JsonSchemaDefinitions.Text),
            ListSchema list => WithTemplate(List(list), JsonSchemaDefinitions.WholeReference),
            MapSchema map => WithTemplate(
                new JsonObject { ["type"] = "object", ["additionalProperties"] = Convert(map.Values) },
                JsonSchemaDefinitions.WholeReference),
            ObjectSchema obj => WithTemplate(Object(obj), JsonSchemaDefinitions.WholeReference),
            OneOfSchema oneOf => new JsonObject { ["anyOf"] = new JsonArray([.. oneOf.Options.Select(o => (JsonNode)Convert(o))]) },
            _ => throw new ArgumentException($"no JSON Schema translation for {schema.GetType().Name}", nameof(schema)),
        };

        var text = description ?? schema.Description;
        if (text is not null)
        {
            // Put the description first so editors show it above the shape in hovers.
            var described = new JsonObject { ["description"] = text };
            foreach (var (key, value) in result.ToList())
            {
                result.Remove(key);
                described[key] = value;
            }

            return described;
        }

        return result;
    }

    /// <summary>The shape of an action's <c>with</c> map: known fields only, required ones, exclusive groups.</summary>
    public static JsonObject Object(ObjectSchema obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var properties = new JsonObject();
        foreach (var field in obj.Fields)
        {
            properties[field.Name] = Convert(field.Schema, field.Description);
        }

        var result = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = properties,
            ["additionalProperties"] = false,
        };
        var required = obj.Fields.Where(f => f.Required).Select(f => f.Name).ToArray();
        if (required.Length > 0)
        {
            result["required"] = Strings(required);
        }

        var constraints = new JsonArray();
        foreach (var group in obj.ExactlyOneOf)
        {
            constraints.Add(new JsonObject { ["oneOf"] = new JsonArray([.. group.Select(name => (JsonNode)Required(name))]) });
        }

        foreach (var group in obj.AtMostOneOf)
        {
            var pairs = group.SelectMany((a, i) => group.Skip(i + 1).Select(b => (JsonNode)Required(a, b))).ToArray();
            constraints.Add(new JsonObject { ["not"] = new JsonObject { ["anyOf"] = new JsonArray(pairs) } });
        }

        if (constraints.Count > 0)
        {
            result["allOf"] = constraints;
        }

        return result;
    }

    public static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    private static JsonObject Required(params string[] names) => new() { ["required"] = Strings(names) };

    private static JsonObject Integer(IntegerSchema integer)
    {
        var result = new JsonObject { ["type"] = "integer" };
        if (integer.Min is { } min)
        {
            result["minimum"] = min;
        }

        if (integer.Max is { } max)
        {
            result["maximum"] = max;
        }

        return result;
    }

    private static JsonObject List(ListSchema list)
    {
        var result = new JsonObject { ["type"] = "array", ["items"] = Convert(list.Items) };
        if (list.MaxItems is { } max)
        {
            result["maxItems"] = max;
        }

        return result;
    }

    private static JsonObject WithTemplate(JsonObject shape, string templateRef) =>
        new() { ["anyOf"] = new JsonArray(shape, JsonSchemaDefinitions.Ref(templateRef)) };
}
