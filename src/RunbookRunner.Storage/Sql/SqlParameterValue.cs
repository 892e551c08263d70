namespace RunbookRunner.Storage.Sql;

/// <summary>A named parameter of a <see cref="SqlStatement"/>; the value is already in the provider's form.</summary>
internal readonly record struct SqlParameterValue(string Name, object? Value);
