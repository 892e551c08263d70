using System.Reflection;
using RunbookRunner.Actions.Configuration;
using RunbookRunner.Engine;
using RunbookRunner.GitHub;
using RunbookRunner.Server.Configuration;
using RunbookRunner.Slack;
using RunbookRunner.Slack.WarRoom;

namespace RunbookRunner.Integration.Tests.Operations;

/// <summary>
/// Every configuration key the server reads, as environment variable names (<c>Runbook__Store</c>), taken from the
/// options classes themselves so a new option shows up here without anyone remembering to add it.
/// </summary>
internal static class ConfigurationKeys
{
    /// <summary>Options properties bound from another section than their class's (see the Bind methods).</summary>
    private static readonly Dictionary<string, string?> Moved = new(StringComparer.Ordinal)
    {
        [$"{ActionsOptions.SectionName}__{nameof(ActionsOptions.CloudflareApiBaseUrl)}"] = "Cloudflare__ApiBaseUrl",
        [$"{ActionsOptions.SectionName}__{nameof(ActionsOptions.CloudflareApiToken)}"] = "Cloudflare__ApiToken",
        [$"{ActionsOptions.SectionName}__{nameof(ActionsOptions.SlackApiBaseUrl)}"] = "Slack__ApiBaseUrl",
        [$"{ActionsOptions.SectionName}__{nameof(ActionsOptions.SlackBotToken)}"] = "Slack__BotToken",
        [$"{SlackOptions.SectionName}__{nameof(SlackWarRoomOptions.RunbooksPath)}"] = $"{ServerOptions.Section}__{nameof(ServerOptions.RunbooksPath)}",
    };

    /// <summary>Keys of the host rather than of our options, which deployments may set too.</summary>
    public static readonly string[] Host = ["ASPNETCORE_URLS", "DOTNET_gcServer", "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_PROTOCOL", "OTEL_SERVICE_NAME"];

    public static IReadOnlySet<string> All { get; } = Build();

    /// <summary>True for one of our keys, a host key, or a logging level (<c>Logging__LogLevel__Category</c>).</summary>
    public static bool IsKnown(string name) =>
        All.Contains(name) || Host.Contains(name) || name.StartsWith("Logging__LogLevel__", StringComparison.Ordinal);

    private static HashSet<string> Build()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        Add(keys, ServerOptions.Section, typeof(ServerOptions));
        Add(keys, EngineOptions.Section, typeof(EngineOptions));
        Add(keys, SlackOptions.SectionName, typeof(SlackOptions));
        Add(keys, SlackOptions.SectionName, typeof(SlackWarRoomOptions));
        Add(keys, GitHubOptions.SectionName, typeof(GitHubOptions));
        Add(keys, ActionsOptions.SectionName, typeof(ActionsOptions));
        return keys;
    }

    private static void Add(HashSet<string> keys, string section, Type options)
    {
        foreach (var property in options.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.SetMethod!.IsPublic))
        {
            var key = $"{section}__{property.Name}";
            keys.Add(Moved.TryGetValue(key, out var moved) ? moved! : key);
        }
    }
}
