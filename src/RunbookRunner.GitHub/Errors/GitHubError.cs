namespace RunbookRunner.GitHub.Errors;

/// <summary>One entry of the <c>errors</c> array of a GitHub error response (mostly on 422).</summary>
public sealed record GitHubError
{
    public string? Resource { get; init; }

    public string? Field { get; init; }

    /// <summary><c>missing</c>, <c>missing_field</c>, <c>invalid</c>, <c>already_exists</c>, <c>unprocessable</c> or <c>custom</c>.</summary>
    public string? Code { get; init; }

    public string? Message { get; init; }

    /// <summary>The entry as GitHub sent it, for fields not modelled here (e.g. <c>contexts</c> on a 409 deployment).</summary>
    public string Raw { get; init; } = "{}";

    public override string ToString()
    {
        if (Message is not null && (Code is null or "custom"))
        {
            return Message;
        }

        var subject = string.Join('.', new[] { Resource, Field }.Where(part => !string.IsNullOrEmpty(part)));
        var text = string.Join(' ', new[] { subject, Code }.Where(part => !string.IsNullOrEmpty(part)));
        return Message is null ? text : $"{text} ({Message})";
    }
}
