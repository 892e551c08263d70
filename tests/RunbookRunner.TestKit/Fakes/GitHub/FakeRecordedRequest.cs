using System.Text.Json.Nodes;

namespace RunbookRunner.TestKit.Fakes.GitHub;

/// <summary>A request the fake received, as sent.</summary>
public sealed class FakeRecordedRequest
{
    public required string Method { get; init; }

    /// <summary>Path including any path prefix, e.g. <c>/api/v3/repos/acme/platform/deployments</c>.</summary>
    public required string Path { get; init; }

    /// <summary>Path without the prefix, e.g. <c>/repos/acme/platform/deployments</c>.</summary>
    public required string RelativePath { get; init; }

    /// <summary>Query string including <c>?</c>, or empty.</summary>
    public required string Query { get; init; }

    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    public required string Body { get; init; }

    /// <summary>Real time since the server started, for ordering and spacing assertions.</summary>
    public required TimeSpan ReceivedAt { get; init; }

    public TimeSpan CompletedAt { get; set; }

    public int StatusCode { get; set; }

    public string PathAndQuery => RelativePath + Query;

    public JsonNode? Json => Body.Length == 0 ? null : JsonNode.Parse(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public override string ToString() => $"{Method} {PathAndQuery} -> {StatusCode}";
}
