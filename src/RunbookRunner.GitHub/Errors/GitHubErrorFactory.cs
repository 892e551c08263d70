using System.Net;
using System.Text.Json;
using RunbookRunner.GitHub.Http;

namespace RunbookRunner.GitHub.Errors;

/// <summary>Turns a failed response into the matching <see cref="GitHubApiException"/>, in one place.</summary>
internal static class GitHubErrorFactory
{
    private const int MaxPlainTextMessage = 300;

    public static GitHubErrorInfo ReadInfo(GitHubResponse response)
    {
        string? message = null;
        string? documentationUrl = null;
        var errors = new List<GitHubError>();
        var body = response.Body.Trim();
        if (body.Length > 0)
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    message = ReadString(document.RootElement, "message");
                    documentationUrl = ReadString(document.RootElement, "documentation_url");
                    if (document.RootElement.TryGetProperty("errors", out var list) && list.ValueKind == JsonValueKind.Array)
                    {
                        errors.AddRange(list.EnumerateArray().Select(ReadError));
                    }
                }
            }
            catch (JsonException)
            {
                // Proxies and load balancers answer with HTML or text; keep the start of it as the message.
                message = body.Length > MaxPlainTextMessage ? body[..MaxPlainTextMessage] + "…" : body;
            }
        }

        return new GitHubErrorInfo
        {
            StatusCode = response.StatusCode,
            Method = response.Method,
            RequestUri = response.RequestUri,
            Message = message,
            DocumentationUrl = documentationUrl,
            Errors = errors,
            RateLimit = response.RateLimit,
            RetryAfter = response.RetryAfter,
            AcceptedPermissions = response.AcceptedPermissions,
        };
    }

    public static GitHubApiException Create(GitHubErrorInfo info) => info.StatusCode switch
    {
        HttpStatusCode.Unauthorized => new GitHubUnauthorizedException(info),
        HttpStatusCode.Forbidden => new GitHubForbiddenException(info),
        HttpStatusCode.NotFound => new GitHubNotFoundException(info),
        HttpStatusCode.Conflict => new GitHubConflictException(info),
        HttpStatusCode.UnprocessableEntity when info.Errors.Any(IsAlreadyExists) => new GitHubAlreadyExistsException(info),
        HttpStatusCode.UnprocessableEntity => new GitHubValidationException(info),
        >= HttpStatusCode.InternalServerError => new GitHubServerErrorException(info),
        _ => new GitHubApiException(info),
    };

    private static bool IsAlreadyExists(GitHubError error) =>
        string.Equals(error.Code, "already_exists", StringComparison.OrdinalIgnoreCase);

    private static GitHubError ReadError(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            // Some endpoints send plain strings in errors[].
            return new GitHubError { Message = element.GetString(), Raw = element.GetRawText() };
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return new GitHubError { Message = element.GetRawText(), Raw = element.GetRawText() };
        }

        return new GitHubError
        {
            Resource = ReadString(element, "resource"),
            Field = ReadString(element, "field"),
            Code = ReadString(element, "code"),
            Message = ReadString(element, "message") ?? DescribeContexts(element),
            Raw = element.GetRawText(),
        };
    }

    /// <summary>A 409 on deployments lists the failed required contexts instead of a message.</summary>
    private static string? DescribeContexts(JsonElement element)
    {
        if (!element.TryGetProperty("contexts", out var contexts) || contexts.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var parts = contexts.EnumerateArray()
            .Where(context => context.ValueKind == JsonValueKind.Object)
            .Select(context => $"{ReadString(context, "context")}={ReadString(context, "state")}")
            .ToList();
        return parts.Count == 0 ? null : "contexts " + string.Join(", ", parts);
    }

    private static string? ReadString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
