namespace RunbookRunner.Core.Loading;

/// <summary>Bounds that keep hostile or broken input cheap to reject.</summary>
public static class LoaderLimits
{
    /// <summary>Largest runbook text accepted, in characters.</summary>
    public const int MaxChars = 1024 * 1024;

    /// <summary>Deepest nesting of lists and maps.</summary>
    public const int MaxDepth = 64;

    /// <summary>Most values in a document, counting every alias as a full copy of what it names.</summary>
    public const int MaxNodes = 100_000;
}
