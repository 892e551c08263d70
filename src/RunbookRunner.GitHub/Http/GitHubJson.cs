using System.Text.Json;
using System.Text.Json.Serialization;

namespace RunbookRunner.GitHub.Http;

/// <summary>Serializer settings matching GitHub's wire format (snake_case names and enum values).</summary>
internal static class GitHubJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static T Deserialize<T>(GitHubResponse response)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(response.Body, Options)
                ?? throw new JsonException("The body is JSON null.");
        }
        catch (JsonException ex)
        {
            throw new Errors.GitHubApiException(
                new Errors.GitHubErrorInfo
                {
                    StatusCode = response.StatusCode,
                    Method = response.Method,
                    RequestUri = response.RequestUri,
                    Message = $"the response body is not the expected {typeof(T).Name} JSON ({ex.Message})",
                },
                ex);
        }
    }
}
