using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RunbookRunner.Slack.Commands;
using RunbookRunner.Slack.Endpoints;
using RunbookRunner.Slack.Interactions;
using RunbookRunner.Slack.Interactivity;
using RunbookRunner.Slack.Security;

namespace RunbookRunner.Slack;

/// <summary>Maps Slack's request URLs: <c>POST /slack/interactions</c> (buttons, modals) and <c>POST /slack/commands</c> (<c>/runbook</c>).</summary>
public static class SlackEndpointRouteBuilderExtensions
{
    public const string InteractionsPath = "/slack/interactions";
    public const string CommandsPath = "/slack/commands";

    /// <summary>
    /// Maps the Slack endpoints when the war room is registered (<c>AddRunbookSlackWarRoom</c> with a bot token);
    /// otherwise maps nothing, so the paths answer 404. Every request is verified by signature and timestamp (401
    /// otherwise) and size-capped (413); Slack's own authentication replaces the API's bearer tokens here.
    /// </summary>
    public static IEndpointRouteBuilder MapRunbookSlack(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<SlackInteractionHandler>() is null)
        {
            return endpoints;
        }

        endpoints.MapPost(InteractionsPath, HandleInteractionAsync).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapPost(CommandsPath, HandleCommandAsync).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> HandleInteractionAsync(
        HttpContext context,
        SlackRequestVerifier verifier,
        IOptions<SlackOptions> options,
        SlackInteractionHandler handler,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(SlackEndpointRouteBuilderExtensions));
        var (body, refusal) = await SlackRequestReader.ReadVerifiedAsync(context, verifier, options.Value.MaxRequestBodyBytes, logger, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        SlackInteractionPayload payload;
        try
        {
            payload = SlackInteractionPayload.Parse(body);
        }
        catch (SlackPayloadException ex)
        {
            logger.LogWarning("Refused a malformed Slack interaction: {Error}", ex.Message);
            return Results.BadRequest();
        }

        var ack = handler.Handle(payload);
        return ack.Json is null ? Results.Ok() : Results.Content(ack.Json, "application/json");
    }

    private static async Task<IResult> HandleCommandAsync(
        HttpContext context,
        SlackRequestVerifier verifier,
        IOptions<SlackOptions> options,
        SlashCommandHandler handler,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(SlackEndpointRouteBuilderExtensions));
        var (body, refusal) = await SlackRequestReader.ReadVerifiedAsync(context, verifier, options.Value.MaxRequestBodyBytes, logger, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        SlashCommand command;
        try
        {
            command = SlashCommand.Parse(body);
        }
        catch (SlackPayloadException ex)
        {
            logger.LogWarning("Refused a malformed Slack command: {Error}", ex.Message);
            return Results.BadRequest();
        }

        var text = handler.Handle(command);
        return Results.Content(SlackJson.Serialize(new CommandAnswer("ephemeral", text)), "application/json");
    }

    private sealed record CommandAnswer(string ResponseType, string Text);
}
