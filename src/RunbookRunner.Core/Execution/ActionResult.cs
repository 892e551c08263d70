namespace RunbookRunner.Core.Execution;

/// <summary>
/// The outcome of one attempt. <see cref="Summary"/> is the one-line evidence shown in narration and
/// approval gates ("0 open P0/P1 issues"). A failure with <see cref="Retryable"/> false is not retried.
/// </summary>
public sealed record ActionResult
{
    public required bool Succeeded { get; init; }

    public string? Summary { get; init; }

    public string? Error { get; init; }

    public bool Retryable { get; init; } = true;

    public IReadOnlyDictionary<string, string> Outputs { get; init; } = new Dictionary<string, string>();

    public static ActionResult Success(string? summary = null, IReadOnlyDictionary<string, string>? outputs = null) =>
        new() { Succeeded = true, Summary = summary, Outputs = outputs ?? new Dictionary<string, string>() };

    public static ActionResult Failure(string error, bool retryable = true, IReadOnlyDictionary<string, string>? outputs = null) =>
        new() { Succeeded = false, Error = error, Summary = error, Retryable = retryable, Outputs = outputs ?? new Dictionary<string, string>() };
}
