namespace RunbookRunner.Core.Runs.Inputs;

/// <summary>Who asked for something (a Slack user id or token name) and through what (slack, web, api, cli, system, rehearsal).</summary>
public sealed record Actor(string Id, string Source)
{
    public static Actor System { get; } = new("system", "system");

    public override string ToString() => $"{Id} via {Source}";
}
