namespace RunbookRunner.Core.Schema;

/// <summary>Short constructors for the built-in action schemas, so the catalog reads like a table.</summary>
internal static class SchemaBuilder
{
    public static ParamField Req(string name, ParamSchema schema, string description) =>
        new(name, schema, Required: true) { Description = description };

    public static ParamField Opt(string name, ParamSchema schema, string description) =>
        new(name, schema) { Description = description };

    public static StringSchema Str() => new();

    public static StringSchema OneOf(params string[] allowed) => new() { Allowed = allowed };

    public static BooleanSchema Bool() => new();

    public static IntegerSchema Int(long? min = null, long? max = null) => new() { Min = min, Max = max };

    public static NumberSchema Number() => new();

    public static DurationSchema Duration() => new();

    public static AnySchema Any() => new();

    public static ListSchema ListOf(ParamSchema items) => new(items);

    public static MapSchema MapOf(ParamSchema values) => new(values);

    public static ObjectSchema Object(params ParamField[] fields) => new(fields);

    /// <summary><c>200</c>, <c>[200, 204]</c> or <c>"2xx"</c>.</summary>
    public static OneOfSchema Status() =>
        new([Int(100, 599), ListOf(Int(100, 599)), OneOf("1xx", "2xx", "3xx", "4xx", "5xx")]);

    /// <summary>The optional per-step GitHub token (else the server's <c>GitHub__Token</c>).</summary>
    public static ParamField GitHubToken() =>
        Opt("token", Str(), "GitHub token for this step; defaults to the server's GitHub__Token. Use ${secrets.NAME}.");

    public static ParamField Repo() => Req("repo", Str(), "Repository as owner/name.");
}
