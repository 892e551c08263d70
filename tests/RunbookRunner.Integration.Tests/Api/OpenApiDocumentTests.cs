using System.Text.Json.Nodes;
using FluentAssertions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RunbookRunner.Integration.Tests.TestSupport;

namespace RunbookRunner.Integration.Tests.Api;

public sealed class OpenApiDocumentTests : IAsyncLifetime
{
    private ServerHost? _server;

    private ServerHost Server => _server!;

    public async Task InitializeAsync() => _server = await ServerHost.StartAsync(StoreFactory.NewSqlite());

    public async Task DisposeAsync() => await Server.DisposeAsync();

    [Fact]
    public async Task Document_ListsEveryMappedEndpoint()
    {
        var document = JsonNode.Parse(await Server.Client().GetStringAsync("openapi/v1.json"))!;
        var paths = document["paths"]!.AsObject();

        var mapped = Server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Path: Normalize(e.RoutePattern.RawText!), Method: m.ToLowerInvariant())))
            .Distinct()
            .ToList();

        mapped.Should().HaveCountGreaterThan(15, "the API maps runs, commands, events, logs, audit, tokens, runbooks, health and metrics");
        foreach (var (path, method) in mapped)
        {
            paths[path]?[method].Should().NotBeNull($"{method.ToUpperInvariant()} {path} is mapped, so the OpenAPI document must describe it");
        }

        var documented = paths.SelectMany(p => p.Value!.AsObject().Select(m => (p.Key, m.Key))).ToList();
        documented.Should().BeEquivalentTo(mapped, "the document describes nothing that is not mapped");
    }

    [Fact]
    public async Task Document_HasExamplesAndTheBearerScheme()
    {
        var document = JsonNode.Parse(await Server.Client().GetStringAsync("openapi/v1.json"))!;

        document["info"]!["title"]!.GetValue<string>().Should().Be("RunbookRunner API");
        document["components"]!["securitySchemes"]!["bearer"]!["scheme"]!.GetValue<string>().Should().Be("bearer");
        var start = document["paths"]!["/api/runs"]!["post"]!;
        start["requestBody"]!["content"]!["application/json"]!["example"]!["runbook"]!.GetValue<string>().Should().Be("launch-day");
        start["responses"]!["201"]!["content"]!["application/json"]!["example"]!["state"]!.GetValue<string>().Should().Be("running");
        var get = document["paths"]!["/api/runs/{id}"]!["get"]!;
        get["responses"]!["200"]!["content"]!["application/json"]!["example"]!["steps"]!.AsArray().Should().NotBeEmpty();
    }

    /// <summary>Route templates as OpenAPI writes them: no trailing slash, no route constraints.</summary>
    private static string Normalize(string template)
    {
        var path = "/" + template.Trim('/');
        return System.Text.RegularExpressions.Regex.Replace(path, @"\{([^}:?=]+)[^}]*\}", "{$1}");
    }
}
