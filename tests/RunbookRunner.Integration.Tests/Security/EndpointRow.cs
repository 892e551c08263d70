using System.Net;
using RunbookRunner.Core.Persistence;

namespace RunbookRunner.Integration.Tests.Security;

/// <summary>
/// One row of the permission matrix: an endpoint (method and route pattern as mapped), who may call it, how to
/// build a request to it, and the statuses an admitted caller may get (success or an expected problem).
/// </summary>
internal sealed record EndpointRow(
    string Method,
    string Pattern,
    EndpointAccess Access,
    TokenRole MinimumRole,
    Func<MatrixTarget, HttpRequestMessage> Request,
    params HttpStatusCode[] Admitted)
{
    /// <summary>The audited action of a refused attempt (the endpoint's audit metadata, else method and path).</summary>
    public string? AuditAction { get; init; }

    public string Key => $"{Method} {Pattern}";

    public override string ToString() => Key;
}
