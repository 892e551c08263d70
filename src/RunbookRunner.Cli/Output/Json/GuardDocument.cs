namespace RunbookRunner.Cli.Output.Json;

/// <summary>A guard and its active window in JSON; <see cref="ActiveUntil"/> null means until the run ends.</summary>
internal sealed record GuardDocument(string Id, string From, string ActiveFrom, string? ActiveUntil, string Every, string Then, bool Approval);
