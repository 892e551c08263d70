namespace RunbookRunner.Core.Model;

/// <summary>The kinds of secret source.</summary>
public enum SecretSourceKind
{
    Env,
    File,
}
