namespace RunbookRunner.Core.Schema.Json;

/// <summary>Regular expressions (ECMA-262 subset) for the scalar notations of the language, as the loader parses them.</summary>
internal static class RunbookJsonSchemaPatterns
{
    /// <summary>Number+unit parts, largest unit first, each unit once: <c>500ms</c>, <c>90s</c>, <c>1h30m</c>, <c>1d2h</c>.</summary>
    private const string DurationBody = @"(?=\d)(\d+d)?(\d+h)?(\d+m(?!s))?(\d+s)?(\d+ms)?";

    public const string Duration = "^" + DurationBody + "$";

    /// <summary><c>T-6h</c>, <c>T+90m</c>, <c>T+0</c>, <c>T</c>, <c>T0</c>.</summary>
    public const string Anchor = "^T(0|[+-](0|" + DurationBody + "))?$";

    public const string Slug = "^[a-z0-9][a-z0-9_-]{0,63}$";

    public const string Identifier = "^[A-Za-z_][A-Za-z0-9_-]{0,63}$";

    /// <summary>Holds at least one <c>${...}</c> reference.</summary>
    public const string Template = @"\$\{[^}]*\}";

    /// <summary>Exactly one reference, which may stand for a list or a map.</summary>
    public const string WholeReference = @"^\$\{[^{}]+\}$";

    public const string SecretSource = "^(env|file):.+$";
}
