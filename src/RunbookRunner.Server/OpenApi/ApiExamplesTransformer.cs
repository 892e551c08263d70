using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace RunbookRunner.Server.OpenApi;

/// <summary>Adds <see cref="ApiExamples"/> to the JSON request and response bodies of every operation.</summary>
internal sealed class ApiExamplesTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var body = context.Description.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body);
        if (body is not null && operation.RequestBody?.Content is { } requestContent && ApiExamples.For(body.Type) is { } requestExample)
        {
            foreach (var media in requestContent.Values)
            {
                media.Example = requestExample.DeepClone();
            }
        }

        foreach (var type in context.Description.SupportedResponseTypes)
        {
            var key = type.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (operation.Responses is not null && operation.Responses.TryGetValue(key, out var response)
                && response.Content is { } responseContent && ApiExamples.For(type.Type) is { } responseExample)
            {
                foreach (var media in responseContent.Values)
                {
                    media.Example = responseExample.DeepClone();
                }
            }
        }

        return Task.CompletedTask;
    }
}
