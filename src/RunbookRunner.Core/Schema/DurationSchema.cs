namespace RunbookRunner.Core.Schema;

/// <summary>A duration in runbook notation (<c>30s</c>, <c>1h30m</c>).</summary>
public sealed record DurationSchema : ParamSchema
{
    public override string Expected => "a duration such as 30s or 1h30m";
}
