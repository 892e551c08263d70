using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using RunbookRunner.Slack.Security;

namespace RunbookRunner.Slack.Endpoints;

/// <summary>
/// Reads a request to a Slack endpoint as raw bytes, at most the configured size, and verifies its signature and
/// timestamp before anything parses it. Refusals are logged with the reason, never with the body.
/// </summary>
internal static class SlackRequestReader
{
    public static async Task<(byte[]? Body, IResult? Refusal)> ReadVerifiedAsync(
        HttpContext context, SlackRequestVerifier verifier, int maxBytes, ILogger logger, CancellationToken cancellationToken)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }

        if (context.Request.ContentLength > maxBytes)
        {
            logger.LogWarning("Refused a Slack request to {Path}: its body of {Length} bytes is over the {Max}-byte limit.", context.Request.Path, context.Request.ContentLength, maxBytes);
            return (null, Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
        }

        byte[] body;
        try
        {
            body = await ReadCappedAsync(context.Request.Body, maxBytes, cancellationToken).ConfigureAwait(false) ?? [];
            if (body.Length > maxBytes)
            {
                logger.LogWarning("Refused a Slack request to {Path}: its body is over the {Max}-byte limit.", context.Request.Path, maxBytes);
                return (null, Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            logger.LogWarning("Refused a Slack request to {Path}: its body is over the {Max}-byte limit.", context.Request.Path, maxBytes);
            return (null, Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
        }

        var result = verifier.Verify(
            context.Request.Headers[SlackSignature.TimestampHeader].ToString(),
            context.Request.Headers[SlackSignature.SignatureHeader].ToString(),
            body);
        if (!result.IsValid)
        {
            logger.LogWarning("Refused a Slack request to {Path} from {Remote}: {Reason}.", context.Request.Path, context.Connection.RemoteIpAddress, result.Reason);
            return (null, Results.Unauthorized());
        }

        return (body, null);
    }

    /// <summary>Reads up to <paramref name="maxBytes"/> + 1 bytes, so an oversized body shows without reading all of it.</summary>
    private static async Task<byte[]?> ReadCappedAsync(Stream stream, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        while (buffer.Length <= maxBytes)
        {
            var read = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, maxBytes + 1 - buffer.Length)), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
