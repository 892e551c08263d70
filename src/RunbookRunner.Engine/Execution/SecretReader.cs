using RunbookRunner.Core.Model;

namespace RunbookRunner.Engine.Execution;

/// <summary>Reads secret values from their sources at run time; values never enter the model or the journal.</summary>
public static class SecretReader
{
    /// <summary>The value, or null when the variable or file is missing (the template then reports it).</summary>
    public static string? Read(SecretSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Kind switch
        {
            SecretSourceKind.Env => System.Environment.GetEnvironmentVariable(source.Reference),
            SecretSourceKind.File => File.Exists(source.Reference) ? File.ReadAllText(source.Reference).TrimEnd('\r', '\n') : null,
            _ => null,
        };
    }
}
